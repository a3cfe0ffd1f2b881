// Saves the article editor: every field, section, dates, forum mode, keywords, authors and related
// articles, in one transaction, with a new revision when a versioned field changed. Refuses a save made
// over someone else's newer one (the form carries the updated_at it was opened with).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso, toIso } from '../../db/time.ts';
import { TisseError, untranslated } from '../../kernel/errors.ts';
import { administers, can, type Actor } from '../../users/index.ts';
import { articleVersionedFields, recordRevision } from '../revisions.ts';
import { checkKeywordChoice } from '../../keywords/index.ts';

const optionalDate = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'date invalide' });
      return z.NEVER;
    }
    return toIso(date);
  });

export const articleFormSchema = z.object({
  title: z.string().trim().min(1, 'le titre est obligatoire').max(500, '500 caractères au plus'),
  surtitle: z.string().max(500).default(''),
  subtitle: z.string().max(500).default(''),
  description: z.string().max(5000).default(''),
  lead: z.string().max(100_000).default(''),
  text: z.string().max(2_000_000).default(''),
  postscript: z.string().max(100_000).default(''),
  sectionId: z.coerce.number().int().positive('choisissez une rubrique'),
  publishedAt: optionalDate.optional(),
  writtenAt: optionalDate.default(''),
  forumMode: z.enum(['', 'pri', 'pos', 'abo', 'non']).default(''),
  keywordIds: z.array(z.coerce.number().int().positive()).default([]),
  authorIds: z.array(z.coerce.number().int().positive()).default([]),
  relatedIds: z.array(z.coerce.number().int().positive()).default([]),
  /** The updated_at the form was opened with: a newer one in the database means someone saved meanwhile. */
  expectedUpdatedAt: z.string().optional(),
});

/** Form input before validation: strings from a browser or typed values from the CLI, all checked by the schema. */
export type ArticleForm = Partial<Record<keyof z.input<typeof articleFormSchema>, unknown>>;

/** Parses a form into the schema's shape, turning zod issues into one TisseError with per-field messages. */
export function parseArticleForm(input: ArticleForm): z.output<typeof articleFormSchema> {
  const parsed = articleFormSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), untranslated(i.message)]));
    const first = parsed.error.issues[0]!;
    throw new TisseError('BAD_INPUT', { key: 'errors.articles.formError', params: { field: String(first.path[0]), message: first.message } }, { fields });
  }
  return parsed.data;
}

export async function updateArticle(db: Db, actor: Actor, articleId: number, input: ArticleForm): Promise<{ article: Article; revision: number | null }> {
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
    const section = await trx.selectFrom('sections').select('id').where('id', '=', data.sectionId).executeTakeFirst();
    if (!section) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound', { fields: { sectionId: 'errors.field.unknownFem' } });
    // A restricted administrator cannot move an article out of its sections, nor would it keep it.
    if (data.sectionId !== article.section_id && !can(actor, 'article.edit', { ...target, sectionId: data.sectionId })) {
      throw new TisseError('FORBIDDEN', 'errors.articles.cannotMoveThere', { fields: { sectionId: 'errors.field.forbiddenFem' } });
    }

    let authorIds = [...new Set(data.authorIds)];
    // Someone who is not an administrator here stays an author: otherwise the save would lock them out.
    if (!administers(actor, data.sectionId) && !authorIds.includes(actor.id)) authorIds.unshift(actor.id);
    if (authorIds.length === 0) authorIds = target.authorIds;
    const knownUsers = await trx.selectFrom('users').select('id').where('id', 'in', authorIds).where('role', 'in', ['administrator', 'editor']).execute();
    if (knownUsers.length !== authorIds.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownAuthor', { fields: { authorIds: 'errors.field.unknown' } });

    const keywordIds = [...new Set(data.keywordIds)];
    await checkKeywordChoice(trx, keywordIds, 'article');
    const relatedIds = [...new Set(data.relatedIds)].filter((id) => id !== articleId);
    if (relatedIds.length) {
      const found = await trx.selectFrom('articles').select(['id', 'section_id', 'status']).where('id', 'in', relatedIds).execute();
      if (found.length !== relatedIds.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownRelated', { fields: { relatedIds: 'errors.field.unknown' } });
      // A newly chosen related article must be one the actor may see (the picker offers only those); ones
      // already related stay, whoever saves.
      const before = new Set((await trx.selectFrom('related_articles').select('related_id').where('article_id', '=', articleId).execute()).map((r) => r.related_id));
      const added = found.filter((row) => !before.has(row.id));
      const authors = added.length ? await trx.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', added.map((r) => r.id)).execute() : [];
      const unseen = added.filter((row) => !can(actor, 'article.view', { sectionId: row.section_id, status: row.status, authorIds: authors.filter((a) => a.article_id === row.id).map((a) => a.user_id) }));
      if (unseen.length) throw new TisseError('BAD_INPUT', 'errors.articles.unknownRelated', { fields: { relatedIds: 'errors.field.unknown' } });
    }

    // The publication date is the administrators' (it is how publication is scheduled).
    const mayDate = can(actor, 'article.schedule', target);
    const publishedAt = mayDate && data.publishedAt !== undefined ? data.publishedAt : article.published_at;
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
        published_at: article.status === 'published' && publishedAt === null ? article.published_at : publishedAt,
        written_at: data.writtenAt,
        forum_mode: data.forumMode === '' ? null : data.forumMode,
        updated_at: laterThan(article.updated_at),
      })
      .where('id', '=', articleId)
      .returningAll()
      .executeTakeFirstOrThrow();

    await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    for (const [position, userId] of authorIds.entries()) await trx.insertInto('article_authors').values({ article_id: articleId, user_id: userId, position }).execute();
    await trx.deleteFrom('keyword_links').where('object_type', '=', 'article').where('object_id', '=', articleId).execute();
    for (const keywordId of keywordIds) await trx.insertInto('keyword_links').values({ keyword_id: keywordId, object_type: 'article', object_id: articleId }).execute();
    await trx.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
    for (const [position, relatedId] of relatedIds.entries()) await trx.insertInto('related_articles').values({ article_id: articleId, related_id: relatedId, position }).execute();

    const changed = articleVersionedFields.some((name) => updated[name] !== article[name]);
    const revision = changed
      ? await recordRevision(trx, 'article', articleId, Object.fromEntries(articleVersionedFields.map((name) => [name, updated[name]])), { userId: actor.id })
      : null;
    return { article: updated, revision };
  });
}

/** Now, or one millisecond after `previous` when the clock has not moved: two saves never share an updated_at. */
function laterThan(previous: string): string {
  const now = nowIso();
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
