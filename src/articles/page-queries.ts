// The article page's reads of articles, as queries not yet run: the page's one read (site/article-page-read.ts) nests
// them all in a single statement, and loadArticlePageData (the print page) and loadTranslationGroup (the back office)
// compile theirs alone (db/compiled-query.ts). Written once here, both ways read the same rows in the same order.
import type { QueryCreator } from 'kysely';
import { literalCount } from '../db/literal-count.ts';
import type { Database } from '../db/schema.ts';
import { publicArticles } from './visibility.ts';

/** The columns of an article in a list (ArticleSummary). */
export const summaryColumns = ['articles.id', 'articles.slug', 'articles.title', 'articles.surtitle', 'articles.description', 'articles.published_at', 'articles.section_id'] as const;

/**
 * Every column of `documents` by name: a JSON aggregate on SQLite names each column it carries (no selectAll), and
 * the page's read must give the same Document as documentsOf.
 */
const documentColumns = [
  'documents.id',
  'documents.file',
  'documents.original_name',
  'documents.title',
  'documents.description',
  'documents.credits',
  'documents.alt',
  'documents.extension',
  'documents.mime_type',
  'documents.size',
  'documents.width',
  'documents.height',
  'documents.media',
  'documents.mode',
  'documents.created_at',
] as const;

/** The article's authors, in their order. */
export function authorsQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['users.id', 'users.name', 'users.slug'])
    .where('article_authors.article_id', '=', articleId)
    .orderBy('article_authors.position');
}

/** The article's keywords, by title, with their group's title. */
export function keywordsQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('keyword_links')
    .innerJoin('keywords', 'keywords.id', 'keyword_links.keyword_id')
    .innerJoin('keyword_groups', 'keyword_groups.id', 'keywords.group_id')
    .select(['keywords.id', 'keywords.title', 'keywords.slug', 'keyword_groups.title as group'])
    .where('keyword_links.object_type', '=', 'article')
    .where('keyword_links.object_id', '=', articleId)
    .orderBy('keywords.title');
}

/** The articles chosen as related to it, in their order, those the public may read at `now`. */
export function publicRelatedQuery(k: QueryCreator<Database>, articleId: number, now: string) {
  return k
    .selectFrom('related_articles')
    .innerJoin('articles', 'articles.id', 'related_articles.related_id')
    .select(summaryColumns)
    .where('related_articles.article_id', '=', articleId)
    .where(publicArticles(now))
    .orderBy('related_articles.position');
}

/** The article's documents, in their order. */
export function documentsQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('document_links')
    .innerJoin('documents', 'documents.id', 'document_links.document_id')
    .select(documentColumns)
    .where('document_links.object_type', '=', 'article')
    .where('document_links.object_id', '=', articleId)
    .orderBy('document_links.position');
}

/** How many public messages of its forum are published (a count: a bigint, text through pg). */
export function publishedMessageCountQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('forum_messages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('article_id', '=', articleId)
    .where('kind', '=', 'public')
    .where('status', '=', 'published');
}

/**
 * A section's newest public articles (its own, not its sub-sections'), at most `limit`, written into the SQL
 * (db/literal-count.ts: bound, it made the page's read 4 times slower).
 */
export function newestInSectionQuery(k: QueryCreator<Database>, sectionId: number, now: string, limit: number) {
  return k
    .selectFrom('articles')
    .select(summaryColumns)
    .where('articles.section_id', '=', sectionId)
    .where(publicArticles(now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(literalCount(limit));
}

/** The articles of a translation group (its original's id), by id. */
export function groupMembersQuery(k: QueryCreator<Database>, groupId: number) {
  return k
    .selectFrom('articles')
    .select(['articles.id', 'articles.title', 'articles.slug', 'articles.lang', 'articles.status', 'articles.published_at', 'articles.updated_at', 'articles.translation_of'])
    .where((eb) => eb.or([eb('articles.id', '=', groupId), eb('articles.translation_of', '=', groupId)]))
    .orderBy('articles.id');
}
