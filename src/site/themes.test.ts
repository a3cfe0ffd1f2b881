// Themes on a running site, on both databases: an article.liquid in <dataDir>/theme/ replaces the theme's; a
// broken override (does not parse, loops over an unknown variable, includes a missing file) is logged with
// file and line while the theme's own template is served; a hostile title stays text through every template.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { DEFAULT_THEME_DIR } from '../web/theme.ts';

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

/** Script elements of a page other than Tisse's own (its assets and the JSON-LD). */
function foreignMarkup(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/src="\/assets\/|type="application\/ld\+json"/.test(tag));
  // Attribute values removed first: an escaped title inside one is text, not an attribute.
  const handlers = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]).filter((tag) => /\son[a-z]+=/i.test(tag.replace(/"[^"]*"/g, '""')));
  return [...scripts, ...handlers];
}

forEachDialect('themes on a site', (dialect) => {
  let site: TestSite;
  const logged: string[] = [];
  let slug = '';
  before(async () => {
    const overrides = join(process.env.TMPDIR ?? '/tmp', `tisse-theme-override-${process.pid}-${dialect}`);
    mkdirSync(overrides, { recursive: true });
    const article = readFileSync(join(DEFAULT_THEME_DIR, 'article.liquid'), 'utf8');
    writeFileSync(join(overrides, 'article.liquid'), article.replace('{%- block content %}', '{%- block content %}\n<p class="marqueur-surcharge">Gabarit surchargé</p>'));
    writeFileSync(join(overrides, 'home.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% for a in nulle_part %}{{ a }}{% endfor %}\n{% endblock %}");
    writeFileSync(join(overrides, 'plan.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% if %}\n{% endblock %}");
    writeFileSync(join(overrides, 'glossary.liquid'), "{% layout 'layout' %}\n{% block content %}{% render 'partials/absent' %}{% endblock %}");
    const log = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    site = await startTestSite(dialect, { demo: false, log, env: { TISSE_THEME_DIR: overrides } });
    const section = await createSection(site.db, { title: HOSTILE, description: HOSTILE });
    const created = await createArticle(site.db, { sectionId: section.id, title: HOSTILE, surtitle: HOSTILE, description: HOSTILE, text: `Texte ${HOSTILE}`, status: 'published' });
    slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', created.id).executeTakeFirstOrThrow()).slug;
  });
  after(() => site.close());

  test('an article.liquid in the override folder replaces the theme’s', async () => {
    const html = await (await site.get(`/${slug}`)).text();
    assert.match(html, /<p class="marqueur-surcharge">Gabarit surchargé<\/p>/);
    assert.match(html, /class="article__title"/);
  });

  test('a broken override is logged with file and line, and the theme’s own template is served', async () => {
    for (const [path, file, mark] of [
      ['/', 'home.liquid', 'a-la-une'],
      ['/plan', 'plan.liquid', 'plan__sections'],
      ['/glossaire', 'glossary.liquid', 'glossary-page'],
    ] as const) {
      const response = await site.get(path);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), new RegExp(mark), path);
      const line = logged.find((l) => l.includes(file));
      assert.ok(line, `${file} logged`);
      assert.match(JSON.parse(line).msg, /Gabarit surchargé en erreur, celui du thème est servi à sa place/);
    }
    assert.match(logged.find((l) => l.includes('home.liquid'))!, /home\.liquid, ligne 3 : variable inconnue/);
    assert.match(logged.find((l) => l.includes('plan.liquid'))!, /plan\.liquid, ligne 3 : le gabarit ne se lit pas/);
    assert.match(logged.find((l) => l.includes('glossary.liquid'))!, /fichier inclus introuvable/);
  });

  test('a hostile title stays text through every template', async () => {
    const section = await site.db.kysely.selectFrom('sections').select('slug').where('title', '=', HOSTILE).executeTakeFirstOrThrow();
    for (const path of [`/${slug}`, `/imprimer/${slug}`, '/', `/rubrique/${section.slug}`, '/plan', `/recherche?q=${encodeURIComponent(HOSTILE)}`, `/${encodeURIComponent(HOSTILE)}`]) {
      const response = await site.get(path);
      const html = await response.text();
      assert.deepEqual(foreignMarkup(html), [], path);
      assert.doesNotMatch(html, /<script>alert|<img src=x/, path);
    }
    const article = await (await site.get(`/${slug}`)).text();
    assert.match(article, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  test('OpenGraph, canonical link and JSON-LD on the home, section and article pages', async () => {
    for (const path of ['/', `/${slug}`]) {
      const html = await (await site.get(path)).text();
      assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\//, path);
      assert.match(html, /<meta property="og:title" content="[^"]+">/, path);
      assert.match(html, /<script type="application\/ld\+json">\{"@context":"https:\/\/schema\.org"/, path);
    }
  });
});
