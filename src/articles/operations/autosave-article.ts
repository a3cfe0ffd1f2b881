// The editor's autosave (admin/assets/autosave.js, every 20 seconds after a change and when the page is left): the
// same save as the Save button, with the same permission check and the same refusal of a save made over someone
// else's newer one (409), so an autosave never overwrites anybody. What it does differently (decision 016): it
// never changes the article's address (a half-typed slug would leave a trail of redirects), it is refused on a
// published article (it would put unfinished text online), and it keeps one revision per stretch of writing.
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../users/index.ts';
import { saveArticle, type ArticleForm, type SavedArticle } from './update-article.ts';

export async function autosaveArticle(db: Db, actor: Actor, articleId: number, input: ArticleForm): Promise<SavedArticle> {
  return saveArticle(db, actor, articleId, { ...input, slug: '' }, { autosave: true });
}
