// Forum messages get SPIP's « Nom de votre site » (forum.nom_site): the text of the link a commenter may
// leave beside their name. Empty for existing rows, so nothing changes on their pages.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('forum_messages')
    .addColumn('author_site_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
