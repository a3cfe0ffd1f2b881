// "Voir en ligne" (issue 18): the public address of an object of the back office, only when that page answers a
// reader now — an article public by articles/visibility.ts, a section with public content (the site's own tree), a
// keyword (its page always answers), an author who signs a public article. Undefined otherwise: no link to a 404.
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { isPublic, loadPublicSectionTree } from '../articles/index.ts';
import { findAuthor } from '../search/index.ts';
import { pathFor } from '../urls/index.ts';

export function articlePublicUrl(article: Pick<Article, 'slug' | 'status' | 'published_at'>, now = new Date().toISOString()): string | undefined {
  return isPublic(article, now) ? pathFor('article', article.slug) : undefined;
}

export async function sectionPublicUrl(db: Db, section: { id: number; slug: string }): Promise<string | undefined> {
  const tree = await loadPublicSectionTree(db);
  return tree.byId.has(section.id) ? pathFor('section', section.slug) : undefined;
}

export function keywordPublicUrl(keyword: { slug: string }): string {
  return pathFor('keyword', keyword.slug);
}

export async function authorPublicUrl(db: Db, author: { slug: string }): Promise<string | undefined> {
  return (await findAuthor(db, author.slug)) ? pathFor('author', author.slug) : undefined;
}
