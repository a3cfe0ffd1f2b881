// Creates a section (rubrique) under a parent, at the end of its siblings unless a position is given.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Section } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { sectionLabels } from './update-section.ts';
import { slugify } from '../../kernel/slug.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';
import { chosenLanguageTag } from '../../kernel/language-tag.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { sectionLanguage } from '../section-language.ts';

export const newSectionSchema = z.object({
  title: z.string().trim().min(1, 'errors.field.titleRequired').max(300),
  parentId: z.number().int().positive().nullable().default(null),
  description: z.string().default(''),
  text: z.string().default(''),
  position: z.number().int().optional(),
  slug: z.string().optional(),
  /** The section's language (BCP 47); empty: its parent's, or the site's at the top. */
  lang: chosenLanguageTag.default(''),
});

export async function createSection(db: Db, input: z.input<typeof newSectionSchema>): Promise<Section> {
  const data = parseInput(newSectionSchema, input, sectionLabels);
  const siteLang = (await loadSiteSettings(db)).lang;
  return db.write(async (trx) => {
    if (data.parentId !== null) {
      const parent = await trx.selectFrom('sections').select('id').where('id', '=', data.parentId).executeTakeFirst();
      if (!parent) throw new TisseError('BAD_INPUT', 'errors.sections.parentNotFound', { fields: { parentId: 'errors.field.unknownFem' } });
    }
    const last = await trx
      .selectFrom('sections')
      .select((eb) => eb.fn.max('position').as('max'))
      .where((eb) => (data.parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', data.parentId)))
      .executeTakeFirst();
    const slug = await uniqueSlug(trx, 'section', slugify(data.slug ?? data.title));
    const language = await sectionLanguage(trx, data.parentId, data.lang, siteLang);
    const now = nowIso();
    const section = await trx
      .insertInto('sections')
      .values({
        parent_id: data.parentId,
        slug,
        title: data.title,
        description: data.description,
        text: data.text,
        position: data.position ?? Number(last?.max ?? 0) + 1,
        lang: language.lang,
        lang_chosen: language.chosen ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await setCurrentPath(trx, 'section', section.id, pathFor('section', slug));
    return section;
  });
}
