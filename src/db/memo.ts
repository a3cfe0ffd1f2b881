// Per-process memo of small, hot, rarely written data (site settings, the section tree), kept exactly as
// long as Db.version() does not move: the same rule as the page cache, so it is never stale after a write
// in this process or a commit in another one.
import type { Db } from './connect.ts';

export function memoByVersion<T>(load: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const memos = new WeakMap<Db, { version: number; value: Promise<T> }>();
  return (db) => {
    const version = db.version();
    const memo = memos.get(db);
    if (memo && memo.version === version) return memo.value;
    const value = load(db);
    memos.set(db, { version, value });
    // A failed load is not kept: the next caller tries again.
    value.catch(() => memos.delete(db));
    return value;
  };
}
