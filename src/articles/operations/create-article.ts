// Creates an article with its authors, its first revision and its public path: from typed values (CLI, import,
// tests) or from the back office's form.
import { z } from 'zod';
import { articleTextFields } from '../article-fields.ts';
import type { Db, Trx } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { id, optionalDate, safeText } from '../../kernel/input.ts';
import { chosenLanguageTag } from '../../kernel/language-tag.ts';
import { articleLanguage } from '../translations.ts';
import { can, type Actor } from '../../users/index.ts';
import { authorsToKeep, checkArticleLinks, checkArticleSlug, parseArticleForm, type ArticleForm } from './update-article.ts';
import { articleVersionedFields, recordRevision } from '../revisions.ts';
import { slugify } from '../../kernel/slug.ts';
import { checkKeywordChoice } from '../../keywords/index.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';

export const newArticleSchema = z.object({
  sectionId: id,
  ...articleTextFields,
  status: z.enum(['draft', 'proposed', 'published', 'refused', 'trash']).default('draft'),
  publishedAt: optionalDate.default(null),
  writtenAt: optionalDate.default(null),
  forumMode: z.enum(['pri', 'pos', 'abo', 'non']).nullable().default(null),
  authorIds: z.array(id).default([]),
  keywordIds: z.array(id).default([]),
  relatedIds: z.array(id).default([]),
  slug: safeText(500).optional(),
  createdBy: id.nullable().default(null),
  /** The article's language (BCP 47); empty: its section's. */
  lang: chosenLanguageTag.default(''),
  /** The original this article translates (translate-article.ts checks the group first). */
  translationOf: id.nullable().default(null),
});

export type NewArticleInput = z.input<typeof newArticleSchema>;

export async function createArticle(db: Db, input: NewArticleInput): Promise<Article> {
  // A refused input is a form error (400 with the field), never a crash.
  const data = parseInput(newArticleSchema, input, { title: 'errors.label.title', sectionId: 'errors.label.section' });
  return db.write(async (trx) => {
    const section = await trx.selectFrom('sections').select('id').where('id', '=', data.sectionId).executeTakeFirst();
    if (!section) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound', { fields: { sectionId: 'errors.field.unknownFem' } });
    await checkKeywordChoice(trx, data.keywordIds, 'article');
    return insertArticle(trx, data);
  });
}

/**
 * Creates an article from the editor's form, as one operation: the whole form is validated first (nothing is
 * written for a refused one), then the article, its links and its first revision are written in one
 * transaction, which any refusal (unknown section, author, keyword) rolls back whole.
 */
export async function createArticleFromForm(db: Db, actor: Actor, input: ArticleForm): Promise<Article> {
  if (!can(actor, 'article.create')) throw new TisseError('FORBIDDEN');
  const form = parseArticleForm(input);
  const authorIds = authorsToKeep(actor, form, [actor.id]);
  const target = { sectionId: form.sectionId, status: 'draft' as const, authorIds };
  if (!can(actor, 'article.create', target) || !can(actor, 'article.edit', target)) {
    throw new TisseError('FORBIDDEN', 'errors.articles.cannotCreateThere', { fields: { sectionId: 'errors.field.forbiddenFem' } });
  }
  const data = parseInput(newArticleSchema, {
    ...form,
    status: 'draft',
    publishedAt: can(actor, 'article.schedule', target) ? (form.publishedAt ?? null) : null,
    forumMode: form.forumMode === '' ? null : form.forumMode,
    authorIds,
    keywordIds: [...new Set(form.keywordIds)],
    relatedIds: [...new Set(form.relatedIds)],
    slug: form.slug || undefined,
    createdBy: actor.id,
    lang: form.lang ?? '',
  });
  return db.write(async (trx) => {
    await checkArticleLinks(trx, actor, data);
    // A typed address is taken as typed or refused; without one, the title makes it (insertArticle).
    if (form.slug) await checkArticleSlug(trx, form.slug);
    return insertArticle(trx, data);
  });
}

/** Writes a validated new article (its links already checked) with its path and first revision. */
export async function insertArticle(trx: Trx, data: z.output<typeof newArticleSchema>, note = 'Version initiale'): Promise<Article> {
  const slug = await uniqueSlug(trx, 'article', slugify(data.slug || data.title));
  const now = nowIso();
  const language = await articleLanguage(trx, undefined, data.sectionId, data.lang);
  const publishedAt = data.publishedAt ?? (data.status === 'published' ? now : null);
  const article = await trx
    .insertInto('articles')
    .values({
      section_id: data.sectionId,
      slug,
      surtitle: data.surtitle,
      title: data.title,
      subtitle: data.subtitle,
      description: data.description,
      lead: data.lead,
      text: data.text,
      postscript: data.postscript,
      status: data.status,
      published_at: publishedAt,
      written_at: data.writtenAt,
      forum_mode: data.forumMode,
      lang: language.lang,
      lang_chosen: language.chosen ? 1 : 0,
      translation_of: data.translationOf,
      glossary_enabled: 1,
      link_title: '',
      link_url: '',
      redirect_url: '',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [position, userId] of data.authorIds.entries()) {
    await trx.insertInto('article_authors').values({ article_id: article.id, user_id: userId, position }).execute();
  }
  for (const keywordId of new Set(data.keywordIds)) {
    await trx.insertInto('keyword_links').values({ keyword_id: keywordId, object_type: 'article', object_id: article.id }).execute();
  }
  for (const [position, relatedId] of data.relatedIds.entries()) {
    await trx.insertInto('related_articles').values({ article_id: article.id, related_id: relatedId, position }).execute();
  }
  await setCurrentPath(trx, 'article', article.id, pathFor('article', slug));
  const fields = Object.fromEntries(articleVersionedFields.map((name) => [name, article[name]]));
  await recordRevision(trx, 'article', article.id, fields, { userId: data.createdBy, note });
  return article;
}
