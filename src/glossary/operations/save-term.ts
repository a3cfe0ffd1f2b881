// Creates or updates a glossary term (CLI `tisse glossary add`, CSV import, back office): validated here once,
// written in one transaction. The slug (the anchor on /glossaire) comes from the term unless given.
import { z } from 'zod';
import { dropRendersMentioning } from '../../db/article-renders.ts';
import type { Db, Trx } from '../../db/connect.ts';
import type { GlossaryTerm } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { slugify } from '../../kernel/slug.ts';
import { glossaryChanged } from '../repository.ts';

// Too long: the catalogue's message (kernel/zod-messages.ts), in the reader's language.
const text = (max: number) => z.string().trim().max(max);

export const termInputSchema = z.object({
  term: text(200).min(1, 'errors.field.termRequired'),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'errors.field.slugFormat')
    .max(80)
    .optional(),
  variants: z.array(text(200)).max(50, 'errors.field.atMost50Variants').default([]),
  definition: text(2000).min(1, 'errors.field.definitionRequired'),
  presentation: text(100_000).default(''),
  linkUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((url) => url === '' || /^(https?:\/\/|\/)/i.test(url), 'errors.field.httpOrPath')
    .default(''),
});

export type TermInput = z.input<typeof termInputSchema>;
export type ValidTerm = z.output<typeof termInputSchema>;

const labels = {
  term: 'errors.label.term',
  slug: 'errors.label.anchor',
  variants: 'errors.label.variants',
  definition: 'errors.label.definition',
  presentation: 'errors.label.presentation',
  linkUrl: 'errors.label.link',
} as const;

/** Validates a term, with a message per field from the catalogue; throws BAD_INPUT. */
export function validateTerm(input: TermInput): ValidTerm & { slug: string } {
  const data = parseInput(termInputSchema, input, labels);
  const variants = [...new Set(data.variants.filter((v) => v !== '' && v !== data.term))];
  return { ...data, variants, slug: data.slug ?? slugify(data.term) };
}

export interface SaveOptions {
  /** Update the term that has the same slug instead of refusing it. */
  replace?: boolean;
}

/** Creates a term; with `replace`, updates the one with the same slug. Returns the row and what happened. */
export async function saveTerm(db: Db, input: TermInput, options: SaveOptions = {}): Promise<{ term: GlossaryTerm; created: boolean }> {
  const data = validateTerm(input);
  const result = await db.write(async (trx) => {
    const saved = await saveValidTerm(trx, data, options);
    // A stored render that never met this term, or these variants, does not know it must change (db/article-renders.ts).
    await dropRendersMentioning(trx, [data.term, ...data.variants]);
    return saved;
  });
  glossaryChanged();
  return result;
}

/**
 * The write itself, for callers that already hold a transaction (the CSV import saves every row in one); they
 * call glossaryChanged() once it commits.
 */
export async function saveValidTerm(trx: Trx, data: ValidTerm & { slug: string }, options: SaveOptions = {}): Promise<{ term: GlossaryTerm; created: boolean }> {
  const now = nowIso();
  const values = termColumns(data, now);
  const existing = await trx.selectFrom('glossary_terms').select('id').where('slug', '=', data.slug).executeTakeFirst();
  if (existing) {
    if (!options.replace) throw slugTaken(data.slug);
    const term = await trx.updateTable('glossary_terms').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    return { term, created: false };
  }
  const term = await trx.insertInto('glossary_terms').values({ ...values, created_at: now }).returningAll().executeTakeFirstOrThrow();
  return { term, created: true };
}

/** The stored columns of a validated term. */
export function termColumns(data: ValidTerm & { slug: string }, now: string) {
  return {
    term: data.term,
    slug: data.slug,
    variants: JSON.stringify(data.variants),
    definition: data.definition,
    presentation: data.presentation,
    link_url: data.linkUrl,
    updated_at: now,
  };
}

export function slugTaken(slug: string): TisseError {
  return new TisseError('CONFLICT', { key: 'errors.glossary.slugTaken', params: { slug } }, { fields: { slug: 'errors.field.alreadyUsedFem' } });
}

/** Deletes a term by id; false when it did not exist. */
export async function deleteTerm(db: Db, id: number): Promise<boolean> {
  const deleted = await db.write(async (trx) => {
    const result = await trx.deleteFrom('glossary_terms').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
  glossaryChanged();
  return deleted;
}
