// Read side of articles for the public site: one article with everything its page shows, and lists.
import type { Db } from '../db/connect.ts';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { compiledQuery } from '../db/compiled-query.ts';
import { literalCount } from '../db/literal-count.ts';
import { memoByVersion } from '../db/memo.ts';
import type { Article, Database, Document } from '../db/schema.ts';
import { publicArticles } from './visibility.ts';
import { authorsQuery, documentsQuery, keywordsQuery, publicRelatedQuery, publishedMessageCountQuery, summaryColumns } from './page-queries.ts';

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  surtitle: string;
  description: string;
  published_at: string | null;
  section_id: number;
}

export interface ArticlePageData {
  article: Article;
  authors: { id: number; name: string; slug: string }[];
  keywords: { id: number; title: string; slug: string; group: string }[];
  related: ArticleSummary[];
  documents: Document[];
  publishedMessageCount: number;
}

export async function loadArticle(db: Db, id: number): Promise<Article | undefined> {
  return (await articleById(db, id))[0];
}

// Compiled once (db/compiled-query.ts). The article page reads these lists in its one read (site/article-page-read.ts),
// which nests the same page-queries.ts; the print page reads them here.
const articleById = compiledQuery<[number], Article>((k, arg) => k.selectFrom('articles').selectAll().where('id', '=', arg<number>(0)));
const authorsOf = compiledQuery<[number], ArticlePageData['authors'][number]>((k, arg) => authorsQuery(k, arg<number>(0)));
const keywordsOf = compiledQuery<[number], ArticlePageData['keywords'][number]>((k, arg) => keywordsQuery(k, arg<number>(0)));
const publicRelatedOf = compiledQuery<[number, string], ArticleSummary>((k, arg) => publicRelatedQuery(k, arg<number>(0), arg<string>(1)));
const documentsOf = compiledQuery<[number], Document>((k, arg) => documentsQuery(k, arg<number>(0)));
const publishedMessageCountOf = compiledQuery<[number], { n: number | string }>((k, arg) => publishedMessageCountQuery(k, arg<number>(0)));

export async function loadArticlePageData(db: Db, article: Article, now = new Date().toISOString()): Promise<ArticlePageData> {
  const [authors, keywords, related, documents, count] = await Promise.all([
    authorsOf(db, article.id),
    keywordsOf(db, article.id),
    publicRelatedOf(db, article.id, now),
    documentsOf(db, article.id),
    publishedMessageCountOf(db, article.id),
  ]);
  return { article, authors, keywords, related, documents, publishedMessageCount: Number(count[0]?.n ?? 0) };
}

export interface PublicArticleFilter {
  sectionIds?: number[];
  ids?: number[];
  excludeIds?: number[];
  /** Published in [start, end) (ISO instants): a month of the archive. */
  publishedIn?: { start: string; end: string };
  /** Tagged with this keyword. */
  keywordId?: number;
  /** Signed by this user. */
  authorId?: number;
  /** Written in this language (a BCP 47 tag: "en" keeps "en" and "en-GB"); decision 031. */
  lang?: string | undefined;
  now?: string;
}

/**
 * Public articles, newest first (date, then id: a stable order for numbered pages), a page of them. The page's
 * ids are found first, in the index of migration 028 alone (its order is the lists' order, and it holds every
 * column the filter and the order read), and only those rows are read: a deep page skips its offset in the index
 * instead of reading and sorting every row before it (PostgreSQL, page 450 of 10,000: 23 ms in one query, 3.5 ms so; decision 017).
 */
export async function listPublicArticles(db: Db, options: PublicArticleFilter & { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
  if (options.sectionIds?.length === 0 || options.ids?.length === 0) return [];
  const page = filtered(db.kysely.selectFrom('articles').select('articles.id'), options)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(literalCount(options.limit ?? 20))
    .offset(literalCount(options.offset ?? 0));
  return db.kysely
    .selectFrom('articles')
    .select(summaryColumns)
    .where('articles.id', 'in', page)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .execute();
}

/** How many public articles listPublicArticles pages through with the same filter. */
export async function countPublicArticles(db: Db, filter: PublicArticleFilter = {}): Promise<number> {
  if (filter.sectionIds?.length === 0 || filter.ids?.length === 0) return 0;
  const row = await filtered(db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')), filter).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function filtered<Q extends SelectQueryBuilder<Database, 'articles', object>>(query: Q, filter: PublicArticleFilter): Q {
  let q = query.where(publicArticles(filter.now)) as Q;
  if (filter.sectionIds) q = q.where('articles.section_id', 'in', filter.sectionIds) as Q;
  if (filter.ids) q = q.where('articles.id', 'in', filter.ids) as Q;
  if (filter.excludeIds?.length) q = q.where('articles.id', 'not in', filter.excludeIds) as Q;
  if (filter.publishedIn) q = q.where('articles.published_at', '>=', filter.publishedIn.start).where('articles.published_at', '<', filter.publishedIn.end) as Q;
  if (filter.lang) q = q.where(inLanguage(filter.lang)) as Q;
  const { keywordId, authorId } = filter;
  if (keywordId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('keyword_links').select('keyword_links.object_id').where('keyword_links.object_type', '=', 'article').where('keyword_links.keyword_id', '=', keywordId).whereRef('keyword_links.object_id', '=', 'articles.id'),
      ),
    ) as Q;
  }
  if (authorId !== undefined) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.user_id', '=', authorId).whereRef('article_authors.article_id', '=', 'articles.id')),
    ) as Q;
  }
  return q;
}

