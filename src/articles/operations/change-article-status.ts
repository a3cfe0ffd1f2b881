// Moves an article along the workflow (workflow.ts), after the permission check (permissions.ts), in one
// transaction. Publishing sets the publication date (kept when it was already set, unless a date is
// given); a future date schedules it, and a job marks the moment so that every process's cache refreshes.
// Proposing an article emails the administrators of its section (its moderators), in the same transaction.
import type { Db, Trx } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { calendarDate } from '../../kernel/input.ts';
import { TisseError, plain } from '../../kernel/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import { enqueueJob, enqueueMail } from '../../outbox/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { can, listSectionAdministrators, type Actor, type ArticleTarget } from '../../users/index.ts';
import { canLeave, transitions, type TransitionName } from '../workflow.ts';
import { proposalMail } from '../proposal-mail.ts';

export const SCHEDULED_PUBLICATION_JOB = 'publish-scheduled';

export interface StatusChange {
  /** For publish and schedule: the publication date (schedule requires a future one). */
  publishAt?: Date | string | undefined;
  now?: Date;
  /** The site's address, for the links of the mail a proposal sends. */
  siteUrl: string;
}

export async function changeArticleStatus(db: Db, actor: Actor, articleId: number, name: TransitionName, options: StatusChange): Promise<Article> {
  const now = options.now ?? new Date();
  let publishAt: string | undefined;
  if (options.publishAt !== undefined && options.publishAt !== '') {
    // A real calendar date with a four-digit year (kernel/input.ts), never a rolled-over one.
    const parsed = calendarDate.safeParse(options.publishAt);
    if (!parsed.success) throw new TisseError('BAD_INPUT', 'errors.articles.badPublishDate', { fields: { publishAt: 'errors.field.invalidFem' } });
    publishAt = parsed.data;
  }
  if (name === 'schedule' && (!publishAt || publishAt <= now.toISOString())) {
    throw new TisseError('BAD_INPUT', 'errors.articles.publishDateInPast', { fields: { publishAt: 'errors.field.inThePast' } });
  }
  // Read before the transaction (memoised): inside it, SQLite's one connection belongs to the transaction.
  const settings = name === 'propose' ? await loadSiteSettings(db) : undefined;
  const siteName = settings?.name ?? '';
  const siteLang = settings?.lang ?? 'fr';
  return db.write(async (trx) => {
    const article = await trx.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
    const authors = await trx.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).execute();
    const refusal = statusChangeRefusal(actor, { sectionId: article.section_id, status: article.status, authorIds: authors.map((a) => a.user_id) }, name);
    if (refusal) throw refusal;
    return writeStatusChange(trx, actor, article, name, { publishAt, now, siteUrl: options.siteUrl, siteName, siteLang });
  });
}

/**
 * Why `actor` may not take transition `name` on an article, or undefined when they may: FORBIDDEN, or CONFLICT for
 * whoever could take it but not from the article's status. The check part of a status change, shared with the
 * bulk actions (change-articles-in-bulk.ts), which check every article before writing any.
 */
export function statusChangeRefusal(actor: Actor, target: ArticleTarget, name: TransitionName): TisseError | undefined {
  const transition = transitions[name];
  const conflict = () => new TisseError('CONFLICT', { key: 'errors.articles.statusForbids', params: { status: plain(`admin.status.${target.status}`) } });
  if (!can(actor, transition.permission, target)) {
    // A status the transition cannot leave is a conflict for those who could otherwise take it.
    if (!canLeave(target.status, name) && can(actor, transition.permission, { ...target, status: transition.from[0]! })) return conflict();
    return new TisseError('FORBIDDEN');
  }
  if (!canLeave(target.status, name)) return conflict();
  return undefined;
}

/**
 * The write part of a status change, inside the caller's transaction, once statusChangeRefusal found nothing:
 * the new status and publication date, the scheduled-publication job, the proposal mail.
 */
export async function writeStatusChange(trx: Trx, actor: Actor, article: Article, name: TransitionName, change: { publishAt: string | undefined; now: Date; siteUrl: string; siteName: string; siteLang: Lang }): Promise<Article> {
  const transition = transitions[name];
  const { publishAt, now } = change;
  let published_at = article.published_at;
  if (transition.to === 'published') {
    // Without a date: keep a past publication date (republishing keeps the original date, as SPIP does), else now.
    const kept = article.published_at && article.published_at <= now.toISOString() ? article.published_at : null;
    published_at = publishAt ?? kept ?? now.toISOString();
  }
  const updated = await trx
    .updateTable('articles')
    .set({ status: transition.to, published_at, updated_at: nowIso() })
    .where('id', '=', article.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (transition.to === 'published' && published_at && published_at > now.toISOString()) {
    await enqueueJob(trx, SCHEDULED_PUBLICATION_JOB, { articleId: article.id, at: published_at }, published_at);
  }
  if (name === 'propose') await tellSectionAdministrators(trx, actor, updated, { siteUrl: change.siteUrl, siteName: change.siteName, siteLang: change.siteLang });
  return updated;
}

/** Queues the proposal mail for each administrator of the article's section, except whoever proposed it. */
async function tellSectionAdministrators(trx: Trx, actor: Actor, article: Article, site: { siteUrl: string; siteName: string; siteLang: Lang }): Promise<void> {
  const recipients = (await listSectionAdministrators(trx, article.section_id)).filter((admin) => admin.id !== actor.id);
  if (recipients.length === 0) return;
  const authors = await trx
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select('users.name')
    .where('article_authors.article_id', '=', article.id)
    .orderBy('article_authors.position')
    .execute();
  const proposer = await trx.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
  const section = await trx.selectFrom('sections').select('title').where('id', '=', article.section_id).executeTakeFirst();
  for (const recipient of recipients) {
    await enqueueMail(trx, proposalMail({ ...site, recipient, article, sectionTitle: section?.title ?? '', authors: authors.map((a) => a.name), proposer: proposer?.name ?? '' }));
  }
}
