// What the home page shows, as Réglages → Apparence sets it (settings.homeBlocks): a featured article with its
// picture, surtitle and lead; the latest articles after it; then a block per section with its newest articles
// (those of its sub-sections included). An article appears once: the featured one is left out of the lists.
import type { Db } from '../db/connect.ts';
import { listPublicArticles, loadArticle, isPublic } from '../articles/index.ts';
import type { SectionTree } from '../sections/index.ts';
import type { HomeBlocks } from '../settings/index.ts';
import { articleCards, excerpt, type ArticleCard } from './article-cards.ts';

export interface HomePage {
  featured: (ArticleCard & { lead_text: string; subtitle: string }) | null;
  latest: ArticleCard[];
  section_blocks: { section: { title: string; slug: string; description: string }; articles: ArticleCard[] }[];
}

export async function homePage(db: Db, blocks: HomeBlocks, tree: SectionTree, now: string, lang?: string): Promise<HomePage> {
  const featuredArticle = await featuredOf(db, blocks, now, lang);
  const excludeIds = featuredArticle ? [featuredArticle.id] : [];
  const sections = (blocks.sectionIds.length ? blocks.sectionIds.map((id) => tree.byId.get(id)).filter((s) => s !== undefined) : tree.children(null)).slice(0, 20);
  const [latest, ...perSection] = await Promise.all([
    blocks.latestCount > 0 ? listPublicArticles(db, { limit: blocks.latestCount, excludeIds, now, lang }) : Promise.resolve([]),
    ...(blocks.perSection > 0 ? sections.map((s) => listPublicArticles(db, { sectionIds: tree.subtree(s.id), limit: blocks.perSection, excludeIds, now, lang })) : []),
  ]);
  // Every card of the page with its cover, in one query.
  const all = await articleCards(db, tree, [...(featuredArticle ? [featuredArticle] : []), ...latest!, ...perSection.flat()]);
  const cards = new Map(all.map((card) => [card.id, card]));
  const cardsOf = (list: { id: number }[]) => list.map((a) => cards.get(a.id)!);
  return {
    featured: featuredArticle ? { ...cards.get(featuredArticle.id)!, lead_text: excerpt(featuredArticle.lead || featuredArticle.text, 320), subtitle: featuredArticle.subtitle } : null,
    latest: cardsOf(latest!),
    section_blocks: sections
      .map((section, i) => ({ section: { title: section.title, slug: section.slug, description: section.description }, articles: cardsOf(perSection[i] ?? []) }))
      .filter((block) => block.articles.length > 0),
  };
}

/**
 * The chosen article while it is public (and in the language asked, if one was), else the newest one ('latest', or
 * a chosen one since unpublished).
 */
async function featuredOf(db: Db, blocks: HomeBlocks, now: string, lang: string | undefined) {
  if (blocks.featured === 'none') return undefined;
  if (typeof blocks.featured === 'number') {
    const chosen = await loadArticle(db, blocks.featured);
    if (chosen && isPublic(chosen, now) && (!lang || chosen.lang === lang || chosen.lang.startsWith(`${lang}-`))) return chosen;
  }
  const [newest] = await listPublicArticles(db, { limit: 1, now, lang });
  return newest ? loadArticle(db, newest.id) : undefined;
}
