// spip_rubriques → sections: the tree (parents before children), "NN. Titre" numbering → position.
// SPIP derives a rubrique's status from its content; Tisse derives visibility the same way, so it is only counted.
import { canonicalLanguageTag } from '../../../kernel/language-tag.ts';
import type { Insertable } from 'kysely';
import type { SectionsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, splitNumberedTitle, str, type MappingContext } from '../context.ts';

interface SpipRubrique {
  id_rubrique: number;
  id_parent: number;
  titre: string;
  descriptif: string;
  texte: string;
  statut: string;
  date: string;
  lang: string;
  langue_choisie?: string;
  maj: string | null;
}

export function mapSections(ctx: MappingContext, siteLang: string): void {
  const all = ctx.dump.rows<SpipRubrique>('spip_rubriques');
  const byId = new Map(all.map((r) => [int(r.id_rubrique), r]));
  const rows: Insertable<SectionsTable>[] = [];
  const placed = new Set<number>();
  // Parents first, whatever the ids: a rubrique moved under a newer one has a smaller id than its parent.
  const place = (r: SpipRubrique, trail: Set<number>) => {
    const id = int(r.id_rubrique);
    if (placed.has(id)) return;
    let parent = int(r.id_parent) || null;
    if (parent !== null) {
      const parentRow = byId.get(parent);
      if (!parentRow || trail.has(parent)) {
        ctx.skip('spip_rubriques', id, `rubrique parente ${parent} absente ou cycle : placée à la racine`);
        parent = null;
      } else {
        place(parentRow, new Set([...trail, id]));
      }
    }
    placed.add(id);
    const { position, title } = splitNumberedTitle(str(r.titre));
    const updated = spipDate(r.maj) ?? spipDate(r.date) ?? ctx.importedAt;
    rows.push({
      id,
      parent_id: parent,
      slug: ctx.slugFor('section', id, ctx.currentSpipUrl('rubrique', id) ?? (title || `rubrique-${id}`)),
      title,
      description: str(r.descriptif),
      text: str(r.texte),
      position,
      lang: canonicalLanguageTag(str(r.lang)) ?? siteLang,
      lang_chosen: str(r.langue_choisie) === 'oui' ? 1 : 0,
      created_at: spipDate(r.date) ?? updated,
      updated_at: updated,
    });
    ctx.sectionIds.add(id);
    ctx.count('rubriques', str(r.statut));
  };
  for (const r of all) place(r, new Set());
  ctx.add('sections', 'rubriques', rows);
}
