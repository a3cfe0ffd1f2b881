// Renames a section or edits its texts. A new title gives a new slug (unless one is given); the old path
// stays in `urls` and answers 301, so links to the section keep working.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Section } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { slugify } from '../../kernel/slug.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';
import { parseInput } from '../../kernel/validation.ts';
import { chosenLanguageTag } from '../../kernel/language-tag.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { sectionLanguage, spreadSectionLanguage } from '../section-language.ts';

export const sectionUpdateSchema = z.object({
  title: z.string().trim().min(1, 'errors.field.titleRequired').max(300, 'errors.field.atMost300'),
  description: z.string().max(10_000).default(''),
  text: z.string().max(200_000).default(''),
  /** Empty or absent: derived from the title. */
  slug: z.string().trim().max(80).optional(),
  /** The section's language (BCP 47); empty: its parent's; absent: unchanged. */
  lang: chosenLanguageTag.optional(),
});

export const sectionLabels = { title: 'errors.label.title', description: 'errors.label.description', text: 'errors.label.text', slug: 'errors.label.slug', parentId: 'errors.label.parentSection', lang: 'errors.label.lang' } as const;

export async function updateSection(db: Db, id: number, input: z.input<typeof sectionUpdateSchema>): Promise<Section> {
  const data = parseInput(sectionUpdateSchema, input, sectionLabels);
  const siteLang = (await loadSiteSettings(db)).lang;
  return db.write(async (trx) => {
    const section = await trx.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
    if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
    const wanted = data.slug ? slugify(data.slug) : data.title !== section.title ? slugify(data.title) : section.slug;
    const slug = wanted === section.slug ? section.slug : await uniqueSlug(trx, 'section', wanted, id);
    const language = data.lang === undefined ? { lang: section.lang, chosen: section.lang_chosen === 1 } : await sectionLanguage(trx, section.parent_id, data.lang, siteLang);
    const updated = await trx
      .updateTable('sections')
      .set({ title: data.title, description: data.description, text: data.text, slug, lang: language.lang, lang_chosen: language.chosen ? 1 : 0, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (slug !== section.slug) await setCurrentPath(trx, 'section', id, pathFor('section', slug));
    if (language.lang !== section.lang) await spreadSectionLanguage(trx, id);
    return updated;
  });
}
