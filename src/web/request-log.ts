// Every request, timed once it has been answered: counted in the metrics (by route pattern and status, with its
// latency) and written to the request log (pino: method, path, status, milliseconds). Attached in server.ts to
// the Node server itself, so that pages answered by the page cache's fast path, before Hono, are counted too at
// the cost of one listener. What is logged is what can be shown to anyone who reads logs: no header (so no
// cookie), and no secret of the address: a query parameter that may carry one is masked, and a route whose path
// holds a token (a password link) is logged by its pattern.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { httpDuration, httpRequests } from '../kernel/metrics.ts';

/** The route pattern Hono answered each response with (set by `labelRoute`); a response without one was answered before Hono. */
const routes = new WeakMap<ServerResponse, string>();

/** Names of query parameters whose value is never logged. */
const SECRET_PARAM = /token|jeton|pass|secret|key|cle|code|sig/i;

/** Route label of the responses the page cache's fast path writes. */
export const CACHED_ROUTE = 'page-cache';

/** Says that the page cache's fast path answered `res` (server.ts). */
export function markCached(res: ServerResponse): void {
  routes.set(res, CACHED_ROUTE);
}

/** Hono middleware, first of all: notes the pattern of the route that answered (after the handlers ran). */
export const labelRoute: MiddlewareHandler = async (c, next) => {
  await next();
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing) routes.set(outgoing, routeOf(c));
};

function routeOf(c: Context): string {
  if (c.res.status === 404 && c.req.routePath === '*') return 'not-found';
  return c.req.routePath;
}

/** The path and query to log: secret parameters masked. Exported for its test. */
export function loggedTarget(url: string, route: string): string {
  if (/:token\b/.test(route)) return route;
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && SECRET_PARAM.test(name) ? `${name}=***` : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

export interface RequestObserver {
  (req: IncomingMessage, res: ServerResponse): void;
}

/** Starts timing `req`; when its answer is finished, counts it and logs it (when `log` logs info). */
export function requestObserver(log: Logger | undefined): RequestObserver {
  const logs = log?.isLevelEnabled('info') ?? false;
  return (req, res) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = routes.get(res) ?? 'unmatched';
      const method = req.method ?? '';
      httpRequests.inc({ route, method, status: res.statusCode });
      httpDuration.observe({ route }, seconds);
      if (logs) log!.info({ method, path: loggedTarget(req.url ?? '', route), route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 }, 'request');
    });
  };
}
