// Restores an article's versioned fields from one of its revisions; the restoration is itself a new revision,
// so nothing is lost and it can be undone the same way.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { can, type Actor } from '../../users/index.ts';
import { articleVersionedFields, readArticleRevision, recordRevision } from '../revisions.ts';

export async function restoreRevision(db: Db, actor: Actor, articleId: number, revisionNumber: number): Promise<{ article: Article; revision: number }> {
  return db.write(async (trx) => {
    const article = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
    const authors = await trx.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).execute();
    if (!can(actor, 'article.restoreRevision', { sectionId: article.section_id, status: article.status, authorIds: authors.map((a) => a.user_id) })) {
      throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
    }
    const saved = await readArticleRevision(trx, articleId, revisionNumber);
    if (!saved) throw new TisseError('NOT_FOUND', { key: 'errors.articles.revisionNumberNotFound', params: { number: revisionNumber } });
    const fields = Object.fromEntries(
      articleVersionedFields.map((name) => [name, typeof saved[name] === 'string' ? (saved[name] as string) : article[name]]),
    ) as Record<(typeof articleVersionedFields)[number], string>;
    const updated = await trx
      .updateTable('articles')
      .set({ ...fields, updated_at: nowIso() > article.updated_at ? nowIso() : new Date(Date.parse(article.updated_at) + 1).toISOString() })
      .where('id', '=', articleId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const revision = await recordRevision(trx, 'article', articleId, fields, { userId: actor.id, note: `Restauration de la révision ${revisionNumber}` });
    return { article: updated, revision };
  });
}
