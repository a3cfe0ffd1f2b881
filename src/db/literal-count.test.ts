import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, DummyDriver } from 'kysely';
import type { Database } from './schema.ts';
import { literalCount } from './literal-count.ts';

const k = new Kysely<Database>({
  dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() },
});

test('a page of a list is asked with its size and offset written in the SQL, not bound (one prepared statement per page size)', () => {
  const compiled = k.selectFrom('articles').select('id').where('status', '=', 'published').limit(literalCount(20)).offset(literalCount(40)).compile();
  assert.match(compiled.sql, /limit 20 offset 40$/);
  assert.deepEqual(compiled.parameters, ['published']);
});

test('only a row count reaches the SQL text', () => {
  for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) assert.throws(() => literalCount(bad), RangeError, String(bad));
});
