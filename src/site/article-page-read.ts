// The article page's data besides the article, in one query run on a prepared statement (issue 19, decision 035):
// its stored render joined, and each list it shows as a JSON array in a scalar subquery. Each module writes its own
// part as a query not yet run (articles/page-queries.ts, the forum's publishedMessagesQuery, the petitions' three,
// search's sharingKeywordsQuery) and reads its rows back (threadsOf, petitionViewOf, publicTranslations,
// relatedArticles). The page that shows them puts them together here: the articles cannot import the others
// without a cycle, and no module above them all is the article page's.
import type { Db } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { Json } from '../db/dialect.ts';
import type { Article, ArticleRender, Document } from '../db/schema.ts';
import {
  authorsQuery,
  documentsQuery,
  groupIdOf,
  groupMembersQuery,
  keywordsQuery,
  newestInSectionQuery,
  publicRelatedQuery,
  publicTranslations,
  publishedMessageCountQuery,
  type ArticlePageData,
  type ArticleSummary,
  type GroupMemberRow,
  type TranslationMember,
} from '../articles/index.ts';
import { publishedMessagesQuery, threadsOf, type ForumMessageView, type PublishedMessageRow } from '../forum/index.ts';
import { confirmedCountQuery, petitionQuery, petitionViewOf, shownSignaturesQuery, type Petition, type PetitionView, type ShownSignatureRow } from '../petitions/index.ts';
import { sharingKeywordsQuery, type SharingKeywordsRow } from '../search/index.ts';

export interface ArticlePageRead {
  /** Its authors, keywords, chosen related articles (public ones), documents and published message count. */
  data: ArticlePageData;
  /** Its row of article_renders, valid or not (web/stored-article-render.ts decides); undefined when none. */
  storedRender: ArticleRender | undefined;
  /** The newest public articles of its section (SECTION_NEWEST of them), itself among them if it is. */
  sectionNewest: ArticleSummary[];
  /** The public articles sharing the most keywords with it (2 × RELATED of them: search/'s relatedArticles). */
  sharingKeywords: SharingKeywordsRow[];
  /** The public articles of its translation group but itself. */
  translations: TranslationMember[];
  /** Its forum's published messages as threads. */
  threads: ForumMessageView[];
  petition: PetitionView | undefined;
}

/** The render's columns (null when none is stored), then one column per part. */
type PageRow = { [K in keyof ArticleRender]: ArticleRender[K] | null } & {
  authors: Json<ArticlePageData['authors']>;
  keywords: Json<ArticlePageData['keywords']>;
  related: Json<ArticleSummary[]>;
  documents: Json<Document[]>;
  /** Counts are bigints on PostgreSQL, text through pg. */
  message_count: number | string;
  section_newest: Json<ArticleSummary[]>;
  sharing_keywords: Json<SharingKeywordsRow[]>;
  group_members: Json<GroupMemberRow[]>;
  forum_messages: Json<PublishedMessageRow[]>;
  petition: Json<Petition> | null;
  petition_count: number | string;
  petition_signatures: Json<ShownSignatureRow[]>;
};

/** How many articles the article page shows in its section's list, and among its related ones. */
export const RELATED = 5;

/** Its section's newest: enough for both the aside's five and the related articles' fill (which skips up to six taken ones). */
const SECTION_NEWEST = 2 * RELATED + 1;

type PageArgs = [articleId: number, now: string, sectionId: number, groupId: number];

/** Compiled once per database (db/compiled-query.ts). The article's own row anchors the read: one row or none. */
const pageRead = compiledQuery<PageArgs, PageRow>((k, arg, dialect) => {
  const articleId = arg<number>(0);
  const now = arg<string>(1);
  return k
    .selectFrom('articles as page')
    .leftJoin('article_renders', 'article_renders.article_id', 'page.id')
    .where('page.id', '=', articleId)
    .selectAll('article_renders')
    .select([
      dialect.jsonArrayFrom(authorsQuery(k, articleId)).as('authors'),
      dialect.jsonArrayFrom(keywordsQuery(k, articleId)).as('keywords'),
      dialect.jsonArrayFrom(publicRelatedQuery(k, articleId, now)).as('related'),
      dialect.jsonArrayFrom(documentsQuery(k, articleId)).as('documents'),
      publishedMessageCountQuery(k, articleId).as('message_count'),
      dialect.jsonArrayFrom(newestInSectionQuery(k, arg<number>(2), now, SECTION_NEWEST)).as('section_newest'),
      dialect.jsonArrayFrom(sharingKeywordsQuery(k, articleId, now, 2 * RELATED)).as('sharing_keywords'),
      dialect.jsonArrayFrom(groupMembersQuery(k, arg<number>(3))).as('group_members'),
      dialect.jsonArrayFrom(publishedMessagesQuery(k, articleId)).as('forum_messages'),
      dialect.jsonObjectFrom(petitionQuery(k, articleId)).as('petition'),
      confirmedCountQuery(k, articleId).as('petition_count'),
      dialect.jsonArrayFrom(shownSignaturesQuery(k, articleId)).as('petition_signatures'),
    ]);
});

/** What the article page shows of `article` at `now`, but the article itself. */
export async function readArticlePage(db: Db, article: Article, now: string): Promise<ArticlePageRead> {
  const [row] = await pageRead(db, article.id, now, article.section_id, groupIdOf(article));
  // No row: the article was deleted since it was read; its page shows it with nothing around it, as separate reads did.
  if (!row) return { data: { article, authors: [], keywords: [], related: [], documents: [], publishedMessageCount: 0 }, storedRender: undefined, sectionNewest: [], sharingKeywords: [], translations: [], threads: [], petition: undefined };
  const json = <T>(value: Json<T>): T => db.dialect.readJson(value);
  const petition = row.petition === null ? undefined : json(row.petition);
  return {
    data: { article, authors: json(row.authors), keywords: json(row.keywords), related: json(row.related), documents: json(row.documents), publishedMessageCount: Number(row.message_count) },
    storedRender: row.article_id === null ? undefined : storedRenderOf(row),
    sectionNewest: json(row.section_newest),
    sharingKeywords: json(row.sharing_keywords),
    translations: publicTranslations(article, json(row.group_members), now),
    threads: threadsOf(json(row.forum_messages)),
    petition: petition && petitionViewOf(petition, row.petition_count, json(row.petition_signatures)),
  };
}

/** The render's columns of the row, once known to be there. */
function storedRenderOf(row: PageRow): ArticleRender {
  return {
    article_id: row.article_id!,
    render_key: row.render_key!,
    valid_until: row.valid_until,
    surtitle: row.surtitle!,
    title: row.title!,
    subtitle: row.subtitle!,
    lead: row.lead!,
    text: row.text!,
    postscript: row.postscript!,
    notes: row.notes!,
    broken_links: row.broken_links!,
    placed_document_ids: row.placed_document_ids!,
    rendered_at: row.rendered_at!,
  };
}
