// Issue 20, the newsletter. Lists (a digest covers the whole site or one section), subscribers (one row per
// address, with the proof of consent: when, from which form, the sentence shown), their subscriptions to lists,
// issues (composed or digests) and deliveries: one row per (issue, subscriber), unique, written 'sending' before
// a message is handed to SMTP and 'sent' after, so a send that stops half-way resumes without sending twice
// (newsletter/deliver-batch.ts, decision 029).
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Table = CreateTableBuilder<string, never>;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const withId = (table: Table): Table =>
    dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const s = db.schema;

  await withId(s.createTable('newsletter_lists'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The digest's scope: null, the whole site; else this section and those below it.
    .addColumn('section_id', 'integer', (c) => c.references('sections.id').onDelete('set null'))
    // How many articles a first digest carries (later ones carry what was published since the last).
    .addColumn('digest_size', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('last_digest_at', 'text')
    // 0: the list is not offered on the public sign-up form (kept for its subscribers and its history).
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(s.createTable('newsletter_subscribers'))
    // Lower-cased: one row per address.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    // pending → confirmed → unsubscribed | bounced.
    .addColumn('status', 'text', (c) => c.notNull())
    // Consent proof: when it was given, where (the form's path, or "import by <admin>"), the sentence shown.
    .addColumn('consent_at', 'text')
    .addColumn('consent_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('bounced_at', 'text')
    .addColumn('bounce_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await s.createIndex('newsletter_subscribers_status').on('newsletter_subscribers').columns(['status', 'id']).execute();

  await s
    .createTable('newsletter_subscriptions')
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when the subscriber confirms (a list added later by a confirmed address waits for its own confirmation).
    .addColumn('confirmed_at', 'text')
    // Set by an unsubscribe link of this list's letters; null while subscribed.
    .addColumn('unsubscribed_at', 'text')
    .addPrimaryKeyConstraint('newsletter_subscriptions_pk', ['subscriber_id', 'list_id'])
    .execute();
  await s.createIndex('newsletter_subscriptions_list').on('newsletter_subscriptions').columns(['list_id', 'subscriber_id']).execute();

  await withId(s.createTable('newsletter_issues'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('newsletter_lists.id').onDelete('cascade'))
    // 'issue': composed in the back office; 'digest': built from what was published.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // SPIP markup, rendered by the article profile.
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of article ids, shown after the body with their lead and image.
    .addColumn('article_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // draft → scheduled → sending → sent.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    // The letter as it left (made once when the send starts, so every recipient gets the same text).
    .addColumn('html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    // For a digest: the publication date up to which it covers articles (the list's next last_digest_at).
    .addColumn('covers_until', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('newsletter_issues_list').on('newsletter_issues').columns(['list_id', 'id']).execute();

  await withId(s.createTable('newsletter_deliveries'))
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('newsletter_issues.id').onDelete('cascade'))
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('newsletter_subscribers.id').onDelete('cascade'))
    // queued → sending → sent | failed | bounced; 'uncertain': in flight when its process died (decision 029);
    // 'cancelled': the address left between the start of the send and its turn.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await s.createIndex('newsletter_deliveries_once').on('newsletter_deliveries').columns(['issue_id', 'subscriber_id']).unique().execute();
  await s.createIndex('newsletter_deliveries_subscriber').on('newsletter_deliveries').column('subscriber_id').execute();
}
