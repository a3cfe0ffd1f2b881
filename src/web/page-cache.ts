// In-memory cache of rendered public pages with their ETag. An optimisation, never a source of truth:
// any change to the data (in this process or another, see Db.version) drops the whole cache before the
// next lookup, so a validated comment or a published article shows at once.
import { createHash } from 'node:crypto';

export interface CachedPage {
  status: number;
  /** The encoded body, written as is by the fast path (server.ts). */
  body: Buffer;
  etag: string;
  /** Every header of the response as first sent (content type, ETag, security headers…). */
  headers: [string, string][];
  /** When set, the page must be re-rendered after this instant (e.g. a scheduled publication). */
  expiresAt?: number;
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

export function createPageCache(options: { enabled: boolean; version: () => number; maxEntries?: number }): PageCache {
  const entries = new Map<string, CachedPage>();
  const maxEntries = options.maxEntries ?? 2000;
  let seenVersion = options.version();

  const freshen = () => {
    const version = options.version();
    if (version !== seenVersion) {
      entries.clear();
      seenVersion = version;
    }
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
