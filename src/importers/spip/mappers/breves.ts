// spip_breves → articles of a "Brèves" section (decision 026): each sector that holds brèves gets a sub-section
// "Brèves", and each brève becomes an article there, with a new id (SPIP's brève and article ids overlap). Its
// title, text, date, status and language are kept; lien_titre/lien_url become the article's "Voir en ligne" link.
// SPIP's addresses of a brève (breve3.html, spip.php?breve3, its propres URL +Slug+) are written as old paths of
// the article: /breve3.html (urls/ breveLegacyPath) is the one the legacy routes look up for every form of the id.
import type { Insertable } from 'kysely';
import type { ArticlesTable, SectionsTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';
import { articleStatuses } from './articles.ts';

interface SpipBreve {
  id_breve: number;
  date_heure: string;
  titre: string;
  texte: string;
  lien_titre: string;
  lien_url: string;
  statut: string;
  id_rubrique: number;
  lang: string;
  maj: string | null;
}

/** Maps the brèves; returns the article each brève became ('breve id' → article id). */
export function mapBreves(ctx: MappingContext, siteLang: string): Map<number, number> {
  const articleOf = new Map<number, number>();
  if (!ctx.dump.has('spip_breves')) return articleOf;
  const sections: Insertable<SectionsTable>[] = [];
  const articles: Insertable<ArticlesTable>[] = [];
  const breveSectionOf = new Map<number, number>();
  let nextSectionId = largest(ctx.sectionIds) + 1;
  let nextArticleId = largest(ctx.articleIds) + 1;
  for (const b of ctx.dump.each<SpipBreve>('spip_breves')) {
    const breveId = int(b.id_breve);
    const status = articleStatuses[str(b.statut)];
    const parentId = int(b.id_rubrique);
    if (!status || !ctx.sectionIds.has(parentId)) {
      ctx.skip('spip_breves', breveId, status ? `rubrique ${parentId} absente : gardée dans legacy_objects` : `statut inconnu « ${b.statut} » : gardée dans legacy_objects`);
      ctx.legacy('breve', breveId, b);
      continue;
    }
    let sectionId = breveSectionOf.get(parentId);
    if (sectionId === undefined) {
      sectionId = nextSectionId++;
      breveSectionOf.set(parentId, sectionId);
      sections.push({
        id: sectionId,
        parent_id: parentId,
        slug: ctx.slugFor('section', sectionId, 'breves'),
        title: 'Brèves',
        description: '',
        text: '',
        // After the sector's own sub-sections, as SPIP's sector pages showed the brèves below them.
        position: 1000,
        lang: siteLang,
        created_at: ctx.importedAt,
        updated_at: ctx.importedAt,
      });
      ctx.sectionIds.add(sectionId);
      ctx.count('rubriques « Brèves » créées');
    }
    const id = nextArticleId++;
    const title = str(b.titre);
    const date = spipDate(b.date_heure);
    const updated = spipDate(b.maj) ?? date ?? ctx.importedAt;
    articles.push({
      id,
      section_id: sectionId,
      slug: ctx.slugFor('article', id, ctx.currentSpipUrl('breve', breveId) ?? (title || `breve-${breveId}`)),
      surtitle: '',
      title,
      subtitle: '',
      description: '',
      lead: '',
      text: str(b.texte),
      postscript: '',
      status,
      published_at: status === 'published' || status === 'trash' ? date : null,
      written_at: null,
      forum_mode: null,
      lang: str(b.lang) || siteLang,
      glossary_enabled: 1,
      link_title: str(b.lien_titre),
      link_url: str(b.lien_url),
      redirect_url: '',
      created_at: date ?? updated,
      updated_at: updated,
    });
    ctx.articleIds.add(id);
    articleOf.set(breveId, id);
    ctx.count('brèves', str(b.statut));
  }
  ctx.add('sections', 'rubriques des brèves', sections);
  ctx.add('articles', 'brèves', articles);
  return articleOf;
}

function largest(ids: Set<number>): number {
  let max = 0;
  for (const id of ids) if (id > max) max = id;
  return max;
}
