// Articles as the theme's lists show them (home, sections, keywords, authors): title, surtitle, description,
// date, their section, and their cover picture (first image) — the covers of a whole list in one query.
import type { Db } from '../db/connect.ts';
import { loadArticleCovers, type ArticleCover, type ArticleSummary } from '../articles/index.ts';
import type { SectionTree } from '../sections/index.ts';
import { documentContentType } from '../documents/index.ts';
import { propreText } from '../markup/index.ts';

/** A list's article, as the articles module reads it. */
export type CardSource = ArticleSummary;

export interface ArticleCard extends Omit<ArticleSummary, 'section_id'> {
  section: { title: string; slug: string } | null;
  cover: (ArticleCover & { mime_type: string }) | null;
}

export async function articleCards(db: Db, tree: SectionTree, articles: CardSource[]): Promise<ArticleCard[]> {
  const covers = await loadArticleCovers(db, articles.map((a) => a.id));
  return articles.map((a) => cardOf(a, tree, covers.get(a.id)));
}

export function cardOf(a: CardSource, tree: SectionTree, cover: ArticleCover | undefined): ArticleCard {
  const section = tree.byId.get(a.section_id);
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    surtitle: a.surtitle,
    description: a.description,
    published_at: a.published_at,
    section: section ? { title: section.title, slug: section.slug } : null,
    cover: cover ? { ...cover, mime_type: cover.mime_type || documentContentType(cover.file) } : null,
  };
}

/**
 * A lead (SPIP text) as a short plain excerpt for a card: the text readers see, cut at a word before `max`
 * characters with an ellipsis.
 */
export function excerpt(spipText: string, max = 280): string {
  const text = propreText(spipText).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).replace(/[\s,;:.–—-]+$/, '')}…`;
}
