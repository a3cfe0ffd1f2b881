// Edits a glossary term by id (back office): unlike saveTerm, which finds a term by its anchor, the
// anchor itself may change here, as long as no other term holds the new one.
import { dropRendersMentioning } from '../../db/article-renders.ts';
import type { Db } from '../../db/connect.ts';
import type { GlossaryTerm } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { glossaryChanged } from '../repository.ts';
import { slugTaken, termColumns, validateTerm, type TermInput } from './save-term.ts';

export async function updateTerm(db: Db, id: number, input: TermInput): Promise<GlossaryTerm> {
  const data = validateTerm(input);
  const term = await db.write(async (trx) => {
    const existing = await trx.selectFrom('glossary_terms').select('id').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new TisseError('NOT_FOUND', 'errors.glossary.termNotFound');
    const holder = await trx.selectFrom('glossary_terms').select('id').where('slug', '=', data.slug).executeTakeFirst();
    if (holder && holder.id !== id) throw slugTaken(data.slug);
    const updated = await trx.updateTable('glossary_terms').set(termColumns(data, nowIso())).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    // The renders that used the term are dropped by the database; those its new forms may now reach, here.
    await dropRendersMentioning(trx, [data.term, ...data.variants]);
    return updated;
  });
  glossaryChanged();
  return term;
}
