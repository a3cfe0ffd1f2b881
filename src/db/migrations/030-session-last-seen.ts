// Issue 18. The profile page lists a person's sessions with when each was last used: `sessions.last_seen_at`,
// written when the session is opened, then at most once every few minutes as it is used (users/sessions.ts), so
// a request does not cost a write. Sessions opened before this migration read as last seen when they were opened.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);
}
