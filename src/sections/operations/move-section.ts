// Moves a section under another parent (or to the top level), at the end of its new siblings. A section
// cannot move into itself or one of its own sub-sections: that would cut the branch off the tree.
import type { Db } from '../../db/connect.ts';
import type { Section } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { buildSectionTree } from '../sections.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { sectionLanguage, spreadSectionLanguage } from '../section-language.ts';

export async function moveSection(db: Db, id: number, parentId: number | null): Promise<Section> {
  const siteLang = (await loadSiteSettings(db)).lang;
  return db.write(async (trx) => {
    const rows = await trx.selectFrom('sections').selectAll().execute();
    const tree = buildSectionTree(rows);
    const section = tree.byId.get(id);
    if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
    if (parentId !== null) {
      if (!tree.byId.has(parentId)) throw new TisseError('BAD_INPUT', 'errors.sections.parentNotFound', { fields: { parentId: 'errors.field.unknownFem' } });
      if (tree.subtree(id).includes(parentId)) {
        throw new TisseError('BAD_INPUT', 'errors.sections.loop', {
          fields: { parentId: 'errors.field.loop' },
        });
      }
    }
    if (section.parent_id === parentId) return section;
    const last = tree.children(parentId).reduce((max, s) => Math.max(max, s.position), 0);
    // A section that inherits its language takes its new parent's, and gives it to what inherits below it.
    const language = await sectionLanguage(trx, parentId, section.lang_chosen ? section.lang : '', siteLang);
    const moved = await trx
      .updateTable('sections')
      .set({ parent_id: parentId, position: last + 1, lang: language.lang, updated_at: nowIso() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (language.lang !== section.lang) await spreadSectionLanguage(trx, id);
    return moved;
  });
}
