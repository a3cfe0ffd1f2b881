// The change feed: what a write changed reaches every reader once, and a reader that may have missed some is
// told '*'. Every table of the schema either carries migration 033's change triggers or is listed as showing on
// no page: a new table must choose, or cached pages would keep showing its old rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { memoryChangeFeed, parseScopes, TABLES_NO_PAGE_SHOWS } from './change-feed.ts';

test('a memory feed gives each reader what was written after its position, once', () => {
  const feed = memoryChangeFeed(() => true);
  const start = feed.position();
  feed.record(new Set(['article:1', 'list']));
  feed.record(new Set(['forum:2']));
  const { position, scopes } = feed.since(start);
  assert.deepEqual(scopes, new Set(['article:1', 'list', 'forum:2']));
  assert.deepEqual(feed.since(position).scopes, new Set());
  feed.record('*');
  assert.equal(feed.since(position).scopes, '*');
});

test('a memory feed says * while its listener is down, and to a reader further behind than it keeps', () => {
  let connected = true;
  const feed = memoryChangeFeed(() => connected);
  for (let i = 0; i < 10_001; i++) feed.record(new Set([`article:${i}`]));
  assert.equal(feed.since(0).scopes, '*', 'the first write is no longer kept');
  assert.deepEqual(feed.since(feed.position() - 1).scopes, new Set(['article:10000']));
  connected = false;
  assert.equal(feed.since(feed.position()).scopes, '*');
});

test('scopes sent with a NOTIFY: * stands for everything', () => {
  assert.deepEqual(parseScopes('article:1 list'), new Set(['article:1', 'list']));
  assert.deepEqual(parseScopes(''), new Set());
  assert.equal(parseScopes('list *'), '*');
});

forEachDialect('change feed', (dialect) => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase(dialect);
  });
  after(() => database.close());

  test('every table has change triggers or shows on no page', async () => {
    const { db } = database;
    const tables =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'`.execute(db.kysely)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db.kysely)).rows.map((r) => r.name);
    const triggered =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'changes\\_%' ESCAPE '\\'`.execute(db.kysely)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`SELECT DISTINCT event_object_table AS name FROM information_schema.triggers WHERE trigger_name LIKE 'changes\\_%'`.execute(db.kysely)).rows.map((r) => r.name);
    const unclassified = tables.filter((t) => !triggered.includes(t) && !(TABLES_NO_PAGE_SHOWS as readonly string[]).includes(t)).sort();
    assert.deepEqual(unclassified, [], 'give these tables change rules (a new migration) or list them in TABLES_NO_PAGE_SHOWS');
    assert.deepEqual(triggered.filter((t) => (TABLES_NO_PAGE_SHOWS as readonly string[]).includes(t)), []);
  });

  test('a write’s scopes reach another connection’s feed; a write to a private table reaches none', async () => {
    const { db } = database;
    const { openDatabase } = await import('./connect.ts');
    const other = await openDatabase({ dataDir: database.dataDir, databaseUrl: database.url });
    try {
      const start = other.changes.position();
      await db.write((trx) => trx.updateTable('users').set({ name: 'Administratrice' }).where('id', '=', database.adminId).execute());
      let changed = other.changes.since(start);
      for (let i = 0; i < 200 && changed.position === start; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        changed = other.changes.since(start);
      }
      assert.equal(changed.scopes, '*', 'an author’s name shows on every page');
      const next = changed.position;
      await db.write((trx) => trx.updateTable('users').set({ last_seen_at: new Date().toISOString() }).where('id', '=', database.adminId).execute());
      await db.write((trx) => trx.deleteFrom('sessions').execute());
      // PostgreSQL sends each write's NOTIFY, with no scope: wait until both arrived. SQLite has no row to read.
      const heard = next + (dialect === 'postgres' ? 2 : 0);
      for (let i = 0; i < 200 && other.changes.position() < heard; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.equal(other.changes.position(), heard);
      assert.deepEqual(other.changes.since(next).scopes, new Set());
    } finally {
      await other.close();
    }
  });
});
