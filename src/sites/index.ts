// The links directory: referenced sites in sections, and the syndication of their feeds (fetched by a job, never
// from a private address). The only door into this module; its pages are in site/ and admin/.
export { SHOWN_ITEMS, listPublicSites, listSites, loadSite } from './sites.ts';
export type { PublicSite, Site, SyndicatedItem } from './sites.ts';
export { DEFAULT_FEED_LIMITS, FeedFetchError, fetchFeed, isAllowedAddress } from './feed-fetch.ts';
export type { FeedFetchLimits, FeedFetchProblem } from './feed-fetch.ts';
export { MAX_ITEMS, plainText, readFeedItems } from './feed-items.ts';
export type { FeedItem } from './feed-items.ts';
export { SYNDICATION_INTERVAL_MS, SYNDICATION_JOB, ensureSyndicationQueued, queueSyndication, syndicateSite } from './operations/syndicate-site.ts';
export type { SyndicationOptions } from './operations/syndicate-site.ts';
export { saveSite } from './operations/save-site.ts';
export type { SiteInput } from './operations/save-site.ts';
