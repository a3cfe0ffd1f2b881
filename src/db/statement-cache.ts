// Kysely's SQLite driver prepares every statement anew, and preparing costs more than running a simple
// query (measured: the largest self time when rendering a page from the database). Pages issue the same
// few dozen statements again and again, so the connection keeps its prepared statements by SQL text.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_STATEMENTS = 1000;

export function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        // SQL built with inlined values (rare: schema changes, sql.raw) must not flood the cache.
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
        statement = raw.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
