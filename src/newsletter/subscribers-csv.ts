// The subscribers as CSV, for another tool or a spreadsheet: one row per address, its status, its dates, the
// proof of its consent and its lists. Written with kernel/csv.ts (formula cells neutralised).
import type { Db } from '../db/connect.ts';
import { csvLine } from '../kernel/csv.ts';

export const EXPORT_COLUMNS = ['email', 'nom', 'statut', 'inscrit_le', 'confirme_le', 'consentement_le', 'consentement_source', 'listes'] as const;

export async function exportSubscribersCsv(db: Db, listId?: number): Promise<string> {
  let query = db.kysely.selectFrom('newsletter_subscribers as s').selectAll('s').orderBy('s.id');
  if (listId !== undefined) {
    query = query.where((eb) => eb.exists(eb.selectFrom('newsletter_subscriptions as sub').select('sub.list_id').whereRef('sub.subscriber_id', '=', 's.id').where('sub.list_id', '=', listId)));
  }
  const [rows, memberships] = await Promise.all([
    query.execute(),
    db.kysely
      .selectFrom('newsletter_subscriptions as sub')
      .innerJoin('newsletter_lists as l', 'l.id', 'sub.list_id')
      .select(['sub.subscriber_id', 'l.name'])
      .where('sub.unsubscribed_at', 'is', null)
      .orderBy('l.name')
      .execute(),
  ]);
  const listsOf = new Map<number, string[]>();
  for (const m of memberships) (listsOf.get(m.subscriber_id) ?? listsOf.set(m.subscriber_id, []).get(m.subscriber_id)!).push(m.name);
  return (
    csvLine(EXPORT_COLUMNS) +
    rows.map((s) => csvLine([s.email, s.name, s.status, s.created_at, s.confirmed_at, s.consent_at, s.consent_source, (listsOf.get(s.id) ?? []).join(' | ')])).join('')
  );
}
