// The glossary read side on a real SQLite database: A–Z order and search, the cached Glossary rebuilt when
// terms change (and only then), the article annotator with its opt-out, and usage by published articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { parse } from '../markup/index.ts';
import { createSection } from '../sections/operations/create-section.ts';
import { createArticle } from '../articles/operations/create-article.ts';
import { deleteTerm, saveTerm } from './operations/save-term.ts';
import { definitionNodes, listTerms, loadGlossary } from './repository.ts';
import { articleGlossary } from './article-glossary.ts';
import { articlesByTerm } from './usage.ts';
import { glossaryTermsIn } from './annotate.ts';

let dir: string;
let db: Db;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tisse-glossary-repo-'));
  db = await openDatabase({ dataDir: dir });
  await migrateToLatest(db);
  await saveTerm(db, { term: 'SCOP', variants: ['SCOPs'], definition: 'Société coopérative et participative' });
  await saveTerm(db, { term: 'économie sociale', definition: 'Une {{économie}} [différente->https://example.org].' });
  await saveTerm(db, { term: 'ESS', definition: 'Économie sociale et solidaire' });
});

after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('listTerms: French A–Z order (accents do not push a term to the end) and search', async () => {
  assert.deepEqual((await listTerms(db)).map((t) => t.term), ['économie sociale', 'ESS', 'SCOP']);
  assert.deepEqual((await listTerms(db, { search: 'cooperative' })).map((t) => t.term), ['SCOP']);
  assert.deepEqual((await listTerms(db, { search: 'scops' })).map((t) => t.term), ['SCOP']);
});

test('definitions are typo level: links reduced to their text, emphasis kept', () => {
  const nodes = definitionNodes('Une {{économie}} [différente->https://example.org].');
  assert.ok(nodes.some((n) => n.type === 'strong'));
  assert.ok(!JSON.stringify(nodes).includes('"link"'));
  assert.match(JSON.stringify(nodes), /différente/);
});

test('the glossary is cached, and rebuilt when a term is added, changed or deleted', async () => {
  const first = await loadGlossary(db);
  assert.equal(await loadGlossary(db), first, 'same object while nothing changed');
  // A write elsewhere does not rebuild it.
  await createSection(db, { title: 'Rubrique sans rapport' });
  assert.equal(await loadGlossary(db), first);

  const { term } = await saveTerm(db, { term: 'RSE', definition: 'Responsabilité sociale des entreprises' });
  const second = await loadGlossary(db);
  assert.notEqual(second, first);
  assert.equal(second.matcher.findAll('la RSE')[0]?.slug, 'rse');

  await saveTerm(db, { term: 'RSE', variants: ['responsabilité sociétale'], definition: 'autre' }, { replace: true });
  const third = await loadGlossary(db);
  assert.notEqual(third, second);
  assert.equal(third.matcher.findAll('la responsabilité sociétale')[0]?.slug, 'rse');

  await deleteTerm(db, term.id);
  assert.equal((await loadGlossary(db)).matcher.findAll('la RSE').length, 0);
});

test('articleGlossary: marks first occurrences across fields, honours the opt-out, lists the terms used', async () => {
  const doc = (text: string) => parse(text, { lang: 'fr', profile: 'article' });
  const glossary = await articleGlossary(db, { glossary_enabled: 1 });
  const lead = glossary.annotate(doc('Une SCOP.'), 'lead');
  const text = glossary.annotate(doc('La SCOP et l’ESS.'), 'text');
  assert.deepEqual(glossaryTermsIn(lead), ['scop']);
  assert.deepEqual(glossaryTermsIn(text), ['ess']);
  assert.deepEqual((await glossary.usedTerms()).map((t) => t.slug), ['scop', 'ess']);

  const every = await articleGlossary(db, { glossary_enabled: 1 }, { occurrences: 'all' });
  every.annotate(doc('SCOP'));
  assert.deepEqual(glossaryTermsIn(every.annotate(doc('SCOP'))), ['scop']);

  const optedOut = await articleGlossary(db, { glossary_enabled: 0 });
  assert.deepEqual(glossaryTermsIn(optedOut.annotate(doc('Une SCOP.'))), []);
  assert.deepEqual(await optedOut.usedTerms(), []);

  const printed = await articleGlossary(db, { glossary_enabled: 1 }, { mark: false });
  const unmarked = printed.annotate(doc('Une SCOP.'));
  assert.deepEqual(glossaryTermsIn(unmarked), [], 'print: the text is left unmarked');
  assert.deepEqual([...printed.used], ['scop'], 'but the term is known for the list');
});

test('articlesByTerm: public articles only, opt-outs and links excluded', async () => {
  const section = await createSection(db, { title: 'Actualités' });
  const past = '2020-01-01T00:00:00.000Z';
  const make = (title: string, text: string, extra: Record<string, unknown> = {}) =>
    createArticle(db, { sectionId: section.id, title, text, status: 'published', publishedAt: past, ...extra });
  const a = await make('Une SCOP à Niort', 'La SCOP et l’ESS.');
  await make('Brouillon', 'Une SCOP.', { status: 'draft', publishedAt: null });
  await make('Plus tard', 'Une SCOP.', { publishedAt: '2999-01-01T00:00:00.000Z' });
  await make('Lien seulement', '[la SCOP->https://example.org]');
  await make('Sans glossaire', 'Une SCOP.\n\n[!glossaire]');
  const optedOut = await make('Réglage', 'Une SCOP.');
  await db.write((trx) => trx.updateTable('articles').set({ glossary_enabled: 0 }).where('id', '=', optedOut.id).execute());

  const uses = await articlesByTerm(db, await loadGlossary(db));
  assert.deepEqual(uses.get('scop')?.map((u) => u.id), [a.id]);
  assert.deepEqual(uses.get('ess')?.map((u) => u.title), ['Une SCOP à Niort']);
});