/** The next instant a scheduled article becomes public: cached pages listing articles expire then. */
export async function nextScheduledPublication(db: Db, now = new Date().toISOString()): Promise<number | undefined> {
  // Asked by every page: kept until a write. What was next when it was asked is still next at any later moment
  // before it, as no article's date changed meanwhile.
  const memo = await scheduledMemo(db);
  if (now >= memo.askedAt && (memo.next === undefined || Date.parse(now) < memo.next)) return memo.next;
  return queryNextScheduled(db, now);
}

const scheduledMemo = memoByVersion(async (db) => {
  const askedAt = new Date().toISOString();
  return { askedAt, next: await queryNextScheduled(db, askedAt) };
});

const nextScheduled = compiledQuery<[string], { next: string | null }>((k, arg) =>
  k
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_at').as('next'))
    .where('status', '=', 'published')
    .where('published_at', '>', arg<string>(0)),
);

async function queryNextScheduled(db: Db, now: string): Promise<number | undefined> {
  const [row] = await nextScheduled(db, now);
  return row?.next ? Date.parse(row.next) : undefined;
}

/** Whole rows of the given articles (a feed's full-text entries), in no particular order. */
export async function loadArticlesByIds(db: Db, ids: number[]): Promise<Article[]> {
  return ids.length ? db.kysely.selectFrom('articles').selectAll().where('id', 'in', ids).execute() : [];
}

/** Every public article, newest first, as the site plan lists them under their sections. */
export async function listPlanArticles(db: Db, now = new Date().toISOString()): Promise<Pick<Article, 'slug' | 'title' | 'section_id'>[]> {
  return db.kysely.selectFrom('articles').select(['articles.slug', 'articles.title', 'articles.section_id']).where(publicArticles(now)).orderBy('articles.published_at', 'desc').execute();
}

/** The picture that stands for an article in lists and previews: its first image, in the order of its documents. */
export type ArticleCover = Pick<Document, 'file' | 'width' | 'height' | 'alt' | 'mime_type'>;

/** The covers of the given articles (those with an image), in one query. */
export async function loadArticleCovers(db: Db, articleIds: number[]): Promise<Map<number, ArticleCover>> {
  const covers = new Map<number, ArticleCover>();
  if (articleIds.length === 0) return covers;
  const rows = await db.kysely
    .selectFrom('document_links')
    .innerJoin('documents', 'documents.id', 'document_links.document_id')
    .select(['document_links.object_id as article_id', 'documents.file', 'documents.width', 'documents.height', 'documents.alt', 'documents.mime_type'])
    .where('document_links.object_type', '=', 'article')
    .where('document_links.object_id', 'in', [...new Set(articleIds)])
    .where('documents.media', '=', 'image')
    .orderBy('document_links.object_id')
    .orderBy('document_links.position')
    .execute();
  for (const { article_id, ...cover } of rows) if (!covers.has(article_id)) covers.set(article_id, cover);
  return covers;
}

/** Articles in language `tag` or one of its regional variants ("en" keeps "en-GB"; "en-GB" keeps itself). */
export function inLanguage(tag: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>) => eb.or([eb('articles.lang', '=', tag), eb('articles.lang', 'like', `${tag}-%`)]);
}

/**
 * The languages the site's public articles are written in, by their primary tag ("en" for "en-GB"), sorted: a
 * site offers readers its lists per language when there are two or more. Read once per data version.
 */
export const loadPublicLanguages = memoByVersion(async (db: Db): Promise<string[]> => {
  const rows = await db.kysely.selectFrom('articles').select('lang').distinct().where(publicArticles()).execute();
  return [...new Set(rows.map((row) => row.lang.split('-')[0]!.toLowerCase()))].sort();
});
