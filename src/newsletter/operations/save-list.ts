// Creates or changes a newsletter list (the back office's Lettre → Listes, and the demo).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';

export const listInputSchema = z.object({
  name: z.string().trim().min(1, 'errors.field.required').max(120, 'errors.field.tooLong'),
  description: z.string().trim().max(1000, 'errors.field.tooLong').default(''),
  sectionId: z.number().int().positive().nullable().default(null),
  digestSize: z.number().int().min(1).max(50).default(10),
  public: z.boolean().default(true),
});

export type ListInput = z.input<typeof listInputSchema>;

export async function saveList(db: Db, input: ListInput, id?: number): Promise<number> {
  const values = parseInput(listInputSchema, input, { name: 'admin.newsletter.listName' });
  const row = { name: values.name, description: values.description, section_id: values.sectionId, digest_size: values.digestSize, public: values.public ? 1 : 0 };
  return db.write(async (trx) => {
    if (values.sectionId !== null && !(await trx.selectFrom('sections').select('id').where('id', '=', values.sectionId).executeTakeFirst())) {
      throw new TisseError('BAD_INPUT', 'errors.code.BAD_INPUT', { fields: { sectionId: 'errors.code.NOT_FOUND' } });
    }
    if (id === undefined) return (await trx.insertInto('newsletter_lists').values({ ...row, last_digest_at: null, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow()).id;
    const updated = await trx.updateTable('newsletter_lists').set(row).where('id', '=', id).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new TisseError('NOT_FOUND');
    return id;
  });
}

/** Deletes a list with its subscriptions and issues (the subscribers stay: they may be on other lists). */
export async function deleteList(db: Db, id: number): Promise<void> {
  await db.write(async (trx) => {
    const deleted = await trx.deleteFrom('newsletter_lists').where('id', '=', id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw new TisseError('NOT_FOUND');
  });
}
