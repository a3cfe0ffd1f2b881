// Full-text search over the public site (one entry point, a backend per database), and the discovery
// queries (feeds, keyword and author pages, related articles, sitemap). The only door into this module.
export { authorsOf, findAuthor, findKeyword, listFeedArticles, relatedArticles, sharingKeywordsQuery, sitemapArticles } from './discovery.ts';
export type { ArticleFilter, FeedArticle, SharingKeywordsRow } from './discovery.ts';
export { MAX_QUERY_LENGTH, isEmptyQuery, parseQuery } from './query.ts';
export { MAX_PAGE, reindex, search } from './search.ts';
export type { SearchResults } from './search.ts';
export { suspendSearchIndex } from './suspend-index.ts';
