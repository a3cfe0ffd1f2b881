// French search quality on both databases: stemming, accents, phrases, ranking, visibility, index kept
// current by every write, and hostile queries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { createArticle } from '../src/articles/operations/create-article.ts';
import { createSection } from '../src/sections/operations/create-section.ts';
import { reindex, search, searchBackend } from '../src/search/search.ts';
import { COUNT_LIMIT, RANKED_CANDIDATES, type RankedHit } from '../src/search/backend.ts';
import { parseQuery } from '../src/search/query.ts';
import { nowIso } from '../src/db/time.ts';

forEachDialect('search', (dialect) => {
  let site: TestSite;
  const ids: Record<string, number> = {};

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Analyses', description: 'Nos analyses de la finance solidaire' });
    const add = async (key: string, fields: Omit<Parameters<typeof createArticle>[1], 'sectionId'>) => {
      ids[key] = (await createArticle(site.db, { status: 'published', ...fields, sectionId: section.id })).id;
    };
    await add('coop', { title: 'Les coopératives d’habitants', text: 'Un modèle pour se loger autrement, entre voisins.' });
    await add('body', { title: 'Notes de lecture', text: 'Un livre sur la coopérative, le logement et la démocratie.' });
    await add('eco', { title: 'Rapport annuel', lead: 'L’économie sociale et solidaire en 2024.', text: 'Des chiffres et des emplois.' });
    await add('accent', { title: 'ECONOMIE CIRCULAIRE', text: 'Réparer plutôt que jeter.' });
    await add('phrase', { title: 'Territoires', text: 'La finance sociale avance ; l’économie et le travail aussi.' });
    await add('ps', { title: 'Brève', text: 'Rien à signaler.', postscript: 'Merci à la mutuelle partenaire.' });
    await add('draft', { title: 'Brouillon sur les coopératives', status: 'draft' });
    await add('future', { title: 'Coopératives de demain', status: 'published', publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
    await add('mutuelleTitle', { title: 'La mutuelle et ses adhérents', text: 'Rien de plus.' });
    await add('oeuvre', { title: 'Mise en œuvre', text: 'Les économies sociales locales et leurs chefs-d’œuvre.' });
  });
  after(() => site.close());

  const found = async (q: string) => (await search(site.db, q, { perPage: 50 })).items.filter((i) => i.kind === 'article').map((i) => i.id);

  test('stemming: a plural finds the singular and the other forms of the stem', async () => {
    const hits = await found('coopératives');
    assert.ok(hits.includes(ids.coop!), 'search.test.ts:37');
    assert.ok(hits.includes(ids.body!), 'coopérative (singular, in the text) is found by coopératives');
  });

  test('accents and case are ignored both ways', async () => {
    assert.ok((await found('economie')).includes(ids.eco!), 'search.test.ts:42');
    assert.ok((await found('économie circulaire')).includes(ids.accent!), 'search.test.ts:43');
    assert.ok((await found('ÉCONOMIE')).includes(ids.eco!), 'search.test.ts:44');
  });

  test('every word must match', async () => {
    const hits = await found('économie emplois');
    assert.deepEqual(hits, [ids.eco!]);
  });

  test('a quoted phrase needs its words together and in order', async () => {
    const phrase = await found('"économie sociale"');
    assert.ok(phrase.includes(ids.eco!), 'search.test.ts:54');
    assert.ok(!phrase.includes(ids.phrase!), 'économie … sociale apart is not the phrase');
    const loose = await found('économie sociale');
    assert.ok(loose.includes(ids.phrase!), 'search.test.ts:57');
  });

  test('a quoted phrase is stemmed on both databases: its words in any form, still together and in order', async () => {
    assert.ok((await found('"économies sociales"')).includes(ids.eco!), 'plural phrase finds « économie sociale »');
    assert.ok((await found('"économie sociale"')).includes(ids.oeuvre!), 'singular phrase finds « économies sociales »');
    assert.ok(!(await found('"sociale économie"')).includes(ids.eco!), 'order still counts');
  });

  test('œ and oe are the same letter both ways', async () => {
    assert.ok((await found('oeuvre')).includes(ids.oeuvre!), 'oeuvre finds œuvre');
    assert.ok((await found('ŒUVRE')).includes(ids.oeuvre!), 'ŒUVRE finds œuvre');
    assert.ok((await found('"chefs d oeuvre"')).includes(ids.oeuvre!), 'in a phrase too');
  });

  test('a prefix is matched on stems: a whole word with a star still finds its forms', async () => {
    assert.ok((await found('économie*')).includes(ids.eco!), 'économie* finds économie (stem econom)');
    assert.ok((await found('coop*')).includes(ids.body!), 'coop* finds coopérative');
    assert.ok((await found('écono*')).includes(ids.eco!), 'écono* finds économie');
  });

  test('a title match outranks a body or postscript match', async () => {
    const hits = await found('coopérative');
    assert.ok(hits.indexOf(ids.coop!) >= 0 && hits.indexOf(ids.coop!) < hits.indexOf(ids.body!), `title match first: ${hits}`);
    const mutuelle = await found('mutuelle');
    assert.deepEqual(mutuelle, [ids.mutuelleTitle!, ids.ps!]);
  });

  test('drafts and scheduled articles never appear', async () => {
    const hits = await found('coopératives');
    assert.ok(!hits.includes(ids.draft!), 'search.test.ts:69');
    assert.ok(!hits.includes(ids.future!), 'search.test.ts:70');
    // Once its date has come, the scheduled article is found without reindexing.
    const later = await search(site.db, 'coopératives', { now: new Date(Date.now() + 2 * 86_400_000).toISOString(), perPage: 50 });
    assert.ok(later.items.some((i) => i.id === ids.future!), 'search.test.ts:73');
  });

  test('the index follows writes in the same transaction: edit, unpublish, delete', async () => {
    await site.db.write((trx) => trx.updateTable('articles').set({ title: 'Les mutuelles d’habitants', updated_at: nowIso() }).where('id', '=', ids.coop!).execute());
    assert.ok(!(await found('coopératives habitants')).includes(ids.coop!), 'search.test.ts:78');
    assert.ok((await found('mutuelles habitants')).includes(ids.coop!), 'search.test.ts:79');
    await site.db.write((trx) => trx.updateTable('articles').set({ status: 'draft' }).where('id', '=', ids.eco!).execute());
    assert.ok(!(await found('économie')).includes(ids.eco!), 'search.test.ts:81');
    await site.db.write((trx) => trx.updateTable('articles').set({ status: 'published' }).where('id', '=', ids.eco!).execute());
    assert.ok((await found('économie')).includes(ids.eco!), 'search.test.ts:83');
    // A rolled-back write leaves the index as it was.
    await assert.rejects(
      site.db.write(async (trx) => {
        await trx.updateTable('articles').set({ title: 'Zythologie' }).where('id', '=', ids.accent!).execute();
        throw new Error('rollback');
      }),
    );
    assert.deepEqual(await found('zythologie'), []);
  });

  test('sections, glossary terms and published public messages are found; pending ones are not', async () => {
    await site.db.write(async (trx) => {
      const now = nowIso();
      await trx.insertInto('glossary_terms').values({ term: 'SCOP', slug: 'scop', variants: '["Société coopérative et participative"]', definition: 'Société coopérative dont les salariés sont associés.', presentation: '', link_url: '', created_at: now, updated_at: now }).execute();
      const message = { kind: 'public' as const, article_id: ids.body!, thread_id: null, parent_id: null, title: '', author_name: 'Léa', author_email: 'lea@example.org', author_url: '', user_id: null, ip: '', created_at: now, moderated_at: null, moderated_by: null };
      await trx.insertInto('forum_messages').values({ ...message, status: 'published', text: 'Bravo pour cette recension zoologique.' }).execute();
      await trx.insertInto('forum_messages').values({ ...message, status: 'pending', text: 'Message zoologique en attente.' }).execute();
      await trx.insertInto('forum_messages').values({ ...message, kind: 'team', status: 'published', text: 'Note interne zoologique.' }).execute();
    });
    const kinds = (await search(site.db, 'finance solidaire')).items.map((i) => i.kind);
    assert.ok(kinds.includes('section'), 'search.test.ts:104');
    const scop = await search(site.db, 'scop');
    assert.equal(scop.items[0]?.kind, 'glossary');
    const forum = await search(site.db, 'zoologique');
    assert.equal(forum.items.length, 1);
    assert.equal(forum.items[0]!.kind, 'forum');
    assert.equal(forum.total, 1);
  });

  test('snippets mark the words found, in any of their forms', async () => {
    const result = await search(site.db, 'logement');
    const item = result.items.find((i) => i.id === ids.body!)!;
    assert.ok(item.snippet.some((s) => s.hit && s.text.toLowerCase() === 'logement'), 'search.test.ts:116');
    const accent = await search(site.db, 'reparer');
    assert.ok(accent.items[0]!.snippet.some((s) => s.hit && s.text === 'Réparer'), 'search.test.ts:118');
  });

  test('pagination: pages do not overlap and the total is the same on each', async () => {
    const all = await search(site.db, 'rien', { perPage: 50 });
    assert.equal(all.total, 2);
    const first = await search(site.db, 'rien', { perPage: 1, page: 1 });
    const second = await search(site.db, 'rien', { perPage: 1, page: 2 });
    assert.equal(first.total, 2);
    assert.equal(second.total, 2);
    assert.notEqual(first.items[0]!.id, second.items[0]!.id);
    const beyond = await search(site.db, 'rien', { perPage: 1, page: 3 });
    assert.equal(beyond.items.length, 0);
    assert.equal(beyond.total, 2, 'a page past the end still tells the total');
    assert.equal(first.totalCapped, false);
  });

  test('the count stops at COUNT_LIMIT: totalCapped says there are more', async () => {
    const many = await site.db.write(async (trx) => {
      const section = await trx.selectFrom('sections').select('id').executeTakeFirstOrThrow();
      const now = nowIso();
      const rows = Array.from({ length: COUNT_LIMIT + 5 }, (_, i) => ({
        section_id: section.id, slug: `xylophone-${i}`, surtitle: '', title: `Xylophones ${i}`, subtitle: '', description: '', lead: '', text: '', postscript: '',
        status: 'published' as const, published_at: now, written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now,
      }));
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('articles').values(rows.slice(i, i + 200)).execute();
      return rows.length;
    });
    const result = await search(site.db, 'xylophone', { page: 2 });
    assert.equal(result.items.length, 10);
    assert.ok(many > COUNT_LIMIT, 'search.test.ts: more rows than the count limit');
    assert.equal(result.total, COUNT_LIMIT);
    assert.equal(result.totalCapped, true);
    await site.db.write((trx) => trx.deleteFrom('articles').where('slug', 'like', 'xylophone-%').execute());
    assert.equal((await search(site.db, 'xylophone')).total, 0);
  });

  test('more matches than RANKED_CANDIDATES: title matches first, every result visible and matching, pages in one order', async () => {
    // Body-only matches beyond the ranked candidates, a few title matches among the oldest (they must still
    // come first), and unpublished ones written last, so that they sit among the newest.
    const now = nowIso();
    const bodyCount = RANKED_CANDIDATES + 40;
    const inserted = await site.db.write(async (trx) => {
      const section = await trx.selectFrom('sections').select('id').executeTakeFirstOrThrow();
      const row = (i: number, fields: { title: string; text: string; status?: 'draft' | 'published'; published_at?: string | null }) => ({
        section_id: section.id, slug: `vibraphone-${i}`, surtitle: '', subtitle: '', description: '', lead: '', postscript: '', status: 'published' as const, published_at: now,
        written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now, ...fields,
      });
      const rows = [
        ...Array.from({ length: 3 }, (_, i) => row(i, { title: `Le vibraphone, épisode ${i}`, text: 'Rien.' })),
        // Term frequency varies, so that scores differ among body-only matches.
        ...Array.from({ length: bodyCount }, (_, i) => row(3 + i, { title: `Note ${i}`, text: `${'Un vibraphone joue. '.repeat(1 + (i % 4))}Et puis ${'autre chose '.repeat(i % 7)}.` })),
        ...Array.from({ length: 5 }, (_, i) => row(10_000 + i, { title: 'Vibraphone caché', text: 'Un vibraphone.', status: 'draft', published_at: null })),
        ...Array.from({ length: 2 }, (_, i) => row(20_000 + i, { title: 'Vibraphone programmé', text: 'Un vibraphone.', published_at: new Date(Date.now() + 86_400_000).toISOString() })),
      ];
      for (let i = 0; i < rows.length; i += 200) await trx.insertInto('articles').values(rows.slice(i, i + 200)).execute();
      return trx.selectFrom('articles').select(['id', 'title', 'text', 'status', 'published_at']).where('slug', 'like', 'vibraphone-%').execute();
    });
    const visible = new Set(inserted.filter((a) => a.status === 'published' && a.published_at! <= now).map((a) => a.id));
    const titled = inserted.filter((a) => visible.has(a.id) && a.title.startsWith('Le vibraphone')).map((a) => a.id);
    assert.equal(visible.size, 3 + bodyCount);

    const query = parseQuery('vibraphones');
    const rank = (limit: number, offset: number) => searchBackend(site.db).rank(site.db, query, { limit, offset, now: nowIso() });
    const all = await rank(10_000, 0);
    const ids = all.hits.map((h) => h.id);
    assert.deepEqual(new Set(ids), visible, 'every visible match once, nothing unpublished');
    assert.equal(ids.length, visible.size, 'no duplicates');
    assert.deepEqual(new Set(ids.slice(0, 3)), new Set(titled), 'title matches first');
    // Then the newest RANKED_CANDIDATES body-only matches by score, then the older ones newest first.
    const ranked = all.hits.slice(3, 3 + RANKED_CANDIDATES);
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.score >= ranked[i]!.score, `ranked by score at ${i}`);
    const bodyIds = [...visible].filter((id) => !titled.includes(id)).sort((a, b) => b - a);
    assert.deepEqual(new Set(ranked.map((h) => h.id)), new Set(bodyIds.slice(0, RANKED_CANDIDATES)), 'the newest body-only matches are the ranked ones');
    assert.deepEqual(all.hits.slice(3 + RANKED_CANDIDATES).map((h: RankedHit) => h.id), bodyIds.slice(RANKED_CANDIDATES), 'older ones newest first');
    assert.equal(all.total, COUNT_LIMIT);
    assert.equal(all.totalCapped, true);

    // Pages of any size, including ones straddling the groups, cut that same order.
    for (const perPage of [10, 7, 333]) {
      const paged: number[] = [];
      for (let offset = 0; offset < ids.length + perPage; offset += perPage) {
        const page = await rank(perPage, offset);
        paged.push(...page.hits.map((h) => h.id));
        assert.equal(page.totalCapped, true, `total on page at ${offset}`);
      }
      assert.deepEqual(paged, ids, `pages of ${perPage}`);
    }

    // Through search(): results match and show the word.
    const page2 = await search(site.db, 'vibraphones', { page: 2 });
    assert.equal(page2.items.length, 10);
    for (const item of page2.items) assert.ok(visible.has(item.id) && [...item.snippet, ...item.titleMarks].some((s) => s.hit), `match ${item.id}`);
    await site.db.write((trx) => trx.deleteFrom('articles').where('slug', 'like', 'vibraphone-%').execute());
    assert.equal((await search(site.db, 'vibraphone')).total, 0);
  });

  test('a message follows its article: hidden when the article is unpublished or scheduled, back when it is public', async () => {
    const now = nowIso();
    await site.db.write((trx) =>
      trx.insertInto('forum_messages').values({ kind: 'public', article_id: ids.ps!, thread_id: null, parent_id: null, title: '', author_name: 'Noé', author_email: 'noe@example.org', author_url: '', user_id: null, ip: '', created_at: now, moderated_at: null, moderated_by: null, status: 'published', text: 'Une remarque ornithologique.' }).execute(),
    );
    assert.equal((await search(site.db, 'ornithologique')).total, 1);
    await site.db.write((trx) => trx.updateTable('articles').set({ status: 'draft' }).where('id', '=', ids.ps!).execute());
    assert.equal((await search(site.db, 'ornithologique')).total, 0, 'article unpublished');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await site.db.write((trx) => trx.updateTable('articles').set({ status: 'published', published_at: tomorrow }).where('id', '=', ids.ps!).execute());
    assert.equal((await search(site.db, 'ornithologique')).total, 0, 'article scheduled');
    assert.equal((await search(site.db, 'ornithologique', { now: new Date(Date.now() + 2 * 86_400_000).toISOString() })).total, 1, 'on its date, without reindexing');
    await site.db.write((trx) => trx.updateTable('articles').set({ published_at: now }).where('id', '=', ids.ps!).execute());
    assert.equal((await search(site.db, 'ornithologique')).total, 1);
  });

  test('hostile and odd queries give results or nothing, never an error', async () => {
    for (const q of ['', '"', '*', 'NEAR(', "'--", 'a OR b', 'économie"', '"""', '(', ')', 'AND', 'NOT économie', 'col:term', '^x', '\\', 'x'.repeat(5000), 'é'.repeat(300), '%', '\u0000', 'écon*', '*économie', 'le la les', 'mot -autre', "'; DROP TABLE articles; --"]) {
      const result = await search(site.db, q);
      assert.ok(Array.isArray(result.items), q, 'search.test.ts:136');
    }
    assert.ok((await found('écon*')).includes(ids.eco!), 'search.test.ts:138');
    assert.equal((await search(site.db, 'x'.repeat(5000))).query.notices[0], 'truncated');
  });

  test('reindex rebuilds the same index', async () => {
    const before = await found('coopérative');
    let last = 0;
    const { indexed } = await reindex(site.db, (done) => (last = done));
    assert.ok(indexed > 0 && last > 0, 'search.test.ts:146');
    assert.deepEqual(await found('coopérative'), before);
  });
});
