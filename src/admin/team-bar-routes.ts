// The team's bar on public pages (issue 19). Public pages are the same for every reader and served from the
// page cache to logged-in team members too; what is theirs (the way to the back office, "Modifier cet article"
// where they may edit it) comes from here, asked by the theme's team-bar.js only when the browser holds the
// team marker (web/auth.ts: set with the session cookie, holding no secret). Never stored by any cache.
import { Hono } from 'hono';
import { loadArticle } from '../articles/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { resolvePath } from '../urls/index.ts';
import { articleTargetOf, can } from '../users/index.ts';
import { clearTeamMarker, currentUser, type AdminEnv } from '../web/auth.ts';

interface TeamLink {
  label: string;
  href: string;
}

export const teamBarRoutes = new Hono<AdminEnv>();

teamBarRoutes.get('/ecrire/barre', async (c) => {
  c.header('cache-control', 'private, no-store');
  const user = currentUser(c);
  if (!user || !can(user.actor, 'backoffice.enter')) {
    // The marker outlived the session (expired, logged out elsewhere): the script stops asking.
    clearTeamMarker(c);
    return c.json({ links: [] }, 401);
  }
  const db = c.get('app').db;
  const links: TeamLink[] = [{ label: t('teamBar.backOffice'), href: '/ecrire/' }];
  const path = c.req.query('chemin') ?? '';
  const target = path.startsWith('/') && path.length <= 2000 ? await resolvePath(db, path) : undefined;
  if (target?.objectType === 'article') {
    const article = await loadArticle(db, target.objectId);
    if (article) {
      const editable = can(user.actor, 'article.edit', await articleTargetOf(db, article));
      links.push({ label: t(editable ? 'teamBar.editArticle' : 'teamBar.openArticle'), href: `/ecrire/articles/${article.id}` });
    }
  } else if (target?.objectType === 'section' && can(user.actor, 'section.manage', { sectionId: target.objectId })) {
    links.push({ label: t('teamBar.editSection'), href: `/ecrire/rubriques/${target.objectId}` });
  }
  return c.json({ name: user.user.name, label: t('teamBar.label'), links });
});
