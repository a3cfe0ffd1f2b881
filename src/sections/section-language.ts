// A section's language (issue 22; SPIP's langue_choisie): the one chosen on it, else its parent's, else the site's.
// `lang` always holds the language in force, so a change reaches down: every sub-section and article below that
// did not choose its own takes the new one, in the same transaction.
import type { Trx } from '../db/connect.ts';

/** The language a section has with `chosen` ('' : none chosen) under `parentId`, on a site in `siteLang`. */
export async function sectionLanguage(trx: Trx, parentId: number | null, chosen: string, siteLang: string): Promise<{ lang: string; chosen: boolean }> {
  if (chosen) return { lang: chosen, chosen: true };
  if (parentId === null) return { lang: siteLang, chosen: false };
  const parent = await trx.selectFrom('sections').select('lang').where('id', '=', parentId).executeTakeFirst();
  return { lang: parent?.lang ?? siteLang, chosen: false };
}

/** Gives section `sectionId`'s language to everything below it that inherits, level by level. */
export async function spreadSectionLanguage(trx: Trx, sectionId: number): Promise<void> {
  let level = [sectionId];
  while (level.length > 0) {
    const parents = await trx.selectFrom('sections').select(['id', 'lang']).where('id', 'in', level).execute();
    for (const parent of parents) {
      await trx.updateTable('sections').set({ lang: parent.lang }).where('parent_id', '=', parent.id).where('lang_chosen', '=', 0).where('lang', '<>', parent.lang).execute();
      await trx.updateTable('articles').set({ lang: parent.lang }).where('section_id', '=', parent.id).where('lang_chosen', '=', 0).where('lang', '<>', parent.lang).execute();
    }
    const children = await trx.selectFrom('sections').select('id').where('parent_id', 'in', level).where('lang_chosen', '=', 0).execute();
    level = children.map((child) => child.id);
  }
}
