// A list's digest: the articles published in its scope (the whole site, or its section and those below) since
// its last digest, newest first; a list's first digest carries its latest `digest_size` articles, so a new site
// can send one at once. Made as an issue of kind 'digest' (a draft: the back office shows it, the CLI's --send
// schedules it now); the list's last_digest_at moves when the send starts (start-sending.ts).
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import { listPublicArticles } from '../../articles/index.ts';
import { loadSectionTree } from '../../sections/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';

/** A digest never carries more than this many articles. */
const DIGEST_MAX = 50;

/** The new digest's issue id, or undefined when nothing was published since the last one. */
export async function buildDigest(db: Db, listId: number, authorId: number | null = null, now = new Date()): Promise<number | undefined> {
  const list = await db.kysely.selectFrom('newsletter_lists').selectAll().where('id', '=', listId).executeTakeFirst();
  if (!list) throw new TisseError('NOT_FOUND', 'errors.newsletter.listUnknown');
  const until = now.toISOString();
  const sectionIds = list.section_id === null ? undefined : (await loadSectionTree(db)).subtree(list.section_id);
  const since = list.last_digest_at;
  const articles = await listPublicArticles(db, {
    ...(sectionIds ? { sectionIds } : {}),
    ...(since ? { publishedIn: { start: new Date(Date.parse(since) + 1).toISOString(), end: new Date(now.getTime() + 1).toISOString() } } : {}),
    now: until,
    limit: since ? DIGEST_MAX : list.digest_size,
  });
  if (articles.length === 0) return undefined;
  const { lang } = await loadSiteSettings(db);
  const stamp = nowIso();
  return db.write(async (trx) => {
    const row = await trx
      .insertInto('newsletter_issues')
      .values({
        list_id: list.id,
        kind: 'digest',
        subject: t('newsletter.letter.digestSubject', { list: list.name }, lang),
        body: t('newsletter.letter.digestIntro', {}, lang),
        article_ids: JSON.stringify(articles.map((a) => a.id)),
        status: 'draft',
        scheduled_at: null,
        started_at: null,
        finished_at: null,
        html: '',
        text: '',
        recipients: 0,
        covers_until: until,
        created_by: authorId,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}
