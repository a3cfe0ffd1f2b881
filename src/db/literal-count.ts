// A LIMIT or OFFSET written into the SQL text instead of bound. SQLite plans a statement with the value bound to its
// LIMIT, so it marks the statement to be prepared again whenever that parameter is bound: every call of a cached
// statement with `LIMIT ?` paid a new prepare (decision 035: 310 → 40 µs for the article page's read). Written in,
// the same page size reuses one prepared statement; each other value is a statement of its own (statement-cache.ts
// keeps at most a thousand).
import { sql, type RawBuilder } from 'kysely';

export function literalCount(count: number): RawBuilder<number> {
  // Only a count reaches the SQL text: anything else is a bug upstream, not input to write into a query.
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`not a row count: ${count}`);
  return sql.lit(count);
}
