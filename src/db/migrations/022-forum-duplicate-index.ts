// The forum's duplicate check (same email, same article, same text, recent) looked through every message of the
// article: a flood on one article made each new post slower. This index finds one person's messages there directly.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('forum_author_article').on('forum_messages').columns(['author_email', 'article_id', 'created_at']).execute();
}
