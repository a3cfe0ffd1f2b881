// Sends a rendered page: an ETag on every page, 304 to a matching If-None-Match, and the mark that lets the
// page cache (page-cache-http.ts) keep a page that may be shared.
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { etagOf } from './page-cache.ts';

/** Answers with a page (304 to a matching If-None-Match) and marks it for the page cache when it may be shared. */
export async function sendPage(
  c: Context<AppEnv>,
  body: string,
  options: { status?: number; cacheable?: boolean; expiresAt?: number; contentType?: string; dependsOn?: readonly string[] } = {},
): Promise<Response> {
  const status = options.status ?? 200;
  const contentType = options.contentType ?? 'text/html; charset=utf-8';
  const etag = etagOf(body);
  if (options.cacheable !== false && status === 200) c.set('pageToCache', { etag, expiresAt: options.expiresAt, dependsOn: options.dependsOn });
  const headers = { 'content-type': contentType, etag, 'cache-control': 'no-cache' };
  if (status === 200 && c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(c.req.method === 'HEAD' ? null : body, { status, headers });
}
