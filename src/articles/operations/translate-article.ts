// "Traduire" in the editor (issue 22): a copy of an article in another language, joined to its translation group
// (SPIP's id_trad), as a draft of the person who asked, in the same section, with the same keywords; its text is
// the original's, to be translated. Refused: a language that is not BCP 47, the article's own language, or one the
// group already has (a group holds one article per language).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { languageTag, sameLanguage } from '../../kernel/language-tag.ts';
import { parseInput } from '../../kernel/validation.ts';
import { articleTargetOf, can, type Actor } from '../../users/index.ts';
import { checkGroupLanguage, groupIdOf } from '../translations.ts';
import { insertArticle, newArticleSchema } from './create-article.ts';

const translationSchema = z.object({ lang: languageTag });

export async function translateArticle(db: Db, actor: Actor, articleId: number, input: { lang: unknown }): Promise<Article> {
  const { lang } = parseInput(translationSchema, input, { lang: 'errors.label.lang' });
  const source = await db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
  if (!source) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
  const target = await articleTargetOf(db, source);
  const draft = { sectionId: source.section_id, status: 'draft' as const, authorIds: [actor.id] };
  if (!can(actor, 'article.edit', target) || !can(actor, 'article.create', draft)) throw new TisseError('FORBIDDEN', 'errors.articles.cannotCreateThere');
  if (sameLanguage(source.lang, lang)) {
    throw new TisseError('BAD_INPUT', { key: 'errors.translations.sameLanguage', params: { lang } }, { fields: { lang: 'errors.field.languageTaken' } });
  }
  return db.write(async (trx) => {
    await checkGroupLanguage(trx, source, lang);
    const keywords = await trx.selectFrom('keyword_links').select('keyword_id').where('object_type', '=', 'article').where('object_id', '=', source.id).execute();
    const data = newArticleSchema.parse({
      sectionId: source.section_id,
      title: source.title,
      surtitle: source.surtitle,
      subtitle: source.subtitle,
      description: source.description,
      lead: source.lead,
      text: source.text,
      postscript: source.postscript,
      status: 'draft',
      forumMode: source.forum_mode,
      authorIds: [actor.id],
      keywordIds: keywords.map((k) => k.keyword_id),
      createdBy: actor.id,
      lang,
      translationOf: groupIdOf(source),
    });
    return insertArticle(trx, data, `Traduction de l’article ${source.id}`);
  });
}
