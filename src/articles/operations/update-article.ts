// Saves the article editor: every field, section, address, dates, forum mode, keywords, authors and related
// articles, in one transaction, with a new revision when a versioned field changed. Refuses a save made
// over someone else's newer one (the form carries the updated_at it was opened with). The editor's autosave
// (autosave-article.ts) is this same save, with its own rules for what it may change.
import { z } from 'zod';
import { articleTextFields } from '../article-fields.ts';
import type { Db, Trx } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError, plain } from '../../kernel/errors.ts';
import { id, idList, optionalDate, safeText } from '../../kernel/input.ts';
import { chosenLanguageTag } from '../../kernel/language-tag.ts';
import { articleLanguage, checkGroupLanguage } from '../translations.ts';
import { parseInput } from '../../kernel/validation.ts';
import { administers, can, type Actor } from '../../users/index.ts';
import { articleVersionedFields, recordArticleSave } from '../revisions.ts';
import { checkKeywordChoice } from '../../keywords/index.ts';
import { articleSlugProblem, pathFor, setCurrentPath } from '../../urls/index.ts';
import { moveRefusal } from './move-article.ts';

export const articleFormSchema = z.object({
  ...articleTextFields,
  sectionId: id,
  publishedAt: optionalDate.optional(),
  writtenAt: optionalDate.default(null),
  forumMode: z.enum(['', 'pri', 'pos', 'abo', 'non'], { message: 'errors.field.invalidValue' }).default(''),
  keywordIds: idList.default([]),
  authorIds: idList.default([]),
  relatedIds: idList.default([]),
  /** The address typed in the editor ("Adresse (URL)"): empty keeps the article's, or makes a new one's from its title. */
  slug: safeText(200).trim().default(''),
  /** The article's language (BCP 47); empty: its section's. Absent (the autosave): unchanged. */
  lang: chosenLanguageTag.optional(),
  /** The updated_at the form was opened with: a newer one in the database means someone saved meanwhile. */
  expectedUpdatedAt: safeText(40).optional(),
});

export type ArticleFormData = z.output<typeof articleFormSchema>;

/** Form input before validation: strings from a browser or typed values from the CLI, all checked by the schema. */
export type ArticleForm = Partial<Record<keyof z.input<typeof articleFormSchema>, unknown>>;

export const articleFormLabels = {
  title: 'errors.label.title',
  sectionId: 'errors.label.section',
  text: 'errors.label.text',
  description: 'errors.label.description',
  publishedAt: 'errors.label.publishedAt',
  writtenAt: 'errors.label.writtenAt',
  forumMode: 'errors.label.forumMode',
  keywordIds: 'errors.label.keywords',
  authorIds: 'errors.label.authors',
  relatedIds: 'errors.label.related',
  slug: 'errors.label.slug',
  lang: 'errors.label.lang',
} as const;

/** Parses a form into the schema's shape: one TisseError with per-field messages, before any query. */
export function parseArticleForm(input: ArticleForm): ArticleFormData {
  return parseInput(articleFormSchema, input, articleFormLabels);
}

/**
 * Checks the ids an article is linked to before anything is written. A newly chosen related article must be one
 * the actor may see (the picker offers only those); ones already related (`articleId`'s) stay, whoever saves.
 * An article is never related to itself.
 */
