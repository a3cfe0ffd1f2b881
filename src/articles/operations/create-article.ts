// Creates an article with its authors, its first revision and its public path.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso, toIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { articleVersionedFields, recordRevision } from '../revisions.ts';
import { slugify } from '../../kernel/slug.ts';
import { checkKeywordChoice } from '../../keywords/index.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';

export const newArticleSchema = z.object({
  sectionId: z.number().int().positive(),
  title: z.string().trim().min(1, 'titre obligatoire').max(500),
  surtitle: z.string().default(''),
  subtitle: z.string().default(''),
  description: z.string().default(''),
  lead: z.string().default(''),
  text: z.string().default(''),
  postscript: z.string().default(''),
  status: z.enum(['draft', 'proposed', 'published', 'refused', 'trash']).default('draft'),
  publishedAt: z.union([z.string(), z.date()]).nullable().default(null),
  writtenAt: z.union([z.string(), z.date()]).nullable().default(null),
  forumMode: z.enum(['pri', 'pos', 'abo', 'non']).nullable().default(null),
  authorIds: z.array(z.number().int().positive()).default([]),
  keywordIds: z.array(z.number().int().positive()).default([]),
  relatedIds: z.array(z.number().int().positive()).default([]),
  slug: z.string().optional(),
  createdBy: z.number().int().positive().nullable().default(null),
});

export type NewArticleInput = z.input<typeof newArticleSchema>;

export async function createArticle(db: Db, input: NewArticleInput): Promise<Article> {
  // A refused input is a form error (400 with the field), never a crash.
  const data = parseInput(newArticleSchema, input, { title: 'errors.label.title', sectionId: 'errors.label.section' });
  return db.write(async (trx) => {
    const section = await trx.selectFrom('sections').select('id').where('id', '=', data.sectionId).executeTakeFirst();
    if (!section) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound', { fields: { sectionId: 'errors.field.unknownFem' } });
    const slug = await uniqueSlug(trx, 'article', slugify(data.slug ?? data.title));
    const now = nowIso();
    const publishedAt = data.publishedAt ? toIso(data.publishedAt) : data.status === 'published' ? now : null;
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
        written_at: data.writtenAt ? toIso(data.writtenAt) : null,
        forum_mode: data.forumMode,
        lang: 'fr',
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
    await checkKeywordChoice(trx, data.keywordIds, 'article');
    for (const keywordId of new Set(data.keywordIds)) {
      await trx.insertInto('keyword_links').values({ keyword_id: keywordId, object_type: 'article', object_id: article.id }).execute();
    }
    for (const [position, relatedId] of data.relatedIds.entries()) {
      await trx.insertInto('related_articles').values({ article_id: article.id, related_id: relatedId, position }).execute();
    }
    await setCurrentPath(trx, 'article', article.id, pathFor('article', slug));
    const fields = Object.fromEntries(articleVersionedFields.map((name) => [name, article[name]]));
    await recordRevision(trx, 'article', article.id, fields, { userId: data.createdBy, note: 'Version initiale' });
    return article;
  });
}
