// Issue 19, item 4. The moderators' email is one per article and per run of the jobs runner, not one per message:
// a post queues a job for its article unless one is already waiting, and the job tells the moderators of every
// message posted since the last email (a digest when there are several). forum_notifications holds, per article,
// the highest message id the moderators were told of. Every message already stored counts as told: messages still
// waiting for their email keep it, through the jobs of the old form (one message each) queued before this.
// The moderators' watermark changes nothing a reader sees: db/change-feed.ts lists it among those tables.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forum_notifications')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('last_message_id', 'integer', (c) => c.notNull())
    .execute();
  // A post asks whether its article's job is already waiting (outbox/queue.ts enqueueJobOnce).
  await db.schema.createIndex('jobs_type_status').on('jobs').columns(['type', 'status']).execute();
  await sql`INSERT INTO forum_notifications (article_id, last_message_id) SELECT article_id, max(id) FROM forum_messages WHERE article_id IS NOT NULL GROUP BY article_id`.execute(db);
}
