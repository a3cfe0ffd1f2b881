// PostgreSQL identity columns do not move when rows are inserted with explicit ids (an import keeping the
// source's ids): the next ordinary insert would then collide. This puts every sequence after its table's
// largest id. SQLite's autoincrement needs nothing (dialect.ts).
import { sql } from 'kysely';
import type { Trx } from './schema.ts';

const tablesWithId = [
  'sections', 'articles', 'users', 'keyword_groups', 'keywords', 'glossary_terms', 'forum_messages', 'documents', 'revisions', 'settings_revisions', 'urls', 'jobs', 'petition_signatures', 'sites', 'syndicated_items',
] as const;

/** Moves each identity sequence after its table's largest id, inside the caller's transaction. */
export async function resetIdSequencesPostgres(trx: Trx): Promise<void> {
  for (const table of tablesWithId) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(table)}`.execute(trx);
  }
}
