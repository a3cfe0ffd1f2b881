// Cross-process change detection on PostgreSQL: every write transaction sends NOTIFY on one channel,
// and every app server keeps one connection LISTENing, so page caches everywhere drop stale pages.
//
// The connection can drop (PostgreSQL restarted, the backend terminated, the network cut). Notifications sent
// meanwhile are lost, so from the moment the connection is lost until it is back, `received()` changes at every
// call (every cache lookup sees a new version: nothing is served from a cache), and the reconnection itself
// counts as a change (every page cached before the loss is dropped). Reconnection attempts back off
// exponentially; there is one connection at a time, whatever the number of error events a dead one emits.
import pg from 'pg';

export const CHANGE_CHANNEL = 'tisse_changes';

/** The application_name of the listening connection, as pg_stat_activity shows it. */
export const LISTENER_APPLICATION_NAME = 'tisse-changes';

/** What the listener logs with (pino's Logger fits). */
export interface ListenerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ChangeListenerOptions {
  log?: ListenerLog | undefined;
  /** First delay before reconnecting, doubled after each failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface ChangeHandlers {
  /** Whether a notification is this server's own write coming back: it changes nothing `received()` counts. */
  isOwn?(payload: string): boolean;
  /** Each other server's notification's payload, as it sent it. */
  onNotification?(payload: string): void;
  /** Notifications may have been missed (the connection was lost, or is back after a loss). */
  onGap?(): void;
}

export interface ChangeListener {
  /** Other servers' changes seen so far; while disconnected, a new value at every call. */
  received(): number;
  /** True while the LISTEN connection is up. */
  connected(): boolean;
  /** How many times the connection was lost and made again. */
  reconnections(): number;
  close(): Promise<void>;
}

const silent: ListenerLog = { info() {}, warn() {} };

export async function listenForChanges(url: string, options: ChangeListenerOptions = {}, handlers: ChangeHandlers = {}): Promise<ChangeListener> {
  const log = options.log ?? silent;
  const initialDelayMs = options.initialDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let count = 0;
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let attempts = 0;
  let reconnections = 0;
  let lostAt = 0;

  /** One LISTEN connection; its loss is reported once, by whichever of its events comes first. */
  const open = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    let reported = false;
    const lose = (error?: Error) => {
      if (reported) return;
      reported = true;
      if (client === next) lost(error);
    };
    next.on('notification', (message) => {
      const payload = message.payload ?? '';
      if (handlers.isOwn?.(payload)) return;
      count++;
      handlers.onNotification?.(payload);
    });
    next.on('error', lose);
    next.on('end', () => lose());
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      reported = true;
      await next.end().catch(() => {});
      throw error;
    }
    return next;
  };

  const lost = (error?: Error) => {
    client = undefined;
    count++;
    handlers.onGap?.();
    lostAt = Date.now();
    log.warn({ err: error?.message }, 'PostgreSQL change listener: connection lost, page caches bypassed until it is back');
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    const delay = Math.min(initialDelayMs * 2 ** attempts, maxDelayMs);
    timer = setTimeout(() => {
      timer = undefined;
      void reconnect();
    }, delay);
    timer.unref();
  };

  const reconnect = async () => {
    if (closed || client) return;
    attempts++;
    try {
      const next = await open();
      if (closed) {
        await next.end().catch(() => {});
        return;
      }
      client = next;
      // What happened while disconnected is unknown: drop every cached page.
      count++;
      handlers.onGap?.();
      reconnections++;
      log.info({ attempts, downMs: Date.now() - lostAt }, 'PostgreSQL change listener: reconnected, page caches dropped');
      attempts = 0;
    } catch (error) {
      log.warn({ attempt: attempts, err: (error as Error).message, retryInMs: Math.min(initialDelayMs * 2 ** attempts, maxDelayMs) }, 'PostgreSQL change listener: reconnection failed, will retry');
      schedule();
    }
  };

  client = await open();

  return {
    received: () => (client ? count : ++count),
    connected: () => client !== undefined,
    reconnections: () => reconnections,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = undefined;
      await last?.end().catch(() => {});
    },
  };
}
