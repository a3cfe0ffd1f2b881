// The article page's reads on both databases (decision 035). How many statements a page served from the database
// runs, counted at the drivers (better-sqlite3's statements, pg's client): two, whatever the article has, so a query
// added to the hot path fails here. And the one read gives, for every article of the SPIP import (a
// translation group added), exactly what each of its parts gives run alone: the same values, types and order once
// through JSON, nulls and integers included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { fixturePath } from '../../test/helpers/fixtures.ts';
import { createApp, closeTheme } from '../app.ts';
import { loadConfig } from '../kernel/config.ts';
import { createPageCache } from '../web/page-cache.ts';
import { localStorage } from '../documents/index.ts';
import { initialiseSite } from '../setup/index.ts';
import { importSpip } from '../importers/spip/importer.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';
import { savePetition, confirmedCountQuery, petitionViewOf, shownSignaturesQuery } from '../petitions/index.ts';
import { publishedMessagesQuery, threadsOf } from '../forum/index.ts';
import { sharingKeywordsQuery } from '../search/index.ts';
import { createArticle, groupMembersQuery, loadArticlePageData, newestInSectionQuery, publicTranslations, resolveArticlePath } from '../articles/index.ts';
import type { Article } from '../db/schema.ts';
import { readArticlePage } from './article-page-read.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';

/** The SQL text of every statement the drivers run inside `work` (not another request's, nor the jobs'). */
const statements = new AsyncLocalStorage<string[]>();
let unpatch: (() => void) | undefined;

