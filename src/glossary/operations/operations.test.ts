// Glossary writes on a real SQLite database: validation, conflicts, CSV import (all or nothing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseCsv } from '../../kernel/csv.ts';
import { deleteTerm, saveTerm } from './save-term.ts';
import { importGlossaryCsv, splitVariants } from './import-csv.ts';

let dir: string;
let db: Db;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tisse-glossary-'));
  db = await openDatabase({ dataDir: dir });
  await migrateToLatest(db);
});

after(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rows() {
  return db.kysely.selectFrom('glossary_terms').selectAll().orderBy('slug').execute();
}

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof TisseError ? error.code : String(error);
  }
}

test('CSV: quotes, doubled quotes, line breaks in quotes, CRLF, BOM, semicolons', () => {
  assert.deepEqual(
    parseCsv('\ufeffterme;definition\r\n"SCOP";"Société ""coopérative""\net participative"\r\n\r\nRSE;x\n').map((r) => [r.line, r.cells]),
    [
      [1, ['terme', 'definition']],
      [2, ['SCOP', 'Société "coopérative"\net participative']],
      [5, ['RSE', 'x']],
    ],
  );
  assert.deepEqual(parseCsv('a,b\n1,"2,3"').map((r) => r.cells), [['a', 'b'], ['1', '2,3']]);
  assert.deepEqual(splitVariants('SCOP/SCOPs'), ['SCOP', 'SCOPs']);
  assert.deepEqual(splitVariants('TCP/IP | réseau '), ['TCP/IP', 'réseau']);
});

test('saveTerm: slug from the term, variants cleaned, conflicts refused unless replacing', async () => {
  const { term, created } = await saveTerm(db, { term: 'Économie sociale', definition: 'Une économie.', variants: ['', 'ES', 'Économie sociale', 'ES'] });
  assert.equal(created, true);
  assert.equal(term.slug, 'economie-sociale');
  assert.deepEqual(JSON.parse(term.variants), ['ES']);
  assert.equal(await code(saveTerm(db, { term: 'Economie sociale', definition: 'Autre.' })), 'CONFLICT');
  const replaced = await saveTerm(db, { term: 'Economie sociale', definition: 'Autre.' }, { replace: true });
  assert.equal(replaced.created, false);
  assert.equal(replaced.term.id, term.id);
  assert.equal(replaced.term.definition, 'Autre.');
  assert.equal(await deleteTerm(db, term.id), true);
  assert.equal(await deleteTerm(db, term.id), false);
});

test('saveTerm: validation errors are BAD_INPUT with the field', async () => {
  assert.equal(await code(saveTerm(db, { term: ' ', definition: 'x' })), 'BAD_INPUT');
  assert.equal(await code(saveTerm(db, { term: 'X', definition: '' })), 'BAD_INPUT');
  assert.equal(await code(saveTerm(db, { term: 'X', definition: 'x', linkUrl: 'javascript:alert(1)' })), 'BAD_INPUT');
  assert.equal(await code(saveTerm(db, { term: 'X', definition: 'x', slug: 'Pas Bon' })), 'BAD_INPUT');
  try {
    await saveTerm(db, { term: 'X', definition: '' });
  } catch (error) {
    assert.ok(error instanceof TisseError && error.fields && 'definition' in error.fields);
  }
  assert.deepEqual(await rows(), []);
});

test('CSV import: creates and updates in one go; French headers; variants split', async () => {
  await saveTerm(db, { term: 'RSE', definition: 'ancienne' });
  const csv = 'Terme;Variantes;Définition;Présentation;Lien\nSCOP;SCOPs/Scop;Société coopérative et participative;;https://www.les-scop.coop/\nRSE;;Responsabilité sociale des entreprises;Longue {{présentation}};\n';
  assert.deepEqual(await importGlossaryCsv(db, csv), { created: 1, updated: 1 });
  const all = await rows();
  assert.deepEqual(
    all.map((r) => [r.slug, r.term, JSON.parse(r.variants), r.definition, r.presentation, r.link_url]),
    [
      ['rse', 'RSE', [], 'Responsabilité sociale des entreprises', 'Longue {{présentation}}', ''],
      ['scop', 'SCOP', ['SCOPs', 'Scop'], 'Société coopérative et participative', '', 'https://www.les-scop.coop/'],
    ],
  );
});

test('CSV import: one bad row and nothing is written, every problem with its line', async () => {
  const before = await rows();
  const csv = 'term,definition,link\nPTCE,Pôles territoriaux,\n,sans terme,\nESS,,\nPTCE,doublon,\nCAE,x,ftp://nope\n';
  try {
    await importGlossaryCsv(db, csv);
    assert.fail('should refuse');
  } catch (error) {
    assert.ok(error instanceof TisseError);
    assert.equal(error.code, 'BAD_INPUT');
    for (const line of ['ligne 3', 'ligne 4', 'ligne 5', 'ligne 6']) assert.ok(error.message.includes(line), `${line} in ${error.message}`);
    assert.ok(!error.message.includes('ligne 2 :'), 'the good row is not reported');
  }
  assert.deepEqual(await rows(), before);
  assert.equal(await code(importGlossaryCsv(db, 'nom,texte\nx,y\n')), 'BAD_INPUT');
  assert.equal(await code(importGlossaryCsv(db, '')), 'BAD_INPUT');
});
