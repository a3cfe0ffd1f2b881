// The back office's journal (issue 21): one row per action a person took there, written when the action has
// succeeded, read newest first by administrators (/ecrire/journal). It is a record for people, not a source of
// truth: nothing reads it to decide anything, so a journal row that failed to be written is logged, never
// allowed to undo or block the action it describes.
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';
import type { AuditEntry } from '../db/schema.ts';
import type { ListPage } from '../kernel/list-page.ts';

export interface AuditRecord {
  userId: number | null;
  userName: string;
  action: string;
  target?: string;
  detail?: string;
  ip?: string;
}

/** Longest detail kept: a bulk action over hundreds of ids stays one readable line. */
const DETAIL_MAX = 500;

// Through db.kysely, not db.write: a journal row changes nothing a page shows, so it must not empty the page
// caches of every process.
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.kysely
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      user_id: record.userId,
      user_name: record.userName.slice(0, 200),
      action: record.action,
      target: (record.target ?? '').slice(0, DETAIL_MAX),
      detail: (record.detail ?? '').slice(0, DETAIL_MAX),
      ip: record.ip ?? '',
    })
    .execute();
}

export interface AuditQuery {
  /** Only this action ('' or undefined: all). */
  action?: string | undefined;
  offset: number;
  limit: number;
}

/** One page of the journal, newest first, and how many rows match. */
export async function listAudit(db: Db, query: AuditQuery): Promise<ListPage<AuditEntry>> {
  let base = db.kysely.selectFrom('audit_log');
  if (query.action) base = base.where('action', '=', query.action);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').offset(query.offset).limit(query.limit).execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
