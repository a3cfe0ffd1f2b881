// What changed, for the caches of every process: the scopes the triggers of migration 033 leave in `changes`.
// SQLite: every process reads the table after its data version moved (rows are kept a while, then pruned).
// PostgreSQL: the writing transaction takes its rows back and sends them with its NOTIFY; each server keeps the
// scopes it heard, and its own, in memory. Either way a reader that may have missed some learns '*'.

/** Tables whose rows no public page shows: a write to them leaves no scope (migration 033 gives the others one). */
export const TABLES_NO_PAGE_SHOWS = [
  'article_render_targets',
  'audit_log',
  'changes',
  'edit_locks',
  'forum_form_uses',
  'forum_notifications',
  'job_workers',
  'jobs',
  'kysely_migration',
  'kysely_migration_lock',
  'login_throttle',
  // The newsletter's own (its lists show on pages: migration 041).
  'newsletter_deliveries',
  'newsletter_issues',
  'newsletter_subscribers',
  'newsletter_subscriptions',
  'password_resets',
  'rate_limits',
  'render_generation',
  'revisions',
  // The search index (search_entries on PostgreSQL, search_fts* on SQLite) follows the articles, whose own
  // scopes cover every page it feeds.
  'search_entries',
  'search_visible_from',
  'sessions',
  'settings_revisions',
  'user_sections',
] as const;

/** '*' when any page may have changed, else the scopes written ('article:12', 'list'…). */
export type ChangedScopes = ReadonlySet<string> | '*';

export interface ChangeFeed {
  /** The position after the last change this process knows of: give it to `since` later. */
  position(): number;
  /** What changed after `position`, and the position that brings the reader to. */
  since(position: number): { position: number; scopes: ChangedScopes };
}

/** Scopes as a write's NOTIFY carries them: space-separated, '*' alone when too many to send. */
export function parseScopes(text: string): ChangedScopes {
  const scopes = new Set(text.split(' ').filter(Boolean));
  return scopes.has('*') ? '*' : scopes;
}

interface SqliteStatements {
  last(): number;
  after(position: number): { id: number; scope: string }[];
}

/** The feed of an SQLite database: the `changes` table itself, read synchronously. */
export function sqliteChangeFeed(statements: SqliteStatements): ChangeFeed {
  return {
    position: () => statements.last(),
    since(position) {
      const rows = statements.after(position);
      if (rows.length === 0) return { position, scopes: new Set() };
      const last = rows[rows.length - 1]!.id;
      // Ids follow each other (AUTOINCREMENT, and a rolled-back insert takes no id): a hole is pruned rows.
      if (rows[0]!.id !== position + 1) return { position: last, scopes: '*' };
      const scopes = new Set(rows.map((r) => r.scope));
      return { position: last, scopes: scopes.has('*') ? '*' : scopes };
    },
  };
}

/** How many writes' scopes a PostgreSQL server keeps: a cache further behind drops everything. */
const KEPT_WRITES = 10_000;

export interface MemoryChangeFeed extends ChangeFeed {
  /** Records the scopes of one committed write (this server's, or another's heard through NOTIFY). */
  record(scopes: ChangedScopes): void;
}

/** The feed of a PostgreSQL server; `trusted()` false (the listener is down) makes every answer '*'. */
export function memoryChangeFeed(trusted: () => boolean): MemoryChangeFeed {
  const kept: ChangedScopes[] = [];
  let last = 0;
  return {
    position: () => last,
    record(scopes) {
      kept.push(scopes);
      last++;
      if (kept.length > KEPT_WRITES) kept.splice(0, kept.length - KEPT_WRITES);
    },
    since(position) {
      if (!trusted() || last - position > kept.length) return { position: last, scopes: '*' };
      const scopes = new Set<string>();
      for (const written of kept.slice(kept.length - (last - position))) {
        if (written === '*') return { position: last, scopes: '*' };
        for (const scope of written) scopes.add(scope);
      }
      return { position: last, scopes };
    },
  };
}
