// Revisions: every save of an article (or section) stores the full versioned fields, numbered per object;
// an article's autosaves keep one revision per stretch of writing (recordArticleSave).
import type { Kysely } from 'kysely';
import type { Trx } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { ObjectType } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';

export const articleVersionedFields = ['surtitle', 'title', 'subtitle', 'description', 'lead', 'text', 'postscript'] as const;

export async function recordRevision(
  trx: Trx,
  objectType: ObjectType,
  objectId: number,
  fields: Record<string, unknown>,
  by: { userId?: number | null; label?: string; note?: string; at?: string } = {},
): Promise<number> {
  const last = await trx
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('object_type', '=', objectType)
    .where('object_id', '=', objectId)
    .executeTakeFirst();
  const number = Number(last?.max ?? 0) + 1;
  await trx
    .insertInto('revisions')
    .values({
      object_type: objectType,
      object_id: objectId,
      number,
      user_id: by.userId ?? null,
      author_label: by.label ?? '',
      fields: JSON.stringify(fields),
      note: by.note ?? '',
      created_at: by.at ?? nowIso(),
    })
    .execute();
  return number;
}

/**
 * The note that marks an autosave's revision (shown as such in the history). Notes are the history's French
 * labels already ('Version initiale', 'Restauration de la révision 3'): this one is also how an autosave finds the
 * revision it may update (decision 016).
 */
export const AUTOSAVE_NOTE = 'Enregistrement automatique';

/**
 * Records a save of an article in its history. A save makes a revision when a versioned field changed. An
 * autosave made while the latest revision is the same person's autosave updates that revision in place (one
 * revision per stretch of writing, not one every 20 seconds); any other revision, or a save by hand, closes the
 * stretch: a save that changed nothing since the autosave turns that revision into its own.
 */
export async function recordArticleSave(
  trx: Trx,
  articleId: number,
  fields: Record<(typeof articleVersionedFields)[number], string>,
  save: { userId: number; changed: boolean; autosave: boolean },
): Promise<number | null> {
  const latest = await trx
    .selectFrom('revisions')
    .select(['id', 'number', 'user_id', 'note'])
    .where('object_type', '=', 'article')
    .where('object_id', '=', articleId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const openAutosave = latest !== undefined && latest.note === AUTOSAVE_NOTE && latest.user_id === save.userId ? latest : undefined;
  if (save.autosave) {
    if (!save.changed) return null;
    if (!openAutosave) return recordRevision(trx, 'article', articleId, fields, { userId: save.userId, note: AUTOSAVE_NOTE });
    await trx.updateTable('revisions').set({ fields: JSON.stringify(fields), created_at: nowIso() }).where('id', '=', openAutosave.id).execute();
    return openAutosave.number;
  }
  if (save.changed) return recordRevision(trx, 'article', articleId, fields, { userId: save.userId });
  if (!openAutosave) return null;
  await trx.updateTable('revisions').set({ note: '' }).where('id', '=', openAutosave.id).execute();
  return openAutosave.number;
}

/** The versioned fields an article's revision stored (as saved: a field may be missing in old revisions). */
export async function readArticleRevision(executor: Kysely<Database> | Trx, articleId: number, number: number): Promise<Record<string, unknown> | undefined> {
  const row = await executor
    .selectFrom('revisions')
    .select('fields')
    .where('object_type', '=', 'article')
    .where('object_id', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? (JSON.parse(row.fields) as Record<string, unknown>) : undefined;
}
