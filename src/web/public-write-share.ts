// What the public sends (a comment, a signature, a sign-up) may take at most a share of each process's time;
// readers get the rest. A process serves its connections in turn, one request each, so while sixteen people posted
// as fast as the server answered, each reader's page waited behind sixteen posts: the cached article page fell from
// ~10,000 to ~500 requests/s (docs/benchmarks.md, forum). Here each form's handling is timed, and its time charged
// to a bucket that empties at SHARE of the clock: while the bucket holds more than BURST, a new form waits (costing
// nothing) until it has drained enough, and the readers' requests are served meanwhile. Forms are handled one at a
// time (on SQLite a form's statements run without leaving the event loop anyway), so each one's time is known before
// the next starts. Past `maxWaiting` forms in line, a new one is refused at once (503, Retry-After) rather than kept
// in memory (decision 034).
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

export interface WriteShare {
  /** The share of the clock forms may take (their handlers' time; the HTTP work around them adds about as much). */
  share: number;
  /** Milliseconds of form handling allowed in a row before forms wait: a single post never does. */
  burstMs: number;
  /** Forms waiting in one process before new ones are refused. */
  maxWaiting: number;
}

export const PUBLIC_WRITE_SHARE: WriteShare = { share: 0.1, burstMs: 5, maxWaiting: 256 };

export function publicWriteShare(
  isPublicWrite: (c: Context<AppEnv>) => boolean,
  busy: (c: Context<AppEnv>) => Response | Promise<Response>,
  limits: WriteShare = PUBLIC_WRITE_SHARE,
): MiddlewareHandler<AppEnv> {
  let charged = 0;
  let chargedAt = performance.now();
  /** One form at a time, so that each one's time is charged before the next may start. */
  let writing = false;
  const waiting: (() => void)[] = [];
  /** What the bucket holds now, once drained at `share` of the time since the last look. */
  const level = () => {
    const now = performance.now();
    charged = Math.max(0, charged - (now - chargedAt) * limits.share);
    chargedAt = now;
    return charged;
  };
  /** The next form in line starts once the bucket is low enough, and never before the event loop turned. */
  const handOver = () => {
    const next = waiting.shift();
    if (!next) {
      writing = false;
      return;
    }
    const wait = (level() - limits.burstMs) / limits.share;
    if (wait > 0) setTimeout(next, wait);
    else setImmediate(next);
  };
  return async (c, next) => {
    if (!isPublicWrite(c)) return next();
    // Read before waiting (web/body-limit.ts has bounded it; the handler finds it in Hono's cache): a sender slow
    // to send holds only its own request, never the turn.
    await c.req.arrayBuffer();
    if (writing || level() > limits.burstMs) {
      if (waiting.length >= limits.maxWaiting) {
        const answer = await busy(c);
        answer.headers.set('retry-after', '2');
        return answer;
      }
      const turn = new Promise<void>((resolve) => waiting.push(resolve));
      if (!writing) {
        writing = true;
        handOver();
      }
      await turn;
    } else {
      writing = true;
    }
    const started = performance.now();
    try {
      await next();
    } finally {
      level();
      charged += performance.now() - started;
      handOver();
    }
  };
}
