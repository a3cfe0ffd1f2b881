// /apparence.css: the settings of Réglages → Apparence (colours, fonts) as the custom properties the theme's CSS
// reads, rendered from its theme-style.liquid. A stylesheet rather than an inline <style>: the site's
// Content-Security-Policy allows styles from the site only. Pages link it with a hash of the values in its
// address (render-page.ts), so it may be cached for a year and a change is seen at once.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { themeEngineOf } from '../web/theme.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { themeValues } from '../themes/index.ts';

export const THEME_STYLE_PATH = '/apparence.css';

export const themeStyleRoutes = new Hono<AppEnv>();

themeStyleRoutes.get(THEME_STYLE_PATH, async (c) => {
  const app = c.get('app');
  const engine = themeEngineOf(app);
  const theme = themeValues(engine.manifest(), (await loadSiteSettings(app.db)).themeSettings);
  const css = await engine.render('theme-style', { theme });
  return c.body(css, 200, {
    'content-type': 'text/css; charset=utf-8',
    // Versioned addresses never change; the bare address is revalidated.
    'cache-control': c.req.query('v') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
});
