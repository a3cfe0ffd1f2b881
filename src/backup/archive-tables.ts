// Which tables an archive holds, in which order they are loaded again, and what is left out. Every table of the
// database is kept unless named here, so a table added by a later migration is saved without a change here.
// Left out: what is made again from the rest (the search index, stored renders) and what only makes sense in
// the running site that wrote it (sessions, locks, rate-limit counters, single-use form nonces, reset links,
// job workers' heartbeats, the change scopes caches read: db/change-feed.ts). Decision 022.

/** Made from the other tables after a restore (search index: search/ reindex; renders: on the next view). */
const derived = ['article_renders', 'article_render_targets', 'render_generation'];
/** The running site's short-lived state. */
const transient = ['sessions', 'edit_locks', 'rate_limits', 'login_throttle', 'forum_form_uses', 'password_resets', 'job_workers', 'changes'];

export function isArchivedTable(table: string): boolean {
  return !table.startsWith('search_') && !derived.includes(table) && !transient.includes(table);
}

/** Load order under the foreign keys: a table after those it references; tables not listed come last, by name. */
const loadOrder = [
  'settings', 'sections', 'users', 'user_sections', 'keyword_groups', 'keywords', 'glossary_terms', 'articles', 'article_authors',
  'related_articles', 'keyword_links', 'documents', 'document_links', 'forum_messages', 'revisions', 'settings_revisions', 'urls',
  'legacy_objects', 'jobs', 'petitions', 'petition_signatures', 'sites', 'syndicated_items',
  'newsletter_lists', 'newsletter_subscribers', 'newsletter_subscriptions', 'newsletter_issues', 'newsletter_deliveries',
];

export function inLoadOrder(tables: readonly string[]): string[] {
  const rank = (t: string) => (loadOrder.includes(t) ? loadOrder.indexOf(t) : loadOrder.length);
  return [...tables].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Tables whose rows name a parent row of their own table: saved parents first (db/snapshot.ts). */
export const parentColumns: Record<string, string> = { sections: 'parent_id', forum_messages: 'parent_id' };

/**
 * Jobs still to do are kept (a mail not yet sent, a scheduled publication), as queued work for the restored
 * site; finished ones are history the site does not need, and a backup job is the old site's own business.
 */
export function keepRow(table: string, row: Record<string, unknown>): Record<string, unknown> | undefined {
  if (table !== 'jobs') return row;
  if ((row.status !== 'queued' && row.status !== 'running') || row.type === 'backup') return undefined;
  return { ...row, status: 'queued', locked_at: null, worker_id: null };
}

/** Tables whose rows make a site "not empty" for a restore (accounts alone do not: `tisse init` makes one). */
export const contentTables = ['sections', 'articles', 'keywords', 'glossary_terms', 'forum_messages', 'documents'];
