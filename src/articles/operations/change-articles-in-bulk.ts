// The article list's bulk actions (issue 18): a workflow transition or a move to a section applied to the checked
// articles, through the same checks as one article at a time (statusChangeRefusal, moveRefusal) and the same
// write (writeStatusChange), in ONE transaction. Every article is checked before any is written: if the user may
// not touch one of them, the whole action is refused (403) and nothing changes; one whose status forbids the
// action refuses it too (409). Decision 019 says why all or nothing.
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError, plain, type Message, type MessageRef } from '../../kernel/errors.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import type { Actor } from '../../users/index.ts';
import type { TransitionName } from '../workflow.ts';
import { statusChangeRefusal, writeStatusChange } from './change-article-status.ts';
import { moveRefusal } from './move-article.ts';
import { articleLanguage } from '../translations.ts';

/** At most this many articles per action: a page of the list, with room to spare. */
export const BULK_MAX = 500;

/** A transition (any but schedule, which needs a date per article) or a move to a section. */
export type BulkArticleAction = { transition: Exclude<TransitionName, 'schedule'> } | { moveTo: number };

export async function changeArticlesInBulk(db: Db, actor: Actor, articleIds: readonly number[], action: BulkArticleAction, options: { siteUrl: string; now?: Date }): Promise<{ changed: number }> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) throw new TisseError('BAD_INPUT', 'errors.list.noneChecked');
  if (ids.length > BULK_MAX) throw new TisseError('BAD_INPUT', { key: 'errors.list.tooManyChecked', params: { max: BULK_MAX } });
  const now = options.now ?? new Date();
  // Read before the transaction (memoised): inside it, SQLite's one connection belongs to the transaction.
  const settings = 'transition' in action && action.transition === 'propose' ? await loadSiteSettings(db) : undefined;
  const siteName = settings?.name ?? '';
  const siteLang = settings?.lang ?? 'fr';
  return db.write(async (trx) => {
    const articles = await trx.selectFrom('articles').selectAll().where('id', 'in', ids).orderBy('id').execute();
    if (articles.length !== ids.length) throw new TisseError('NOT_FOUND', 'errors.list.checkedNotFound');
    const authors = await trx.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', ids).execute();
    if ('moveTo' in action) {
      const section = await trx.selectFrom('sections').select('id').where('id', '=', action.moveTo).executeTakeFirst();
      if (!section) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound');
    }
    const refusals = articles.flatMap((article) => {
      const target = { sectionId: article.section_id, status: article.status, authorIds: authors.filter((a) => a.article_id === article.id).map((a) => a.user_id) };
      const refusal = 'moveTo' in action ? moveRefusal(actor, target, action.moveTo) : statusChangeRefusal(actor, target, action.transition);
      return refusal ? [{ refusal, article }] : [];
    });
    // One article the user may not touch refuses the whole action as forbidden, whatever the others' statuses say.
    const forbidden = refusals.find(({ refusal }) => refusal.status === 403);
    if (forbidden) throw new TisseError('FORBIDDEN', { key: 'errors.list.bulkForbidden', params: { title: forbidden.article.title } });
    if (refusals[0]) throw new TisseError('CONFLICT', { key: 'errors.list.bulkConflict', params: { title: refusals[0].article.title, reason: asMessage(refusals[0].refusal.text) } });
    for (const article of articles) {
      if ('moveTo' in action) {
        if (article.section_id !== action.moveTo) {
          // An article that inherits its language takes its new section's.
          const language = await articleLanguage(trx, article, action.moveTo, undefined);
          await trx.updateTable('articles').set({ section_id: action.moveTo, lang: language.lang, updated_at: nowIso() }).where('id', '=', article.id).execute();
        }
      } else {
        await writeStatusChange(trx, actor, article, action.transition, { publishAt: undefined, now, siteUrl: options.siteUrl, siteName, siteLang });
      }
    }
    return { changed: articles.length };
  });
}

/** A message reference as another message's placeholder value (a bare key would print as the key). */
function asMessage(text: MessageRef): Message {
  // Two returns, not a conditional: TypeScript would build the union of both sides' types (TS2590).
  if (typeof text === 'string') return plain(text);
  return text;
}
