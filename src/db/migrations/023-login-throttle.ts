// Issue 15. Login throttling gets its own table: a budget of attempts per key (an account, a client address, a
// known browser), reserved before the password is checked, then delays that grow instead of a fixed lock.
// Password resets get a request id: the mail job names the request, and the token is made when the mail
// leaves, so the outbox (jobs.payload) never holds a working link.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_last_at').on('login_throttle').column('last_at').execute();
  await db.schema.alterTable('password_resets').addColumn('request_id', 'text').execute();
  await db.schema.createIndex('password_resets_request').on('password_resets').column('request_id').unique().execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
}
