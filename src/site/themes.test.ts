// Themes on a running site, on both databases: an article.liquid in <dataDir>/theme/ replaces the theme's; a
// broken override (does not parse, loops over an unknown variable, includes a missing file, a theme.json with
// wrong types) is logged with file and line while the theme's own template is served, and `tisse theme check
// --base` names each; an override site.css replaces the theme's; a hostile title stays text through every template.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const OVERRIDE_CSS = 'body { color: #123456 }';

/** An override folder: a good article.liquid and site.css, and four broken files, each in its own way. */
function writeOverrides(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const article = readFileSync(join(DEFAULT_THEME_DIR, 'article.liquid'), 'utf8');
  writeFileSync(join(dir, 'article.liquid'), article.replace('{%- block content %}', '{%- block content %}\n<p class="marqueur-surcharge">Gabarit surchargé</p>'));
  writeFileSync(join(dir, 'home.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% for a in nulle_part %}{{ a }}{% endfor %}\n{% endblock %}");
  writeFileSync(join(dir, 'plan.liquid'), "{% layout 'layout' %}\n{% block content %}\n{% if %}\n{% endblock %}");
  writeFileSync(join(dir, 'glossary.liquid'), "{% layout 'layout' %}\n{% block content %}{% render 'partials/absent' %}{% endblock %}");
  writeFileSync(join(dir, 'theme.json'), JSON.stringify({ name: 'Surcharge', version: '1.0.0', settings: { show_tagline: { type: 'boolean', label: 'Slogan', default: 'oui' } } }));
  writeFileSync(join(dir, 'assets', 'site.css'), OVERRIDE_CSS);
}

const assetHash = (body: string | Buffer) => createHash('sha1').update(body).digest('hex').slice(0, 10);

test('tisse theme check --base names each broken override with its file and line, and exits 1', () => {
  const overrides = mkdtempSync(join(tmpdir(), 'tisse-theme-override-'));
  writeOverrides(overrides);
  const root = join(import.meta.dirname, '..', '..');
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'theme', 'check', overrides, '--base', DEFAULT_THEME_DIR], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(out.status, 1, out.stderr);
  const lines = out.stdout.trim().split('\n').sort();
  assert.equal(lines.length, 4, out.stdout);
  assert.equal(lines[0], 'glossary.liquid, ligne 2 : fichier inclus introuvable (partials/absent)');
  assert.equal(lines[1], 'home.liquid, ligne 3 : variable inconnue (nulle_part)');
  // LiquidJS's own words follow, in parentheses.
  assert.match(lines[2]!, /^plan\.liquid, ligne 3 : le gabarit ne se lit pas \(.+\)$/);
  assert.equal(lines[3], 'theme.json : theme.json invalide (settings.show_tagline.default : valeur invalide)');
  assert.match(out.stderr, /^4 problème\(s\) dans le thème /);
  rmSync(overrides, { recursive: true });
});

forEachDialect('themes on a site', (dialect) => {
  let site: TestSite;
  const logged: string[] = [];
  let slug = '';
  let overrides = '';
  before(async () => {
    overrides = mkdtempSync(join(tmpdir(), `tisse-theme-override-${dialect}-`));
    writeOverrides(overrides);
    const log = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    site = await startTestSite(dialect, { demo: false, log, env: { TISSE_THEME_DIR: overrides } });
    const section = await createSection(site.db, { title: HOSTILE, description: HOSTILE });
    const created = await createArticle(site.db, { sectionId: section.id, title: HOSTILE, surtitle: HOSTILE, description: HOSTILE, text: `Texte ${HOSTILE}`, status: 'published' });
    slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', created.id).executeTakeFirstOrThrow()).slug;
  });
  after(async () => {
    await site.close();
    rmSync(overrides, { recursive: true });
  });

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
    assert.match(logged.find((l) => l.includes('glossary.liquid'))!, /glossary\.liquid, ligne 2 : fichier inclus introuvable/);
  });

  test('an override theme.json with wrong types is logged, and the theme’s own settings serve the pages', async () => {
    const home = await site.get('/');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /a-la-une/);
    const line = logged.find((l) => l.includes('theme.json'));
    assert.ok(line, 'theme.json logged');
    assert.equal(JSON.parse(line).msg, 'Gabarit surchargé en erreur, celui du thème est servi à sa place : theme.json : theme.json invalide (settings.show_tagline.default : valeur invalide)');
  });

  test('an override assets/site.css replaces the theme’s: its address carries its own hash, its body is served', async () => {
    const html = await (await site.get(`/${slug}`)).text();
    const href = /href="(\/assets\/site\.css\?v=([0-9a-f]+))"/.exec(html);
    assert.ok(href, 'site.css linked');
    assert.equal(href[2], assetHash(OVERRIDE_CSS));
    assert.notEqual(href[2], assetHash(readFileSync(join(DEFAULT_THEME_DIR, 'assets', 'site.css'))));
    const css = await site.get(href[1]!);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal(await css.text(), OVERRIDE_CSS);
    // A file the folder does not override still comes from the theme.
    assert.equal(await (await site.get('/assets/print.css')).text(), readFileSync(join(DEFAULT_THEME_DIR, 'assets', 'print.css'), 'utf8'));
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
