// SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE) instead of at their first write.
// With several processes on one file (`tisse serve --workers N`, two servers), a deferred transaction that read
// before another process committed cannot take the write lock later: SQLite refuses at once with SQLITE_BUSY_SNAPSHOT,
// past any busy timeout, and the write fails. Taken at BEGIN, the lock is waited for (busy_timeout), so writes of
// every process queue up one after the other instead of failing.
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Dialect, type SqliteDialectConfig } from 'kysely';

export function immediateSqliteDialect(config: SqliteDialectConfig): Dialect {
  const base = new SqliteDialect(config);
  return {
    createAdapter: () => base.createAdapter(),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
    createDriver: () => {
      const driver = base.createDriver();
      driver.beginTransaction = async (connection: DatabaseConnection) => {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      };
      return driver;
    },
  };
}
