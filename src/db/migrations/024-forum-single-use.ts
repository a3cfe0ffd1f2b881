// Forum anti-spam held by the database rather than by a check-then-insert that concurrent posts race through:
// - forum_messages.dedupe_key: a hash of (article, lowercased email, text), unique, so identical posts sent at
//   once store one message on both databases (the key is cleared from a message once it is older than the
//   duplicate window, so the same text may be posted again later);
// - forum_form_uses: the nonce of every form token a stored message used, so a token posts once.
// Older messages keep a null key (nulls never collide); the windowed duplicate query still covers them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('forum_messages').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('forum_messages_dedupe_key').on('forum_messages').column('dedupe_key').unique().execute();
  await db.schema
    .createTable('forum_form_uses')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_form_uses_issued_at').on('forum_form_uses').column('issued_at').execute();
}
