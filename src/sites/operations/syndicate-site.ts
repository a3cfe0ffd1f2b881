// The syndication job: fetch a site's feed (feed-fetch.ts: no private address, a deadline, a size limit), keep its
// newest items (feed-items.ts: plain text), note the outcome on the site for the team, and queue the next fetch.
// Only a published site whose syndication is on is fetched; a site switched off simply ends its chain. A failed
// fetch is not retried at once (a dead or hostile feed is not hammered): its error is noted, the next run is at
// the usual interval. One job per site at a time: the next is queued only when none waits.
import type { Db, Trx } from '../../db/connect.ts';
import { newestFirst } from '../sites.ts';
import { enqueueJob } from '../../outbox/index.ts';
import { DEFAULT_FEED_LIMITS, FeedFetchError, fetchFeed, type FeedFetchLimits } from '../feed-fetch.ts';
import { MAX_ITEMS, readFeedItems, type FeedItem } from '../feed-items.ts';

export const SYNDICATION_JOB = 'syndicate-site';

/** SPIP fetched every two hours. */
export const SYNDICATION_INTERVAL_MS = 2 * 3_600_000;

export interface SyndicationOptions {
  allowLoopback: boolean;
  limits?: Partial<FeedFetchLimits>;
}

function payloadOf(siteId: number): string {
  return JSON.stringify({ siteId });
}

/** Queues a fetch of `siteId` at `runAt` unless one already waits. */
export async function queueSyndication(trx: Trx, siteId: number, runAt: Date = new Date(), runningJobId = 0): Promise<void> {
  const waiting = await trx
    .selectFrom('jobs')
    .select('id')
    .where('type', '=', SYNDICATION_JOB)
    .where('payload', '=', payloadOf(siteId))
    .where('status', 'in', ['queued', 'running'])
    .where('id', '!=', runningJobId)
    .executeTakeFirst();
  if (!waiting) await enqueueJob(trx, SYNDICATION_JOB, { siteId }, runAt, { maxAttempts: 3 });
}

/** At boot: every syndicated site has its fetch queued (an imported site, a chain lost to a failed job). */
export async function ensureSyndicationQueued(db: Db): Promise<void> {
  const sites = await db.kysely.selectFrom('sites').select('id').where('syndication', '=', 1).where('status', '=', 'published').execute();
  if (sites.length === 0) return;
  await db.kysely.transaction().execute(async (trx) => {
    for (const site of sites) await queueSyndication(trx, site.id);
  });
}

/** The job's handler (`jobId`: the job running it, which is not counted as the next one waiting). */
export async function syndicateSite(db: Db, payload: unknown, options: SyndicationOptions, jobId = 0, now = new Date()): Promise<{ items: number; error: string }> {
  const siteId = Number((payload as { siteId?: unknown })?.siteId);
  if (!Number.isSafeInteger(siteId)) return { items: 0, error: 'job sans site' };
  const site = await db.kysely.selectFrom('sites').select(['id', 'feed_url', 'syndication', 'status']).where('id', '=', siteId).executeTakeFirst();
  if (!site || site.syndication !== 1 || site.status !== 'published' || !site.feed_url) return { items: 0, error: '' };
  let items: FeedItem[] = [];
  let error = '';
  try {
    const fetched = await fetchFeed(site.feed_url, { ...DEFAULT_FEED_LIMITS, ...options.limits, allowLoopback: options.allowLoopback });
    items = readFeedItems(fetched.body);
  } catch (caught) {
    if (!(caught instanceof FeedFetchError)) throw caught;
    error = caught.message;
  }
  const at = now.toISOString();
  // The writes change what the section page shows (migration 066's rules): through db.write, every cache hears.
  await db.write(async (trx) => {
    for (const item of items) {
      await trx
        .insertInto('syndicated_items')
        .values({ site_id: site.id, guid: item.guid, url: item.url, title: item.title, summary: item.summary, published_at: item.publishedAt, fetched_at: at })
        .onConflict((oc) => oc.columns(['site_id', 'guid']).doUpdateSet({ url: item.url, title: item.title, summary: item.summary, published_at: item.publishedAt }))
        .execute();
    }
    if (items.length) {
      // Only the newest MAX_ITEMS stay: a site's list does not grow forever.
      const keep = await trx.selectFrom('syndicated_items').select('id').where('site_id', '=', site.id).orderBy(newestFirst, 'desc').orderBy('id', 'desc').limit(MAX_ITEMS).execute();
      await trx.deleteFrom('syndicated_items').where('site_id', '=', site.id).where('id', 'not in', keep.map((k) => k.id)).execute();
    }
    await trx.updateTable('sites').set({ syndicated_at: at, syndication_error: error }).where('id', '=', site.id).execute();
    await queueSyndication(trx, site.id, new Date(now.getTime() + SYNDICATION_INTERVAL_MS), jobId);
  });
  return { items: items.length, error };
}
