// Subscribers as the back office lists them (issue 18's rules): searched on address and name (accents and case
// aside), filtered by status and list, newest first, cut into pages by the database; and per list, how many are
// confirmed and how many wait.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { NewsletterSubscriber, SubscriberStatus } from '../db/schema.ts';
import { fold } from '../db/french-stem.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';

export const subscriberStatuses = ['pending', 'confirmed', 'unsubscribed', 'bounced'] as const satisfies readonly SubscriberStatus[];
export const subscriberListSorts = ['date', 'email'] as const;
export type SubscriberListSort = (typeof subscriberListSorts)[number];

export interface SubscriberListFilter {
  search?: string | undefined;
  status?: SubscriberStatus | undefined;
  listId?: number | undefined;
}

export type SubscriberRow = Pick<NewsletterSubscriber, 'id' | 'email' | 'name' | 'status' | 'created_at' | 'confirmed_at' | 'consent_at' | 'consent_source'> & { lists: string };

export async function listSubscriberPage(db: Db, request: ListRequest<SubscriberListSort, SubscriberListFilter>): Promise<ListPage<SubscriberRow>> {
  const { filter } = request;
  const words = filter.search ? fold(filter.search.trim()) : '';
  const base = db.kysely.selectFrom('newsletter_subscribers as s').where((eb) => {
    const where: Expression<SqlBool>[] = [];
    if (filter.status) where.push(eb('s.status', '=', filter.status));
    if (filter.listId !== undefined) {
      where.push(eb.exists(eb.selectFrom('newsletter_subscriptions as sub').select('sub.list_id').whereRef('sub.subscriber_id', '=', 's.id').where('sub.list_id', '=', filter.listId)));
    }
    if (words) {
      const pattern = containsPattern(words);
      where.push(
        eb.or([
          sql<SqlBool>`${db.dialect.fold(sql.ref('s.email'))} LIKE ${pattern} ESCAPE '\\'`,
          sql<SqlBool>`${db.dialect.fold(sql.ref('s.name'))} LIKE ${pattern} ESCAPE '\\'`,
        ]),
      );
    }
    return eb.and(where);
  });
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const direction = request.direction === 'asc' ? 'asc' : 'desc';
  const rows = await base
    .select(['s.id', 's.email', 's.name', 's.status', 's.created_at', 's.confirmed_at', 's.consent_at', 's.consent_source'])
    .orderBy(request.sort === 'email' ? 's.email' : 's.created_at', direction)
    .orderBy('s.id', direction)
    .limit(request.limit)
    .offset(request.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const memberships = ids.length
    ? await db.kysely
        .selectFrom('newsletter_subscriptions as sub')
        .innerJoin('newsletter_lists as l', 'l.id', 'sub.list_id')
        .select(['sub.subscriber_id', 'l.name', 'sub.confirmed_at', 'sub.unsubscribed_at'])
        .where('sub.subscriber_id', 'in', ids)
        .orderBy('l.name')
        .execute()
    : [];
  return {
    rows: rows.map((r) => ({
      ...r,
      lists: memberships
        .filter((m) => m.subscriber_id === r.id && m.unsubscribed_at === null)
        .map((m) => (m.confirmed_at ? m.name : `${m.name} (?)`))
        .join(', '),
    })),
    total,
  };
}

export function loadSubscriber(db: Db, id: number): Promise<NewsletterSubscriber | undefined> {
  return db.kysely.selectFrom('newsletter_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Per list: active recipients (confirmed) and subscriptions waiting for a confirmation. */
export async function countSubscribersByList(db: Db): Promise<Map<number, { confirmed: number; pending: number }>> {
  const rows = await db.kysely
    .selectFrom('newsletter_subscriptions as sub')
    .innerJoin('newsletter_subscribers as s', 's.id', 'sub.subscriber_id')
    .select([
      'sub.list_id',
      (eb) => eb.fn.sum<number | string>(eb.case().when(eb.and([eb('s.status', '=', 'confirmed'), eb('sub.confirmed_at', 'is not', null)])).then(1).else(0).end()).as('confirmed'),
      (eb) => eb.fn.sum<number | string>(eb.case().when(eb.and([eb('sub.confirmed_at', 'is', null), eb('s.status', '=', 'pending')])).then(1).else(0).end()).as('pending'),
    ])
    .where('sub.unsubscribed_at', 'is', null)
    .groupBy('sub.list_id')
    .execute();
  return new Map(rows.map((r) => [r.list_id, { confirmed: Number(r.confirmed ?? 0), pending: Number(r.pending ?? 0) }]));
}