function countStatements(): void {
  const Statement = Object.getPrototypeOf(new BetterSqlite3(':memory:').prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map(['all', 'get', 'run', 'iterate'].map((name) => [name, Statement[name]!]));
  for (const [name, original] of originals) {
    Statement[name] = function (this: { source: string }, ...args: unknown[]) {
      statements.getStore()?.push(this.source);
      return original.apply(this, args);
    };
  }
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    statements.getStore()?.push(typeof first === 'string' ? first : first.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  unpatch = () => {
    for (const [name, original] of originals) Statement[name] = original;
    pg.Client.prototype.query = query;
  };
}

/** What the page reads: SQLite's check of the data version (PRAGMA data_version, no row of the site) left out. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  await statements.run(seen, work);
  return seen.filter((sql) => !/^\s*pragma data_version\s*$/i.test(sql));
}

/** The application over a test database, without a server, its page cache off. */
function applicationOn(t: TestDatabase) {
  const config = loadConfig({ TISSE_DATA_DIR: t.dataDir, TISSE_LOG_LEVEL: 'silent', TISSE_PAGE_CACHE: 'off', ...(t.url ? { TISSE_DATABASE_URL: t.url } : {}) });
  const app = { db: t.db, config, cache: createPageCache({ enabled: false, version: t.db.version }), log: pino({ level: 'silent' }), storage: localStorage(t.dataDir) };
  const hono = createApp(app);
  return {
    config,
    view: (path: string) => hono.request(path),
    async request(path: string): Promise<string> {
      const response = await hono.request(path);
      assert.equal(response.status, 200, path);
      return response.text();
    },
    close: () => closeTheme(app),
  };
}

forEachDatabase('the article page’s reads', (dialect) => {
  let t: TestDatabase;
  let site: ReturnType<typeof applicationOn>;
  const request = (path: string) => site.request(path);

  before(async () => {
    countStatements();
    t = await openTestDatabase(dialect);
    site = applicationOn(t);
    await initialiseSite(t.db, site.config, { demo: true });
  });
  after(async () => {
    site.close();
    await t.close();
    unpatch?.();
  });

  test('an article page served from the database runs two statements, with keywords and a petition too', async () => {
    // The first view reads what is kept per data version (settings, sections, next publication) and stores the render.
    await request(ARTICLE);
    const plain = await statementsOf(() => request(ARTICLE));
    assert.equal(plain.length, 2, `the path with its article, then the page's one read:\n${plain.join('\n')}`);

    const section = (await resolveArticlePath(t.db, ARTICLE))!.article!.section_id;
    const group = await saveKeywordGroup(t.db, { title: 'Thèmes', appliesTo: ['article'] });
    const keyword = await saveKeyword(t.db, { groupId: group.id, title: 'Coopération' });
    const tagged = await createArticle(t.db, { sectionId: section, title: 'Une SCOP à Niort', text: 'Texte.', status: 'published', keywordIds: [keyword.id] });
    await savePetition(t.db, tagged.id, { text: 'Nous demandons.' });
    await request(`/${tagged.slug}`);
    const withKeywords = await statementsOf(() => request(`/${tagged.slug}`));
    assert.equal(withKeywords.length, 2, `the articles sharing its keywords and its petition are in the one read:\n${withKeywords.join('\n')}`);
  });

  test('the one read gives what each part gives alone, for every article of the SPIP import', async (context) => {
    // The import asks for an empty site.
    const t = await openTestDatabase(dialect);
    const site = applicationOn(t);
    context.after(async () => {
      site.close();
      await t.close();
    });
    await importSpip(t.db, fixturePath('spip-site', 'labo-ess.sqlite'), { dataDir: t.dataDir, imgDir: fixturePath('spip-site', 'IMG'), dryRun: false });
    // A translation group (the SPIP site has none): a public translation and a draft one.
    const [original, english, spanish] = (await t.db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').limit(3).execute()).map((r) => r.id);
    await t.db.write(async (trx) => {
      await trx.updateTable('articles').set({ translation_of: original!, lang: 'en', lang_chosen: 1 }).where('id', '=', english!).execute();
      await trx.updateTable('articles').set({ translation_of: original!, lang: 'es', lang_chosen: 1, status: 'draft' }).where('id', '=', spanish!).execute();
    });
    const articles: Article[] = await t.db.kysely.selectFrom('articles').selectAll().orderBy('id').execute();
    // Their pages store their renders (public ones).
    for (const article of articles) await site.view(`/${article.slug}`);
    const now = new Date().toISOString();
    const k = t.db.kysely;
    const seen = { keywords: 0, sharing: 0, messages: 0, documents: 0, petitions: 0, signatures: 0, translations: 0, renders: 0 };
    for (const article of articles) {
      const read = await readArticlePage(t.db, article, now);
      const alone = await loadArticlePageData(t.db, article, now);
      const documents = await k.selectFrom('document_links').innerJoin('documents', 'documents.id', 'document_links.document_id').selectAll('documents').where('document_links.object_type', '=', 'article').where('document_links.object_id', '=', article.id).orderBy('document_links.position').execute();
      assert.deepEqual(read.data, { ...alone, documents }, `article ${article.id}: authors, keywords, related, documents, message count`);
      const render = await k.selectFrom('article_renders').selectAll().where('article_id', '=', article.id).executeTakeFirst();
      assert.deepEqual(read.storedRender, render, `article ${article.id}: its stored render`);
      assert.deepEqual(read.sectionNewest, await newestInSectionQuery(k, article.section_id, now, 11).execute(), `article ${article.id}: its section's newest`);
      const sharing = await sharingKeywordsQuery(k, article.id, now, 10).execute();
      assert.deepEqual(read.sharingKeywords, sharing.map((row) => ({ ...row, shared: Number(row.shared) })), `article ${article.id}: articles sharing its keywords`);
      const groupId = article.translation_of ?? article.id;
      assert.deepEqual(read.translations, publicTranslations(article, await groupMembersQuery(k, groupId).execute(), now), `article ${article.id}: translations`);
      assert.deepEqual(read.threads, threadsOf(await publishedMessagesQuery(k, article.id).execute()), `article ${article.id}: forum threads`);
      const petition = await k.selectFrom('petitions').selectAll().where('article_id', '=', article.id).executeTakeFirst();
      const count = await confirmedCountQuery(k, article.id).executeTakeFirstOrThrow();
      assert.deepEqual(read.petition, petition && petitionViewOf(petition, count.n, await shownSignaturesQuery(k, article.id).execute()), `article ${article.id}: petition`);
      seen.keywords += Number(read.data.keywords.length > 0);
      seen.sharing += Number(read.sharingKeywords.length > 0);
      seen.messages += Number(read.threads.length > 0);
      seen.documents += Number(read.data.documents.length > 0);
      seen.petitions += Number(read.petition !== undefined);
      seen.signatures += Number((read.petition?.signatures.length ?? 0) > 0);
      seen.translations += Number(read.translations.length > 0);
      seen.renders += Number(read.storedRender !== undefined);
    }
    // The comparison met every kind of part with rows in it.
    for (const [part, n] of Object.entries(seen)) assert.ok(n > 0, `some article has ${part}`);
  });
});
