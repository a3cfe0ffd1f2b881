// Cross-process change detection on PostgreSQL: every write transaction sends NOTIFY on one channel,
// and every app server keeps one connection LISTENing, so page caches everywhere drop stale pages.
import pg from 'pg';

export const CHANGE_CHANNEL = 'tisse_changes';

export interface ChangeListener {
  received(): number;
  close(): Promise<void>;
}

export async function listenForChanges(url: string): Promise<ChangeListener> {
  let count = 0;
  let client: pg.Client | undefined;
  let closed = false;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    next.on('notification', () => count++);
    next.on('error', () => {
      // Changes may have been missed while disconnected: count one, then reconnect.
      count++;
      if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
  };
  await connect();

  return {
    received: () => count,
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
