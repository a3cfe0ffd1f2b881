// Edits a glossary term by id from the back office (the glossary module's saveTerm creates terms and
// replaces by anchor; here the anchor itself may change). Validation is the glossary's own.
import type { Db } from '../../db/connect.ts';
import type { GlossaryTerm } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../errors.ts';
import { validateTerm, type TermInput } from '../../glossary/operations/save-term.ts';

export async function updateGlossaryTerm(db: Db, id: number, input: TermInput): Promise<GlossaryTerm> {
  const data = validateTerm(input);
  return db.write(async (trx) => {
    const existing = await trx.selectFrom('glossary_terms').select('id').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new TisseError('NOT_FOUND', 'Ce terme n’existe pas.');
    const holder = await trx.selectFrom('glossary_terms').select('id').where('slug', '=', data.slug).executeTakeFirst();
    if (holder && holder.id !== id) {
      throw new TisseError('CONFLICT', `Le glossaire a déjà un terme d’ancre « ${data.slug} ».`, { fields: { slug: 'déjà utilisée' } });
    }
    return trx
      .updateTable('glossary_terms')
      .set({
        term: data.term,
        slug: data.slug,
        variants: JSON.stringify(data.variants),
        definition: data.definition,
        presentation: data.presentation,
        link_url: data.linkUrl,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
