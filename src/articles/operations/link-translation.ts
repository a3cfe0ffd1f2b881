// Joins an existing article to another's translation group, or takes it out of its group (issue 22; SPIP's
// "traduction de l'article n°"). Refused: the article itself, an unknown article, a cycle (the other article is a
// translation of this one), an article that is itself the original of translations (its group would then be two
// levels deep), and a language the group already has.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { articleTargetOf, can, type Actor } from '../../users/index.ts';
import { checkGroupLanguage, groupIdOf } from '../translations.ts';

/** Makes `articleId` a translation of `originalId`'s group; `null` takes it out of its group. */
export async function linkTranslation(db: Db, actor: Actor, articleId: number, originalId: number | null): Promise<Article> {
  const article = await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
  if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
  if (!can(actor, 'article.edit', await articleTargetOf(db, article))) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  return db.write(async (trx) => {
    if (originalId === null) {
      return trx.updateTable('articles').set({ translation_of: null }).where('id', '=', articleId).returningAll().executeTakeFirstOrThrow();
    }
    const refuse = (key: 'errors.translations.self' | 'errors.translations.cycle' | 'errors.translations.isOriginal') => new TisseError('BAD_INPUT', key, { fields: { translationOf: 'errors.field.invalidValue' } });
    if (originalId === articleId) throw refuse('errors.translations.self');
    const other = await trx.selectFrom('articles').select(['id', 'translation_of']).where('id', '=', originalId).executeTakeFirst();
    if (!other) throw new TisseError('BAD_INPUT', 'errors.articles.notFound', { fields: { translationOf: 'errors.field.unknown' } });
    const groupId = groupIdOf(other);
    if (groupId === articleId) throw refuse('errors.translations.cycle');
    const translations = await trx.selectFrom('articles').select('id').where('translation_of', '=', articleId).limit(1).execute();
    if (translations.length > 0) throw refuse('errors.translations.isOriginal');
    await checkGroupLanguage(trx, { id: articleId, translation_of: groupId }, article.lang);
    return trx.updateTable('articles').set({ translation_of: groupId }).where('id', '=', articleId).returningAll().executeTakeFirstOrThrow();
  });
}
