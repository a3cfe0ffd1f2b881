// A slug typed for an article (the editor's "Adresse (URL)" field) is checked, never quietly corrected: articles
// answer at the root of the site, so a slug must not take a path the site itself uses, nor one another object
// holds or held (an old path still redirects to its object). The article's own old paths may come back.
import type { Trx } from '../db/connect.ts';
import type { PlainKey } from '../kernel/i18n/index.ts';
import { isSlug } from '../kernel/slug.ts';
import { pathFor, reservedArticleSlugs } from './urls.ts';

const reserved = new Set([...reservedArticleSlugs].map((slug) => slug.toLowerCase()));

/** Why `slug` cannot be article `ownId`'s address (a per-field message), or undefined when it can. */
export async function articleSlugProblem(trx: Trx, slug: string, ownId?: number): Promise<PlainKey | undefined> {
  // Reserved first: `rss.xml` is refused because the site answers there, not for its dot.
  if (reserved.has(slug.toLowerCase())) return 'errors.field.slugReserved';
  if (!isSlug(slug)) return 'errors.field.slugFormat';
  const holder = await trx.selectFrom('urls').select(['object_type', 'object_id']).where('path', '=', pathFor('article', slug)).executeTakeFirst();
  if (holder && !(holder.object_type === 'article' && holder.object_id === ownId)) return 'errors.field.slugTaken';
  return undefined;
}
