// Issue 17. Every change of the site's settings is kept (settings/revisions.ts): when, by whom, which keys, and
// their values before and after as JSON, secrets masked. Réglages → Apparence lists them and restores one.
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const table = db.schema.createTable('settings_revisions');
  await (dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('changed_at', 'text', (c) => c.notNull())
    // A deleted account leaves its changes, by nobody.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // JSON array of the keys that changed, in the order of the settings schema.
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('before', 'text', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('settings_revisions_changed_at').on('settings_revisions').column('changed_at').execute();
}
