// Revisions: every save of an article (or section) stores the full versioned fields, numbered per object.
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
