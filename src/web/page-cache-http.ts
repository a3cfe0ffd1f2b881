// The page cache on the wire. A public GET is answered from the cache twice over: by
// `serveCachedPage`, a plain Node handler that runs before Hono and writes the stored bytes and headers
// (most cached requests end there), and by the `pageCache` middleware for whatever reaches Hono. Pages
// that sendPage marks as shareable are stored on the way out with their final headers, security headers
// included, so both paths answer exactly what the first render answered. Public pages are the same for every
// reader, logged in or not (what is a team member's own comes apart: admin/team-bar-routes.ts), so a session
// changes nothing here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import type { CachedPage, PageCache } from './page-cache.ts';

const readMethod = (method: string) => method === 'GET' || method === 'HEAD';

/** The request target as sent (path and query), the key of both paths. */
function targetOf(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/** Answers from the cache when it can; returns false to let the application handle the request. */
export function serveCachedPage(cache: PageCache, req: IncomingMessage, res: ServerResponse): boolean {
  if (!cache.enabled || !readMethod(req.method ?? '')) return false;
  const page = cache.get(req.url ?? '');
  if (!page) return false;
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, page.headers);
    res.end();
    return true;
  }
  res.writeHead(page.status, [...page.headers, ['content-length', String(page.body.length)]]);
  res.end(req.method === 'HEAD' ? undefined : page.body);
  return true;
}

export function pageCache(cache: PageCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const eligible = cache.enabled && readMethod(c.req.method);
    const key = targetOf(c.req.url);
    if (eligible) {
      const page = cache.get(key);
      if (page) return fromCache(page, c.req.method, c.req.header('if-none-match'));
    }
    const renderedAt = eligible ? cache.version() : 0;
    await next();
    const marked = c.get('pageToCache');
    if (!eligible || !marked || c.req.method !== 'GET' || c.res.status !== 200) return;
    const body = Buffer.from(await c.res.clone().arrayBuffer());
    const headers = [...c.res.headers.entries()].filter(([name]) => name !== 'content-length');
    cache.set(key, { status: 200, body, etag: marked.etag, headers, ...(marked.expiresAt ? { expiresAt: marked.expiresAt } : {}), ...(marked.dependsOn ? { dependsOn: marked.dependsOn } : {}) }, renderedAt);
  };
}

function fromCache(page: CachedPage, method: string, ifNoneMatch: string | undefined): Response {
  const headers = new Headers(page.headers);
  if (ifNoneMatch === page.etag) return new Response(null, { status: 304, headers });
  return new Response(method === 'HEAD' ? null : new Uint8Array(page.body), { status: page.status, headers });
}
