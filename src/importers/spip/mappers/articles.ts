// spip_articles → articles (every field, SPIP's id; lang, langue_choisie and id_trad as language and translation
// group), and spip_auteurs_liens article rows → article_authors.
// Texts stay SPIP markup: the markup engine renders them, [->art12] keeps pointing at article 12.
import type { Insertable } from 'kysely';
import type { ArticleStatus, ArticlesTable, ForumMode } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';
import { canonicalLanguageTag } from '../../../kernel/language-tag.ts';

export interface SpipArticle {
  id_article: number;
  surtitre: string;
  titre: string;
  soustitre: string;
  id_rubrique: number;
  descriptif: string;
  chapo: string;
  texte: string;
  ps: string;
  date: string;
  statut: string;
  date_redac: string;
  date_modif: string;
  maj: string | null;
  accepter_forum: string;
  lang: string;
  /** 'oui' when the language was chosen on the article, 'non' when it followed its rubrique's. */
  langue_choisie?: string;
  /** The original of its translations (its own id for the original itself, 0 for an article alone). */
  id_trad?: number;
  nom_site: string;
  url_site: string;
  virtuel?: string;
}

export const articleStatuses: Record<string, ArticleStatus> = {
  prepa: 'draft', prop: 'proposed', publie: 'published', refuse: 'refused', poubelle: 'trash',
};

/** SPIP's forum codes are Tisse's; '' means "the site default" (null). */
export function forumMode(value: unknown): ForumMode | null {
  const code = str(value).slice(0, 3);
  return code === 'pri' || code === 'pos' || code === 'abo' || code === 'non' ? code : null;
}

export function mapArticles(ctx: MappingContext, siteLang: string): void {
  const rows: Insertable<ArticlesTable>[] = [];
  const spipTrad = new Map<number, number>();
  for (const a of ctx.dump.each<SpipArticle>('spip_articles')) {
    const id = int(a.id_article);
    const status = articleStatuses[str(a.statut)];
    if (!status) {
      ctx.skip('spip_articles', id, `statut inconnu « ${a.statut} » : gardé dans legacy_objects`);
      ctx.legacy('article', id, a);
      continue;
    }
    const sectionId = int(a.id_rubrique);
    if (!ctx.sectionIds.has(sectionId)) {
      ctx.skip('spip_articles', id, `rubrique ${sectionId} absente : gardé dans legacy_objects`);
      ctx.legacy('article', id, a);
      continue;
    }
    // Before SPIP 3, a chapo starting with '=' made the article a redirect; since then it is `virtuel`.
    let lead = str(a.chapo);
    let redirect = str(a.virtuel).trim();
    if (!redirect && lead.startsWith('=')) {
      redirect = lead.slice(1).trim();
      lead = '';
    }
    const date = spipDate(a.date);
    const updated = spipDate(a.date_modif) ?? spipDate(a.maj) ?? date ?? ctx.importedAt;
    const title = str(a.titre);
    rows.push({
      id,
      section_id: sectionId,
      slug: ctx.slugFor('article', id, ctx.currentSpipUrl('article', id) ?? (title || `article-${id}`)),
      surtitle: str(a.surtitre),
      title,
      subtitle: str(a.soustitre),
      description: str(a.descriptif),
      lead,
      text: str(a.texte),
      postscript: str(a.ps),
      status,
      // SPIP's date is the creation date until publication; it means "published at" only once published.
      published_at: status === 'published' || status === 'trash' ? date : null,
      written_at: spipDate(a.date_redac),
      forum_mode: forumMode(a.accepter_forum),
      lang: canonicalLanguageTag(str(a.lang)) ?? siteLang,
      lang_chosen: str(a.langue_choisie) === 'oui' ? 1 : 0,
      glossary_enabled: 1,
      link_title: str(a.nom_site),
      link_url: str(a.url_site),
      redirect_url: redirect,
      created_at: date ?? updated,
      updated_at: updated,
    });
    ctx.articleIds.add(id);
    const trad = int(a.id_trad ?? 0);
    if (trad > 0 && trad !== id) spipTrad.set(id, trad);
    ctx.count('articles', str(a.statut));
  }
  ctx.add('articles', 'articles', rows);
  mapTranslations(ctx, spipTrad);
}

/**
 * SPIP's id_trad as translation groups: each translation names its group's original. A chain (an id_trad naming a
 * translation, from an old SPIP) is followed to its original; a group whose original was not imported, or a
 * loop, leaves the article alone, said in the report.
 */
function mapTranslations(ctx: MappingContext, spipTrad: Map<number, number>): void {
  for (const [id, trad] of spipTrad) {
    let original = trad;
    const seen = new Set([id]);
    while (spipTrad.has(original) && !seen.has(original)) {
      seen.add(original);
      original = spipTrad.get(original)!;
    }
    if (seen.has(original) || !ctx.articleIds.has(original)) {
      ctx.skip('spip_articles', id, `id_trad ${trad} : original absent ou boucle, article gardé sans traductions`);
      continue;
    }
    ctx.translationOf.set(id, original);
    ctx.count('traductions');
  }
}

export function mapArticleAuthors(ctx: MappingContext, links: { id_auteur: number; id_objet: number; objet: string }[]): void {
  const rows = [];
  const positions = new Map<number, number>();
  for (const l of links) {
    if (l.objet === 'rubrique') continue;
    const userId = int(l.id_auteur);
    const objectId = int(l.id_objet);
    if (l.objet !== 'article') {
      ctx.skip('spip_auteurs_liens', `${userId}/${l.objet}/${objectId}`, `lien d’auteur vers un objet « ${l.objet} » (pas d’équivalent dans Tisse)`);
      continue;
    }
    if (!ctx.userIds.has(userId) || !ctx.articleIds.has(objectId)) {
      ctx.skip('spip_auteurs_liens', `${userId}/article/${objectId}`, 'auteur ou article absent');
      continue;
    }
    const position = positions.get(objectId) ?? 0;
    positions.set(objectId, position + 1);
    rows.push({ article_id: objectId, user_id: userId, position });
    ctx.count('auteurs d’articles');
  }
  ctx.add('article_authors', 'auteurs des articles', rows);
}
