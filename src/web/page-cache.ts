// In-memory cache of rendered public pages with their ETag. An optimisation, never a source of truth: before
// the next lookup after any change to the data (in this process or another, see Db.version), the pages that
// depend on what changed are dropped (Db.changes: the scopes of migration 033), so a validated comment or a
// published article shows at once, while a comment held for moderation or a draft's edit drops nothing.
import { createHash } from 'node:crypto';
import type { ChangeFeed, ChangedScopes } from '../db/change-feed.ts';

export interface CachedPage {
  status: number;
  /** The encoded body, written as is by the fast path (server.ts). */
  body: Buffer;
  etag: string;
  /** Every header of the response as first sent (content type, ETag, security headers…). */
  headers: [string, string][];
  /** When set, the page must be re-rendered after this instant (e.g. a scheduled publication). */
  expiresAt?: number;
  /**
   * The scopes the page shows ('article:12', 'forum:12', 'section-list:3'…): it is dropped when one changes, or
   * anything every page shows ('*'). Without them, a page lists articles or messages: it is dropped when a
   * published article or message changes ('list', 'forum:…').
   */
  dependsOn?: readonly string[];
}

export interface PageCache {
  readonly enabled: boolean;
  get(key: string): CachedPage | undefined;
  /** The data version now: read it before rendering a page and hand it to `set`. */
  version(): number;
  /**
   * Stores a page. With `renderedAt` (the version read before rendering it), a page is kept only if the data
   * did not change meanwhile: a page rendered from data another node changed during the render would
   * otherwise be stored under the new version and served stale until the next change.
   */
  set(key: string, page: CachedPage, renderedAt?: number): void;
  clear(): void;
  size(): number;
}

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** Whether a page showing `page.dependsOn` may have changed with `scopes`. */
export function isAffected(page: CachedPage, scopes: ReadonlySet<string>): boolean {
  if (scopes.has('*')) return true;
  if (page.dependsOn) return page.dependsOn.some((scope) => scopes.has(scope));
  for (const scope of scopes) if (scope === 'list' || scope.startsWith('forum:')) return true;
  return false;
}

export interface PageCacheOptions {
  enabled: boolean;
  version: () => number;
  /** What changed behind a new version; without it, any change drops every page. */
  changes?: ChangeFeed;
  maxEntries?: number;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const entries = new Map<string, CachedPage>();
  const maxEntries = options.maxEntries ?? 2000;
  let seenVersion = options.version();
  let position = options.changes?.position() ?? 0;

  const drop = (scopes: ChangedScopes) => {
    if (scopes === '*') return entries.clear();
    if (scopes.size === 0) return;
    for (const [key, page] of entries) if (isAffected(page, scopes)) entries.delete(key);
  };

  const freshen = () => {
    const version = options.version();
    if (version === seenVersion) return;
    seenVersion = version;
    if (!options.changes) return entries.clear();
    const changed = options.changes.since(position);
    position = changed.position;
    drop(changed.scopes);
  };

  return {
    enabled: options.enabled,
    get(key) {
      if (!options.enabled) return undefined;
      freshen();
      const page = entries.get(key);
      if (page?.expiresAt !== undefined && page.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return page;
    },
    version: () => options.version(),
    set(key, page, renderedAt) {
      if (!options.enabled) return;
      freshen();
      if (renderedAt !== undefined && renderedAt !== seenVersion) return;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, page);
    },
    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
