// The back office's petition of an article: start it, change its text, close or reopen it, allow messages or
// not (needs the right to edit the article); remove it only while nobody signed (signatures are people's words:
// a petition that has some is closed, not erased). Put a signature in the trash or back (spam, a request to be
// removed): needs the right to moderate the article's section, as its emails are personal data.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';

export const petitionSchema = z.object({
  text: z.string().max(100_000, 'errors.field.atMost200').default(''),
  status: z.enum(['open', 'closed']).default('open'),
  allowMessage: z.boolean().default(true),
});

export type PetitionInput = z.input<typeof petitionSchema>;

export async function savePetition(db: Db, articleId: number, input: PetitionInput, now = new Date()): Promise<void> {
  const data = parseInput(petitionSchema, input, { text: 'errors.label.text' });
  const at = now.toISOString();
  await db.write(async (trx) => {
    const article = await trx.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.petition.notFound');
    await trx
      .insertInto('petitions')
      .values({ article_id: articleId, text: data.text, status: data.status, allow_message: data.allowMessage ? 1 : 0, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ text: data.text, status: data.status, allow_message: data.allowMessage ? 1 : 0, updated_at: at }))
      .execute();
  });
}

export async function removePetition(db: Db, articleId: number): Promise<void> {
  await db.write(async (trx) => {
    const signed = await trx.selectFrom('petition_signatures').select('id').where('article_id', '=', articleId).limit(1).executeTakeFirst();
    if (signed) throw new TisseError('CONFLICT', 'errors.petition.hasSignatures');
    await trx.deleteFrom('petitions').where('article_id', '=', articleId).execute();
  });
}

export async function moveSignature(db: Db, articleId: number, signatureId: number, to: 'trash' | 'confirmed'): Promise<void> {
  await db.write(async (trx) => {
    const row = await trx.selectFrom('petition_signatures').select(['status', 'confirmed_at']).where('id', '=', signatureId).where('article_id', '=', articleId).executeTakeFirst();
    if (!row) throw new TisseError('NOT_FOUND', 'errors.petition.signatureNotFound');
    // Only a signature whose address was confirmed can come back from the trash as confirmed.
    if (to === 'confirmed' && !row.confirmed_at) throw new TisseError('CONFLICT', 'errors.petition.neverConfirmed');
    await trx.updateTable('petition_signatures').set({ status: to }).where('id', '=', signatureId).execute();
  });
}
