// A public path and, when it names an article, that article, in one query: every article page (and its print
// version) resolves its path and then needs the article. The path reads as urls/'s resolvePath reads it.
import type { Db } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { Article, UrlsTable } from '../db/schema.ts';
import type { ResolvedPath } from '../urls/index.ts';

export interface ArticleAtPath {
  target: ResolvedPath;
  /** The article the path names; undefined when it names something else, or an article that is gone. */
  article: Article | undefined;
}

type PathRow = Pick<UrlsTable, 'object_type' | 'object_id' | 'is_current'> & { [K in keyof Article]: Article[K] | null };

/** Compiled once (db/compiled-query.ts): every article page asks. The article's columns are null when none joined. */
const pathWithArticle = compiledQuery<[string], PathRow>((k, arg) =>
  k
    .selectFrom('urls')
    .leftJoin('articles', (join) => join.onRef('articles.id', '=', 'urls.object_id').on('urls.object_type', '=', 'article'))
    .select(['urls.object_type', 'urls.object_id', 'urls.is_current'])
    .selectAll('articles')
    .where('urls.path', '=', arg<string>(0)),
);

export async function resolveArticlePath(db: Db, path: string): Promise<ArticleAtPath | undefined> {
  const [row] = await pathWithArticle(db, path);
  if (!row) return undefined;
  const { object_type, object_id, is_current, ...article } = row;
  return {
    target: { objectType: object_type, objectId: object_id, isCurrent: is_current === 1 },
    article: article.id === null ? undefined : (article as Article),
  };
}
