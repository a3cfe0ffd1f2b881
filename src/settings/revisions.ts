// The history of the site's settings: one row per change saved (settings.ts writes it in the same transaction),
// with the keys that changed and their values before and after. Secrets never enter it in clear: the SMTP
// password is masked, so a copy of the history (or a screen showing it) holds no password.
import type { Db, Trx } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';

/** What a masked secret reads as in a revision. */
export const MASKED = '••••••••';

/** A setting's value as a revision keeps it: the same, with its secrets masked. */
export function revisionValue(key: string, value: unknown): unknown {
  if (key === 'smtp' && value && typeof value === 'object' && 'password' in value) {
    const smtp = value as { password: unknown };
    return { ...smtp, password: smtp.password ? MASKED : '' };
  }
  return value;
}

export interface RevisionInput {
  authorId: number | null;
  keys: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export async function recordSettingsRevision(trx: Trx, change: RevisionInput): Promise<void> {
  const pick = (values: Record<string, unknown>) => Object.fromEntries(change.keys.map((key) => [key, revisionValue(key, values[key])]));
  await trx
    .insertInto('settings_revisions')
    .values({ changed_at: nowIso(), user_id: change.authorId, keys: JSON.stringify(change.keys), before: JSON.stringify(pick(change.before)), after: JSON.stringify(pick(change.after)) })
    .execute();
}

export interface SettingsRevisionEntry {
  id: number;
  changedAt: string;
  /** The author's name; null when saved from the command line or by an account since deleted. */
  authorName: string | null;
  keys: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function entry(row: { id: number; changed_at: string; name: string | null; keys: string; before: string; after: string }): SettingsRevisionEntry {
  return { id: row.id, changedAt: row.changed_at, authorName: row.name, keys: JSON.parse(row.keys) as string[], before: JSON.parse(row.before), after: JSON.parse(row.after) };
}

function revisions(db: Db) {
  return db.kysely
    .selectFrom('settings_revisions')
    .leftJoin('users', 'users.id', 'settings_revisions.user_id')
    .select(['settings_revisions.id', 'settings_revisions.changed_at', 'users.name', 'settings_revisions.keys', 'settings_revisions.before', 'settings_revisions.after']);
}

/** The latest changes, newest first. */
export async function listSettingsRevisions(db: Db, limit = 10): Promise<SettingsRevisionEntry[]> {
  const rows = await revisions(db).orderBy('settings_revisions.id', 'desc').limit(limit).execute();
  return rows.map(entry);
}

export async function loadSettingsRevision(db: Db, id: number): Promise<SettingsRevisionEntry | undefined> {
  const row = await revisions(db).where('settings_revisions.id', '=', id).executeTakeFirst();
  return row && entry(row);
}