export async function checkArticleLinks(
  trx: Trx,
  actor: Actor,
  links: { sectionId: number; authorIds: number[]; keywordIds: number[]; relatedIds: number[] },
  articleId?: number,
): Promise<void> {
  const section = await trx.selectFrom('sections').select('id').where('id', '=', links.sectionId).executeTakeFirst();
  if (!section) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound', { fields: { sectionId: 'errors.field.unknownFem' } });
  if (links.authorIds.length) {
    const knownUsers = await trx.selectFrom('users').select('id').where('id', 'in', links.authorIds).where('role', 'in', ['administrator', 'editor']).execute();
    if (knownUsers.length !== links.authorIds.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownAuthor', { fields: { authorIds: 'errors.field.unknown' } });
  }
  await checkKeywordChoice(trx, links.keywordIds, 'article');
  // Checked here, where every save passes, rather than dropped quietly: the form offers no such choice
  // (listArticleChoices leaves the article out), so one that names it was not made in the editor.
  if (articleId !== undefined && links.relatedIds.includes(articleId)) {
    throw new TisseError('BAD_INPUT', 'errors.articles.relatedToItself', { fields: { relatedIds: 'errors.field.invalidValue' } });
  }
  if (links.relatedIds.length) {
    const found = await trx.selectFrom('articles').select(['id', 'section_id', 'status']).where('id', 'in', links.relatedIds).execute();
    if (found.length !== links.relatedIds.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownRelated', { fields: { relatedIds: 'errors.field.unknown' } });
    const before = articleId === undefined ? new Set<number>() : new Set((await trx.selectFrom('related_articles').select('related_id').where('article_id', '=', articleId).execute()).map((r) => r.related_id));
    const added = found.filter((row) => !before.has(row.id));
    const authors = added.length ? await trx.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', added.map((r) => r.id)).execute() : [];
    const unseen = added.filter((row) => !can(actor, 'article.view', { sectionId: row.section_id, status: row.status, authorIds: authors.filter((a) => a.article_id === row.id).map((a) => a.user_id) }));
    if (unseen.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownRelated', { fields: { relatedIds: 'errors.field.unknown' } });
  }
}

/**
 * Refuses, with a message for the "Adresse (URL)" field, a typed slug that is malformed, reserved by the site or
 * held by another object (urls/article-slug.ts). Inside the saving transaction: a refusal writes nothing.
 */
export async function checkArticleSlug(trx: Trx, slug: string, articleId?: number): Promise<void> {
  const problem = await articleSlugProblem(trx, slug, articleId);
  if (problem) throw new TisseError('BAD_INPUT', { key: 'errors.invalidField', params: { label: plain('errors.label.slug'), message: plain(problem) } }, { fields: { slug: problem } });
}

/** Replaces an article's authors, keywords and related articles (ids already checked). */
export async function writeArticleLinks(trx: Trx, articleId: number, links: { authorIds: number[]; keywordIds: number[]; relatedIds: number[] }): Promise<void> {
  await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  for (const [position, userId] of links.authorIds.entries()) await trx.insertInto('article_authors').values({ article_id: articleId, user_id: userId, position }).execute();
  await trx.deleteFrom('keyword_links').where('object_type', '=', 'article').where('object_id', '=', articleId).execute();
  for (const keywordId of links.keywordIds) await trx.insertInto('keyword_links').values({ keyword_id: keywordId, object_type: 'article', object_id: articleId }).execute();
  await trx.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
  for (const [position, relatedId] of links.relatedIds.entries()) await trx.insertInto('related_articles').values({ article_id: articleId, related_id: relatedId, position }).execute();
}

/**
 * The authors a save keeps: the form's, with whoever saves when they do not administer the section (otherwise
 * the save would lock them out); none chosen keeps `current` (which may be none: an imported article).
 */
export function authorsToKeep(actor: Actor, data: Pick<ArticleFormData, 'authorIds' | 'sectionId'>, current: number[]): number[] {
  const authorIds = [...new Set(data.authorIds)];
  if (!administers(actor, data.sectionId) && !authorIds.includes(actor.id)) authorIds.unshift(actor.id);
  return authorIds.length ? authorIds : current;
}

export interface SavedArticle {
  article: Article;
  /** The revision this save made or updated, or null when no versioned field changed. */
  revision: number | null;
}

export async function updateArticle(db: Db, actor: Actor, articleId: number, input: ArticleForm): Promise<SavedArticle> {
  return saveArticle(db, actor, articleId, input, { autosave: false });
}

/**
 * The save itself, shared with autosaveArticle: an autosave is refused on a published article (it would put
 * unfinished text online) and records its revision by recordArticleSave's autosave rule.
 */
export async function saveArticle(db: Db, actor: Actor, articleId: number, input: ArticleForm, options: { autosave: boolean }): Promise<SavedArticle> {
  const data = parseArticleForm(input);
  return db.write(async (trx) => {
    const article = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
    const authors = await trx.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).orderBy('position').execute();
    const target = { sectionId: article.section_id, status: article.status, authorIds: authors.map((a) => a.user_id) };
    if (!can(actor, 'article.edit', target)) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
    if (data.expectedUpdatedAt && data.expectedUpdatedAt !== article.updated_at) {
      throw new TisseError('CONFLICT', 'errors.articles.editConflict');
    }
    if (options.autosave && article.status === 'published') throw new TisseError('CONFLICT', 'errors.articles.autosavePublished');
    // Changing the section is a move, under the move's rule (move-article.ts).
    const moveRefused = moveRefusal(actor, target, data.sectionId);
    if (moveRefused) throw moveRefused;
    const slug = data.slug && data.slug !== article.slug ? data.slug : article.slug;
    if (slug !== article.slug) await checkArticleSlug(trx, slug, articleId);

    const authorIds = authorsToKeep(actor, data, target.authorIds);
    const keywordIds = [...new Set(data.keywordIds)];
    const relatedIds = [...new Set(data.relatedIds)];
    await checkArticleLinks(trx, actor, { sectionId: data.sectionId, authorIds, keywordIds, relatedIds }, articleId);

    // The publication date is the administrators' (it is how publication is scheduled).
    const mayDate = can(actor, 'article.schedule', target);
    const publishedAt = mayDate && data.publishedAt !== undefined ? data.publishedAt : article.published_at;
    const language = await articleLanguage(trx, article, data.sectionId, data.lang);
    if (language.lang !== article.lang) await checkGroupLanguage(trx, article, language.lang);
    const updated = await trx
      .updateTable('articles')
      .set({
        title: data.title,
        surtitle: data.surtitle,
        subtitle: data.subtitle,
        description: data.description,
        lead: data.lead,
        text: data.text,
        postscript: data.postscript,
        section_id: data.sectionId,
        slug,
        published_at: article.status === 'published' && publishedAt === null ? article.published_at : publishedAt,
        written_at: data.writtenAt,
        forum_mode: data.forumMode === '' ? null : data.forumMode,
        lang: language.lang,
        lang_chosen: language.chosen ? 1 : 0,
        updated_at: laterThan(article.updated_at),
      })
      .where('id', '=', articleId)
      .returningAll()
      .executeTakeFirstOrThrow();

    await writeArticleLinks(trx, articleId, { authorIds, keywordIds, relatedIds });
    // The old path stays in urls and answers 301 to the new one.
    if (slug !== article.slug) await setCurrentPath(trx, 'article', articleId, pathFor('article', slug));

    const changed = articleVersionedFields.some((name) => updated[name] !== article[name]);
    const fields = Object.fromEntries(articleVersionedFields.map((name) => [name, updated[name]])) as Record<(typeof articleVersionedFields)[number], string>;
    const revision = await recordArticleSave(trx, articleId, fields, { userId: actor.id, changed, autosave: options.autosave });
    return { article: updated, revision };
  });
}

/** Now, or one millisecond after `previous` when the clock has not moved: two saves never share an updated_at. */
function laterThan(previous: string): string {
  const now = nowIso();
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
