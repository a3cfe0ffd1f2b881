// What the editor's portfolio shows of one article (pages/article-portfolio.tsx): its documents in their order,
// and whether the person may attach to it and insert into its text (the article's own edit permission).
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { articleDocuments, acceptedExtensions, DEFAULT_MAX_UPLOAD_BYTES } from '../documents/index.ts';
import { can, type Actor, type ArticleTarget } from '../users/index.ts';
import type { PortfolioProps } from './pages/article-portfolio.tsx';

/** The largest file the editor sends (documents/: the library's limit too). */
export const EDITOR_MAX_UPLOAD_BYTES = DEFAULT_MAX_UPLOAD_BYTES;

export async function loadPortfolio(db: Db, actor: Actor, article: Article | undefined, target: ArticleTarget | undefined): Promise<PortfolioProps> {
  const limits = { maxBytes: EDITOR_MAX_UPLOAD_BYTES, acceptedExtensions };
  if (!article || !target) return { articleId: undefined, documents: [], canAttach: can(actor, 'article.create'), ...limits };
  return { articleId: article.id, documents: await articleDocuments(db, article.id), canAttach: can(actor, 'article.edit', target), ...limits };
}
