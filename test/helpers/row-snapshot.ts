// "No row changed": a digest of every table of the database (each row as JSON, sorted), to compare before and
// after a request that was refused. rate_limits is left out: counting a refused login is its purpose; so is a
// session's last_seen_at, which any request may write once every few minutes (users/sessions.ts).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';

const TABLES = [
  'settings', 'sections', 'articles', 'users', 'user_sections', 'article_authors', 'related_articles', 'keyword_groups', 'keywords',
  'keyword_links', 'glossary_terms', 'forum_messages', 'documents', 'document_links', 'revisions', 'settings_revisions', 'urls', 'sessions',
  'password_resets', 'edit_locks', 'jobs', 'legacy_objects', 'petitions', 'petition_signatures', 'sites', 'syndicated_items',
] as const;

export type RowSnapshot = Record<string, string>;

export async function rowSnapshot(db: Db): Promise<RowSnapshot> {
  const out: RowSnapshot = {};
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    const lines = rows.rows.map((row) => JSON.stringify(table === 'sessions' ? { ...row, last_seen_at: undefined } : row)).sort();
    out[table] = `${lines.length}:${createHash('sha1').update(lines.join('\n')).digest('base64url')}`;
  }
  return out;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: RowSnapshot, after: RowSnapshot): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}
