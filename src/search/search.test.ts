// The search module as the search page uses it: what a reader types is parsed into words and phrases (never
// database syntax), each kind of result links to where it lives, and the page number stays in bounds — on both
// databases. Ranking, stemming and visibility in depth: test/search.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { nowIso } from '../db/time.ts';
import { MAX_PAGE, MAX_QUERY_LENGTH, isEmptyQuery, parseQuery, search } from './index.ts';

test('operators and punctuation are plain text: only letters and digits reach the database', () => {
  const parsed = parseQuery(`économie' OR 1=1; -- DROP "TABLE`);
  assert.deepEqual(parsed.words.map((w) => w.folded), ['economie', 'drop', 'table']);
  assert.ok(parsed.words.every((w) => /^[a-z0-9]+$/.test(w.folded)));
  assert.deepEqual(parsed.phrases, [], 'an odd quote opens no phrase');
});

test('quoted phrases, prefixes, stopwords and repeated words', () => {
  const parsed = parseQuery('« finance solidaire » des coopératives coopérative écon*');
  assert.deepEqual(parsed.phrases.map((p) => p.map((w) => w.folded)), [['finance', 'solidaire']]);
  assert.deepEqual(parsed.words.map((w) => [w.folded, w.prefix]), [['cooperatives', false], ['econ', true]], 'stopword dropped, one form per stem');
  assert.equal(isEmptyQuery(parseQuery('le la les de')), true, 'only stopwords is an empty query');
});

test('a very long query is cut and the reader is told', () => {
  const parsed = parseQuery('mot '.repeat(MAX_QUERY_LENGTH));
  assert.ok(parsed.notices.includes('truncated'));
  const many = parseQuery(Array.from({ length: 20 }, (_, i) => `terme${String.fromCharCode(97 + i)}`).join(' '));
  assert.ok(many.notices.includes('tooManyTerms'));
  assert.ok(many.words.length < 20);
});

forEachDatabase('search module', (dialect) => {
  let t: TestDatabase;
  let articleId: number;
  before(async () => {
    t = await openTestDatabase(dialect);
    const section = await createSection(t.db, { title: 'Ornithologie', description: 'Les passereaux du bocage' });
    const article = await createArticle(t.db, { sectionId: section.id, title: 'Le passereau du matin', text: 'Un chant de passereau à l’aube.', status: 'published' });
    articleId = article.id;
    await t.db.write(async (trx) => {
      const now = nowIso();
      await trx.insertInto('glossary_terms').values({ term: 'Passereau', slug: 'passereau', variants: '[]', definition: 'Petit oiseau chanteur.', presentation: '', link_url: '', created_at: now, updated_at: now }).execute();
      await trx
        .insertInto('forum_messages')
        .values({ kind: 'public', article_id: article.id, thread_id: null, parent_id: null, title: '', status: 'published', text: 'J’ai vu un passereau ce matin.', author_name: 'Léa', author_email: 'lea@example.org', author_url: '', user_id: null, ip: '', created_at: now, moderated_at: null, moderated_by: null })
        .execute();
    });
  });
  after(() => t.close());

  test('each kind of result links to the page where the reader finds it', async () => {
    const results = await search(t.db, 'passereaux');
    const byKind = Object.fromEntries(results.items.map((i) => [i.kind, i]));
    assert.equal(byKind.article?.url, '/le-passereau-du-matin');
    assert.equal(byKind.section?.url, '/rubrique/ornithologie');
    assert.equal(byKind.glossary?.url, '/glossaire#passereau');
    const message = byKind.forum!;
    assert.match(message.url, new RegExp(`^/le-passereau-du-matin#forum\\d+$`));
    assert.equal(message.title, 'Le passereau du matin', 'an untitled message shows its article’s title');
    assert.equal(message.context, 'Le passereau du matin');
    assert.equal(results.total, 4);
  });

  test('the words found are marked in the title and the snippet', async () => {
    const item = (await search(t.db, 'chant')).items.find((i) => i.id === articleId)!;
    assert.ok(item.snippet.some((s) => s.hit && /chant/i.test(s.text)));
    const titled = (await search(t.db, 'matin')).items.find((i) => i.id === articleId)!;
    assert.ok(titled.titleMarks.some((s) => s.hit && s.text === 'matin'));
  });

  test('an empty query or a page far away gives an answer, not an error', async () => {
    const empty = await search(t.db, '  " * ');
    assert.deepEqual([empty.total, empty.items.length], [0, 0]);
    const far = await search(t.db, 'passereau', { page: 10_000 });
    assert.equal(far.page, MAX_PAGE);
    assert.deepEqual(far.items, []);
    assert.equal((await search(t.db, 'passereau', { page: -3 })).page, 1);
  });
});
