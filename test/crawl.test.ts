// Issue 18: every published article is reachable by links. A site of 300 published articles in nested sections
// (one section with exactly one sub-section), with keywords, authors and dates over six years, plus unpublished
// ones (draft, proposed, refused, trash, scheduled), is crawled from `/` as a reader or a search engine would:
// breadth first, only <a href> links to the same site, HTML pages only. Every published article must be linked
// from a page that is not an article (the lists themselves, not the "same section" aside of another article),
// and no unpublished one anywhere. /plan lists every article on one page: the crawl leaves it out, so that the
// numbered lists alone must reach everything. Both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { createSection } from '../src/sections/index.ts';
import { saveKeyword, saveKeywordGroup } from '../src/keywords/index.ts';
import { createUser } from '../src/users/index.ts';
import type { ArticleStatus } from '../src/db/schema.ts';

const PUBLISHED = 300;

/** Paths the crawl does not follow: the back office, feeds and files, the forum's forms, search, print copies, the plan. */
function followed(path: string): boolean {
  if (/^\/(ecrire|assets|documents|images|forum|recherche|imprimer)(\/|$)/.test(path)) return false;
  if (path === '/plan' || /\.(xml|txt|ico|png|jpe?g|webp|svg|css|js|pdf)$/i.test(path)) return false;
  return true;
}

const hrefs = (html: string) => [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

forEachDialect('every published article is reachable by links', (dialect) => {
  let site: TestSite;
  const published = new Set<string>();
  const unpublished = new Set<string>();

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const top = await createSection(site.db, { title: 'Études' });
    const sub = await createSection(site.db, { title: 'Notes d’étude', parentId: top.id });
    const subSub = await createSection(site.db, { title: 'Fiches', parentId: sub.id });
    const single = await createSection(site.db, { title: 'L’ESS au quotidien' });
    const onlyChild = await createSection(site.db, { title: 'L’actu de l’ESS', parentId: single.id });
    const flat = await createSection(site.db, { title: 'Tribunes' });
    const sections = [top.id, sub.id, subSub.id, onlyChild.id, onlyChild.id, flat.id];
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Emploi' });
    const { user } = await createUser(site.db, { email: 'autrice@example.org', name: 'Claire Autrice', role: 'editor', password: 'motdepasse-autrice' });
    const now = new Date().toISOString();
    const start = Date.UTC(2019, 0, 1);
    const span = Date.UTC(2025, 0, 1) - start;
    const rows: { slug: string; status: ArticleStatus; published_at: string | null; section_id: number }[] = [];
    for (let i = 0; i < PUBLISHED; i++) {
      // Spread over six years, with some late evenings of a month's last day (the next month in Paris).
      const at = i % 25 === 0 ? Date.UTC(2020 + (i % 5), 3 + (i % 7), 0, 22, 30) : start + Math.floor((i * span) / PUBLISHED);
      rows.push({ slug: `publie-${i}`, status: 'published', published_at: new Date(at).toISOString(), section_id: sections[i % sections.length]! });
    }
    const past = '2022-05-05T10:00:00.000Z';
    const hidden: [ArticleStatus, string | null][] = [['draft', null], ['proposed', null], ['refused', null], ['trash', past], ['draft', past], ['published', new Date(Date.now() + 86_400_000 * 30).toISOString()]];
    hidden.forEach(([status, date], i) => rows.push({ slug: `cache-${i}`, status, published_at: date, section_id: sections[i % sections.length]! }));
    await site.db.write(async (trx) => {
      for (let from = 0; from < rows.length; from += 100) {
        const batch = rows.slice(from, from + 100);
        const ids = await trx
          .insertInto('articles')
          .values(
            batch.map((row) => ({
              ...row, title: `Article ${row.slug}`, surtitle: '', subtitle: '', description: '', lead: '', text: `Texte de ${row.slug}.`, postscript: '',
              written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now,
            })),
          )
          .returning(['id', 'slug'])
          .execute();
        await trx.insertInto('urls').values(ids.map((a) => ({ path: `/${a.slug}`, object_type: 'article' as const, object_id: a.id, is_current: 1, created_at: now }))).execute();
        const tagged = ids.filter((_, k) => (from + k) % 7 === 0);
        if (tagged.length) await trx.insertInto('keyword_links').values(tagged.map((a) => ({ keyword_id: keyword.id, object_type: 'article' as const, object_id: a.id }))).execute();
        const signed = ids.filter((_, k) => (from + k) % 3 === 0);
        if (signed.length) await trx.insertInto('article_authors').values(signed.map((a) => ({ article_id: a.id, user_id: user.id, position: 0 }))).execute();
      }
    });
    for (const row of rows) (row.slug.startsWith('publie-') ? published : unpublished).add(`/${row.slug}`);
  });
  after(() => site.close());

  test('a breadth-first crawl from / reaches every published article through the lists, and no unpublished one', async () => {
    const origin = new URL(site.url).origin;
    const queue = ['/'];
    const seen = new Set(queue);
    const linkedFromLists = new Set<string>();
    const linkedAnywhere = new Set<string>();
    let fetched = 0;
    while (queue.length) {
      const path = queue.shift()!;
      const response = await site.get(path);
      fetched++;
      assert.ok(response.status === 200 || response.status === 301, `${path} answers ${response.status}`);
      if (response.status === 301) {
        const to = new URL(response.headers.get('location')!, origin);
        const next = to.pathname + to.search;
        if (to.origin === origin && !seen.has(next)) seen.add(next), queue.push(next);
        continue;
      }
      if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
      const isArticle = published.has(path);
      for (const href of hrefs(await response.text())) {
        const url = new URL(href, origin + path);
        if (url.origin !== origin) continue;
        const target = url.pathname + url.search;
        linkedAnywhere.add(url.pathname);
        if (!isArticle) linkedFromLists.add(url.pathname);
        if (followed(url.pathname) && !seen.has(target)) seen.add(target), queue.push(target);
      }
    }
    const missing = [...published].filter((path) => !linkedFromLists.has(path));
    assert.deepEqual(missing, [], `published articles no list links to (${fetched} pages crawled)`);
    const leaked = [...unpublished].filter((path) => linkedAnywhere.has(path));
    assert.deepEqual(leaked, [], 'unpublished articles linked from the site');
    for (const path of ['/archives?page=2', '/rubrique/l-ess-au-quotidien', '/rubrique/l-actu-de-l-ess?page=2', '/archives/2020']) assert.ok(seen.has(path), `the crawl went through ${path}`);
    for (const path of unpublished) assert.ok([404, 410].includes((await site.get(path)).status), `${path} is not served`);
  });
});
