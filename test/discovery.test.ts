// Search page, feeds, sitemap, robots, keyword/author/plan pages and article metadata, through HTTP on
// both databases: feeds are well-formed XML with only published articles and no email address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { createArticle } from '../src/articles/operations/create-article.ts';
import { createSection } from '../src/sections/operations/create-section.ts';
import { nowIso } from '../src/db/time.ts';

const parser = new XMLParser({ ignoreAttributes: false });
const asArray = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

forEachDialect('discovery', (dialect) => {
  let site: TestSite;
  let published: { id: number; slug: string }[] = [];
  let hidden: { id: number; slug: string }[] = [];
  let sectionSlug = '';

  before(async () => {
    site = await startTestSite(dialect, { demo: true });
    const section = await createSection(site.db, { title: 'Publications ]]> <b>', description: 'Nos <publications>' });
    sectionSlug = section.slug;
    const now = nowIso();
    const author = await site.db.write((trx) =>
      trx.insertInto('users').values({ email: 'auteure.secrete@example.org', name: 'Camille Auteure', slug: 'camille-auteure', login: null, password_hash: null, role: 'editor', bio: 'Économiste.', website: 'https://camille.example', lang: 'fr', must_reset_password: 0, created_at: now, last_seen_at: null }).returning('id').executeTakeFirstOrThrow(),
    );
    const group = await site.db.write((trx) => trx.insertInto('keyword_groups').values({ title: 'Thèmes', description: '', text: '', single: 0, required: 0, applies_to: 'article' }).returning('id').executeTakeFirstOrThrow());
    const keyword = await site.db.write((trx) => trx.insertInto('keywords').values({ group_id: group.id, slug: 'finance-solidaire', title: 'Finance solidaire', description: '', text: '' }).returning('id').executeTakeFirstOrThrow());
    for (const [title, status, publishedAt] of [
      ['Épargne solidaire & <script>alert(1)</script>', 'published', null],
      ['Le microcrédit en France', 'published', null],
      ['Brouillon secret', 'draft', null],
      ['Article programmé', 'published', new Date(Date.now() + 86_400_000).toISOString()],
    ] as const) {
      const a = await createArticle(site.db, { sectionId: section.id, title, status, publishedAt, text: 'Un texte sur la finance solidaire. Rédigé par une auteure dont l’adresse ne doit pas sortir.', authorIds: [author.id], keywordIds: [keyword.id] });
      (status === 'published' && !publishedAt ? published : hidden).push({ id: a.id, slug: a.slug });
    }
  });
  after(() => site.close());

  for (const path of ['/rss.xml', '/atom.xml', '/rss.xml?complet=1', '/atom.xml?complet=1', () => `/rubrique/${sectionSlug}/rss.xml`, () => `/rubrique/${sectionSlug}/atom.xml`, '/mot/finance-solidaire/rss.xml', '/mot/finance-solidaire/atom.xml']) {
    test(`feed ${typeof path === 'string' ? path : 'of a section'} is valid XML with only published items and no email`, async () => {
      const p = typeof path === 'string' ? path : path();
      const response = await site.get(p);
      assert.equal(response.status, 200, p);
      assert.match(response.headers.get('content-type') ?? '', p.includes('rss') ? /application\/rss\+xml/ : /application\/atom\+xml/);
      const xml = await response.text();
      assert.equal(XMLValidator.validate(xml), true, 'well-formed');
      assert.doesNotMatch(xml, /@example\.org/, 'no email address');
      assert.doesNotMatch(xml, /Brouillon secret|Article programmé/);
      const doc = parser.parse(xml);
      const links: string[] = p.includes('rss')
        ? asArray(doc.rss.channel.item).map((i: { link: string }) => i.link)
        : asArray(doc.feed.entry).map((e: { link: { '@_href': string } }) => e.link['@_href']);
      for (const a of published) assert.ok(links.includes(`${site.config.siteUrl}/${a.slug}`), `${a.slug} in ${p}`);
      for (const a of hidden) assert.ok(!links.some((l) => l.endsWith(`/${a.slug}`)), `${a.slug} not in ${p}`);
      if (p.includes('atom')) {
        assert.ok(doc.feed.id && doc.feed.updated && doc.feed.title, 'atom required elements');
        for (const e of asArray(doc.feed.entry) as { author?: unknown; id?: string; updated?: string }[]) assert.ok(e.author && e.id && e.updated, 'entry required elements');
      } else assert.ok(doc.rss['@_version'] === '2.0' && doc.rss.channel.title && doc.rss.channel.description, 'rss required elements');
    });
  }

  test('the full-text feed carries the text, the summary feed does not need to', async () => {
    const xml = await (await site.get('/rss.xml?complet=1')).text();
    assert.match(xml, /Un texte sur la finance solidaire/);
  });

  test('sitemap.xml lists every published article and no other', async () => {
    const xml = await (await site.get('/sitemap.xml')).text();
    assert.equal(XMLValidator.validate(xml), true);
    const locs = asArray(parser.parse(xml).urlset.url).map((u: { loc: string }) => u.loc);
    const rows = await site.db.kysely.selectFrom('articles').select(['slug', 'status', 'published_at']).execute();
    const now = new Date().toISOString();
    for (const row of rows) {
      const listed = locs.includes(`${site.config.siteUrl}/${encodeURIComponent(row.slug)}`);
      assert.equal(listed, row.status === 'published' && row.published_at !== null && row.published_at <= now, row.slug);
    }
  });

  test('robots.txt points to the sitemap and keeps the back office out', async () => {
    const text = await (await site.get('/robots.txt')).text();
    assert.match(text, /Sitemap: .*\/sitemap\.xml/);
    assert.match(text, /Disallow: \/ecrire\//);
  });

  test('keyword, author and plan pages list only public articles; unknown ones are 404', async () => {
    for (const path of ['/mot/finance-solidaire', '/auteur/camille-auteure', '/plan']) {
      const response = await site.get(path);
      assert.equal(response.status, 200, path);
      const html = await response.text();
      for (const a of published) assert.ok(html.includes(`href="/${a.slug}"`), `${a.slug} on ${path}`);
      for (const a of hidden) assert.ok(!html.includes(`href="/${a.slug}"`), `${a.slug} hidden on ${path}`);
      assert.doesNotMatch(html, /@example\.org/);
      assert.doesNotMatch(html, /<script>alert/);
    }
    assert.equal((await site.get('/mot/inconnu')).status, 404);
    assert.equal((await site.get('/auteur/inconnu')).status, 404);
    assert.equal((await site.get('/rubrique/inconnue/rss.xml')).status, 404);
  });

  test('an article page has OpenGraph, JSON-LD Article and related articles', async () => {
    const html = await (await site.get(`/${published[0]!.slug}`)).text();
    assert.match(html, /<meta property="og:title" content="Épargne solidaire &amp; &lt;script&gt;/);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
    assert.ok(json, 'JSON-LD present');
    const data = JSON.parse(json[1]!);
    assert.equal(data['@type'], 'Article');
    assert.equal(data.author[0].name, 'Camille Auteure');
    assert.doesNotMatch(json[1]!, /<\/?script|@example\.org/);
    // Related: the other published article sharing the keyword; never the hidden ones.
    const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    assert.ok(related.includes(`href="/${published[1]!.slug}"`), 'related by keyword');
    for (const a of hidden) assert.ok(!related.includes(`/${a.slug}"`), 'no hidden related');
  });

  test('the search page shows ranked, highlighted results and survives hostile queries', async () => {
    const response = await site.get('/recherche?q=MICROCREDIT');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<mark>microcrédit<\/mark>/i);
    for (const q of ['', '"', '*', 'NEAR(', "'--", 'x'.repeat(10_000), '%22%22%22', 'le la les', '<script>']) {
      const r = await site.get(`/recherche?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, q);
      assert.doesNotMatch(await r.text(), /<script>alert|<script>[^<]/);
      // A page that is no page is the 404 of every list (decision 017), never a 500 nor page 1 again.
      const nonsense = await site.get(`/recherche?q=${encodeURIComponent(q)}&page=${encodeURIComponent('-3')}`);
      assert.equal(nonsense.status, 404, q);
      assert.doesNotMatch(await nonsense.text(), /<script>alert|<script>[^<]/);
    }
    const empty = await (await site.get('/recherche?q=')).text();
    assert.match(empty, /Tapez un ou plusieurs mots/);
    const long = await (await site.get(`/recherche?q=${'économie '.repeat(100)}`)).text();
    assert.match(long, /trop longue/);
    const none = await (await site.get('/recherche?q=zzzzqqq')).text();
    assert.match(none, /Aucun résultat/);
    const draft = await (await site.get('/recherche?q=brouillon%20secret')).text();
    assert.doesNotMatch(draft, /Brouillon secret/);
  });
});
