// Discovery queries for the public site: articles by keyword and by author, related articles (explicit
// ones first, then those sharing the most keywords, then the same section), and every public article
// for the sitemap. Every query keeps to public articles (articles/visibility.ts).
import { sql, type QueryCreator } from 'kysely';
import type { Db } from '../db/connect.ts';
import { literalCount } from '../db/literal-count.ts';
import type { Database } from '../db/schema.ts';
import { inLanguage, publicArticles, summaryColumns, type ArticleSummary } from '../articles/index.ts';


export interface FeedArticle extends ArticleSummary {
  lead: string;
  text: string;
  postscript: string;
  subtitle: string;
  updated_at: string;
  lang: string;
}

export async function findKeyword(db: Db, slug: string) {
  return db.kysely
    .selectFrom('keywords')
    .innerJoin('keyword_groups', 'keyword_groups.id', 'keywords.group_id')
    .select(['keywords.id', 'keywords.slug', 'keywords.title', 'keywords.description', 'keywords.text', 'keyword_groups.title as group'])
    .where('keywords.slug', '=', slug)
    .executeTakeFirst();
}

/** An author is a user who signs at least one public article: other accounts have no public page. */
export async function findAuthor(db: Db, slug: string, now = new Date().toISOString()) {
  return db.kysely
    .selectFrom('users')
    .select(['users.id', 'users.slug', 'users.name', 'users.bio', 'users.website'])
    .where('users.slug', '=', slug)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors')
          .innerJoin('articles', 'articles.id', 'article_authors.article_id')
          .select('articles.id')
          .whereRef('article_authors.user_id', '=', 'users.id')
          .where(publicArticles(now)),
      ),
    )
    .executeTakeFirst();
}

export interface ArticleFilter {
  sectionIds?: number[];
  keywordId?: number;
  authorId?: number;
  /** Written in this language (decision 031). */
  lang?: string | undefined;
}

/** Public articles, newest first, with the fields feeds need. */
export async function listFeedArticles(db: Db, filter: ArticleFilter, limit: number, offset = 0, now = new Date().toISOString()): Promise<FeedArticle[]> {
  let query = db.kysely
    .selectFrom('articles')
    .select([...summaryColumns, 'articles.lead', 'articles.text', 'articles.postscript', 'articles.subtitle', 'articles.updated_at', 'articles.lang'])
    .where(publicArticles(now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(literalCount(limit))
    .offset(literalCount(offset));
  if (filter.sectionIds) query = query.where('articles.section_id', 'in', filter.sectionIds.length ? filter.sectionIds : [-1]);
  if (filter.lang) query = query.where(inLanguage(filter.lang));
  if (filter.keywordId !== undefined) {
    const id = filter.keywordId;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('keyword_links').select('keyword_links.object_id').where('keyword_links.object_type', '=', 'article').where('keyword_links.keyword_id', '=', id).whereRef('keyword_links.object_id', '=', 'articles.id'),
      ),
    );
  }
  if (filter.authorId !== undefined) {
    const id = filter.authorId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.user_id', '=', id).whereRef('article_authors.article_id', '=', 'articles.id')),
    );
  }
  return query.execute();
}

/** Authors of the given articles, by article, in signing order (names only: never an email). */
export async function authorsOf(db: Db, articleIds: number[]): Promise<Map<number, { name: string; slug: string }[]>> {
  const out = new Map<number, { name: string; slug: string }[]>();
  if (!articleIds.length) return out;
  const rows = await db.kysely
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.name', 'users.slug'])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.position')
    .execute();
  for (const row of rows) out.set(row.article_id, [...(out.get(row.article_id) ?? []), { name: row.name, slug: row.slug }]);
  return out;
}

/** A public article sharing keywords with another, with how many it shares. */
export type SharingKeywordsRow = ArticleSummary & { shared: number };

/**
 * Public articles sharing keywords with an article, the most shared first, at most `rows`, as a query not yet run:
 * the article page's one read nests it (site/article-page-read.ts). For an article without keywords it starts from
 * none and finds none at once. `rows` is written into the SQL (db/literal-count.ts; measured alone: 25–30 µs a call
 * instead of 60–100 with it bound).
 */
export function sharingKeywordsQuery(k: QueryCreator<Database>, articleId: number, now: string, rows: number) {
  return k
    .selectFrom('keyword_links as mine')
    // CROSS JOIN keeps SQLite's loops in this order: the article's few keywords, the links of each, their articles.
    // Left to choose, it began with every article's links, or every public article.
    .crossJoin('keyword_links as theirs')
    .crossJoin('articles')
    .select([...summaryColumns, sql<number>`count(*)`.as('shared')])
    .whereRef('theirs.keyword_id', '=', 'mine.keyword_id')
    .whereRef('articles.id', '=', 'theirs.object_id')
    .where('theirs.object_type', '=', 'article')
    .where('mine.object_type', '=', 'article')
    .where('mine.object_id', '=', articleId)
    .where('theirs.object_id', '!=', articleId)
    .where(publicArticles(now))
    .groupBy(summaryColumns)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('articles.published_at', 'desc')
    .limit(literalCount(rows));
}

/**
 * Related articles: the explicit ones (in their order), then those sharing the most keywords with this one
 * (`sharing`: sharingKeywordsQuery's rows, 2 × `limit` of them when there are that many: the article and fewer than
 * `limit` explicit ones are skipped), then the newest of the same section (`sectionNewest`: the section's newest
 * public articles, at least 2 × `limit` + 1 of them when it has that many), up to `limit`.
 */
export function relatedArticles(articleId: number, explicit: ArticleSummary[], sharing: SharingKeywordsRow[], sectionNewest: ArticleSummary[], limit = 5): ArticleSummary[] {
  const result = [...explicit];
  const taken = new Set([articleId, ...explicit.map((a) => a.id)]);
  if (result.length >= limit) return result;
  for (const { shared: _shared, ...a } of sharing) {
    if (result.length >= limit) break;
    if (!taken.has(a.id)) result.push(a), taken.add(a.id);
  }
  for (const a of sectionNewest) {
    if (result.length >= limit) break;
    if (!taken.has(a.id)) result.push(a), taken.add(a.id);
  }
  return result;
}

/** Every public article's path and last change, for sitemap.xml. */
export async function sitemapArticles(db: Db, now = new Date().toISOString()): Promise<{ slug: string; updated_at: string }[]> {
  return db.kysely.selectFrom('articles').select(['articles.slug', 'articles.updated_at']).where(publicArticles(now)).orderBy('articles.id').execute();
}
