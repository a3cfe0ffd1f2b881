// What the back-office editor reads about an article besides its row: the keywords and related articles chosen, the team's discussion, and the
// articles one may pick as related.
import type { Db } from '../db/connect.ts';
import type { ForumMessage } from '../db/schema.ts';
import { can, type Actor } from '../users/index.ts';

/**
 * The most recent articles the related-articles picker's list offers before any search; the picker's search
 * (GET /ecrire/articles/choix, listBackOfficeArticles) reaches every other one.
 */
const ARTICLE_CHOICES = 50;

/** The keywords and related articles an article carries, related ones in their chosen order. */
export async function loadArticleLinks(db: Db, articleId: number): Promise<{ keywordIds: number[]; relatedIds: number[] }> {
  const [keywords, related] = await Promise.all([
    db.kysely.selectFrom('keyword_links').select('keyword_id').where('object_type', '=', 'article').where('object_id', '=', articleId).execute(),
    db.kysely.selectFrom('related_articles').select('related_id').where('article_id', '=', articleId).orderBy('position').execute(),
  ]);
  return { keywordIds: keywords.map((k) => k.keyword_id), relatedIds: related.map((r) => r.related_id) };
}

/** A choice of the related-articles picker; `title` is null for an article already chosen that the actor may not see. */
export interface ArticleChoice {
  id: number;
  title: string | null;
}

/**
 * Articles outside the trash that the actor may see (`article.view`), most recently changed first, for the
 * related-articles picker of the article `editing` (undefined: a new one), which is never offered: an article is
 * not related to itself. `chosen` (the related articles the article already has) stay in the list even when
 * the actor may not see them, by number only: their title is not shown, and saving the form keeps them.
 */
export async function listArticleChoices(db: Db, actor: Actor, editing: number | undefined, chosen: readonly number[] = []): Promise<ArticleChoice[]> {
  let query = db.kysely
    .selectFrom('articles')
    .select(['id', 'title', 'status', 'section_id'])
    .where('status', '!=', 'trash')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ARTICLE_CHOICES);
  if (editing !== undefined) query = query.where('id', '!=', editing);
  // Narrow in SQL to what article.view may allow, so that the limit counts visible articles; can() decides below.
  if (!(actor.role === 'administrator' && actor.sections === null)) {
    const sections = actor.role === 'administrator' && actor.sections ? [...actor.sections] : [];
    query = query.where((eb) =>
      eb.or([
        eb('status', 'in', ['proposed', 'published']),
        eb('id', 'in', eb.selectFrom('article_authors').select('article_id').where('user_id', '=', actor.id)),
        ...(sections.length ? [eb('section_id', 'in', sections)] : []),
      ]),
    );
  }
  const rows = await query.execute();
  const authors = rows.length
    ? await db.kysely.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  const visible: ArticleChoice[] = rows
    .filter((row) => can(actor, 'article.view', { sectionId: row.section_id, status: row.status, authorIds: authors.filter((a) => a.article_id === row.id).map((a) => a.user_id) }))
    .map((row) => ({ id: row.id, title: row.title }));
  const shown = new Set(visible.map((c) => c.id));
  const hidden = chosen.filter((id) => id !== editing && !shown.has(id));
  if (hidden.length === 0) return visible;
  // Already chosen but not offered above (not visible, or beyond the limit): offered again, titled only if visible.
  const extra = await db.kysely.selectFrom('articles').select(['id', 'title', 'status', 'section_id']).where('id', 'in', hidden).execute();
  const extraAuthors = await db.kysely.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', hidden).execute();
  for (const row of extra) {
    const target = { sectionId: row.section_id, status: row.status, authorIds: extraAuthors.filter((a) => a.article_id === row.id).map((a) => a.user_id) };
    visible.push({ id: row.id, title: can(actor, 'article.view', target) ? row.title : null });
  }
  return visible;
}

/** The team's discussion of an article (forum messages of kind `team`), oldest first. */
export async function listTeamMessages(db: Db, articleId: number): Promise<ForumMessage[]> {
  return db.kysely.selectFrom('forum_messages').selectAll().where('article_id', '=', articleId).where('kind', '=', 'team').orderBy('created_at').orderBy('id').execute();
}
