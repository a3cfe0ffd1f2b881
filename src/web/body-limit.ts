// Request bodies are bounded per route, before anything parses them: a declared Content-Length over the route's
// limit is answered 413 without keeping a byte (DRAIN_BYTES below); a chunked body is counted while it streams and
// refused as soon as it passes the limit. Nothing is parsed before that, so an anonymous
// 45 MB login costs nothing but the 413. What the client still sends after the answer is drained and
// dropped by @hono/node-server, never buffered.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { TisseError, type PlainKey } from '../kernel/errors.ts';

export interface BodyRule {
  method: 'POST' | '*';
  /** The path, or its start when it ends with `*`. */
  path: string;
  maxBytes: number;
  /** The 413 page's message, when the route has its own words for it. */
  message?: PlainKey;
}

const KB = 1024;
const MB = 1024 * KB;

/**
 * First matching rule wins. Anonymous forms are small; the article editor carries a 2,000,000-character text
 * (urlencoded, up to three bytes per character and three characters per byte); uploads are 20 MB and a form,
 * a logo or favicon 5 MB.
 */
export const bodyRules: BodyRule[] = [
  { method: 'POST', path: '/ecrire/login', maxBytes: 8 * KB },
  { method: 'POST', path: '/ecrire/logout', maxBytes: 8 * KB },
  { method: 'POST', path: '/ecrire/mot-de-passe-oublie', maxBytes: 8 * KB },
  { method: 'POST', path: '/ecrire/reinitialiser/*', maxBytes: 8 * KB },
  // SPIP caps a forum POST at about 20 KB; a 20,000-character message in UTF-8 and its fields fit in 128 KB.
  { method: 'POST', path: '/forum/poster', maxBytes: 128 * KB, message: 'errors.forum.tooLarge' },
  // A signature: a name, an address, a site, 2,000 characters of message.
  { method: 'POST', path: '/petition/signer', maxBytes: 32 * KB },
  { method: 'POST', path: '/ecrire/articles/apercu', maxBytes: 2 * MB },
  { method: 'POST', path: '/ecrire/articles/*', maxBytes: 24 * MB },
  // 20 MB files (documents/: DEFAULT_MAX_UPLOAD_BYTES) and their fields; a bigger file up to this size gets the form back with its 413.
  { method: 'POST', path: '/ecrire/documents/ajouter', maxBytes: 24 * MB },
  // A logo or favicon is 5 MB at most (appearance/brand-image.ts); a bigger one up to this size gets the page back with its 413.
  { method: 'POST', path: '/ecrire/reglages/apparence/logo', maxBytes: 6 * MB },
  { method: 'POST', path: '/ecrire/reglages/apparence/favicon', maxBytes: 6 * MB },
  // A subscribers' CSV: 10 MB (admin/newsletter-routes.ts IMPORT_MAX_BYTES) and the form around it.
  { method: 'POST', path: '/ecrire/lettre/import', maxBytes: 11 * MB },
  { method: 'POST', path: '/ecrire/*', maxBytes: 1 * MB },
  // Every other request (the public site has no other form): a little, for anything a client may attach.
  { method: '*', path: '/*', maxBytes: 16 * KB },
];

/** Up to this size, an oversized body is read and dropped before the 413 (see bodyLimits). */
export const DRAIN_BYTES = 4 * MB;

async function discard(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) if ((await reader.read()).done) return;
  } catch {
    // The client went away: nothing to answer.
  }
}

function matches(rule: BodyRule, method: string, path: string): boolean {
  if (rule.method !== '*' && rule.method !== method) return false;
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
}

export function ruleFor(method: string, path: string, rules: BodyRule[] = bodyRules): BodyRule {
  return rules.find((rule) => matches(rule, method, path)) ?? { method: '*', path, maxBytes: 0 };
}

/**
 * The body a handler did not read (an oversized one, or one refused before parsing: wrong content type, no
 * session) must not stay on the connection: a client still sending when the answer comes may lose it if the
 * connection closes under it, or reuse a socket still carrying it. Up to DRAIN_BYTES it is read and dropped
 * (streamed, never kept) before the answer leaves; anything bigger is not read at all, and the connection
 * closes after the answer.
 */
async function settle(response: Response, body: ReadableStream<Uint8Array> | null, length: number): Promise<void> {
  if (!body) return;
  if (length <= DRAIN_BYTES) return discard(body);
  try {
    response.headers.set('connection', 'close');
  } catch {
    // Immutable headers (a fetched response): node closes nothing, the client copes.
  }
}

/**
 * The middleware: `tooLarge` answers a declared Content-Length over the limit (a French 413 page). A body of
 * unknown length is counted as it is read, by whichever handler reads it: past the limit the read fails with
 * PAYLOAD_TOO_LARGE (413 through the error handlers), so a refused request, an anonymous one for instance,
 * is never parsed at all.
 */
export function bodyLimits(tooLarge: (c: Context<AppEnv>, rule: BodyRule) => Response | Promise<Response>, rules: BodyRule[] = bodyRules): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The Node adapter gives GET and HEAD no body; asking for it would build a whole Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const rule = ruleFor(c.req.method, c.req.path, rules);
    const maxBytes = rule.maxBytes;
    const declared = c.req.header('content-length');
    let length = maxBytes;
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      length = Number(declared);
      if (length === 0) return next();
      if (length > maxBytes) {
        const answer = await tooLarge(c, rule);
        await settle(answer, c.req.raw.body, length);
        return answer;
      }
      // Within its limit, a body of declared length is left to the handler: the Node adapter then reads it straight
      // from the socket (a form post: ~0.3 ms less than through a web stream and a whole Request).
    } else {
      const body = c.req.raw.body;
      if (!body) return next();
      let size = 0;
      const counted = body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            size += chunk.byteLength;
            if (size > maxBytes) controller.error(new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.input.bodyTooLarge', params: { size: Math.round(maxBytes / 1024) } }));
            else controller.enqueue(chunk);
          },
        }),
      );
      c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    }
    await next();
    if (!c.req.raw.bodyUsed) await settle(c.res, c.req.raw.body, length);
  };
}
