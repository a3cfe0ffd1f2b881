// What the newsletter's tests share: posting the public form as a browser would, finding a link in a mail.
import type { TestSite } from '../helpers/site.ts';
import type { Db } from '../../src/db/connect.ts';
import type { SubscriberStatus } from '../../src/db/schema.ts';

/** The token of one display of /lettre, read from its form. */
export async function signupToken(site: TestSite): Promise<string> {
  const html = await (await site.get('/lettre')).text();
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no token on /lettre');
  return match[1]!;
}

export function postForm(site: TestSite, path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return site.get(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

/** The first http(s) link in a text that starts with `prefix` (after the site's address). */
export function linkIn(text: string, site: TestSite, prefix: string): string {
  const start = text.indexOf(site.url + prefix);
  if (start < 0) throw new Error(`no ${prefix} link in: ${text}`);
  return text.slice(start + site.url.length).split(/[\s>"]/)[0]!;
}

/** Subscribers written directly, in the states a test needs (the public form and the import are tested apart). */
export async function addSubscribers(db: Db, listId: number, people: { email: string; status?: SubscriberStatus; unsubscribed?: boolean }[]): Promise<number[]> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  await db.write(async (trx) => {
    for (const person of people) {
      const status = person.status ?? 'confirmed';
      const { id } = await trx
        .insertInto('newsletter_subscribers')
        .values({ email: person.email, name: '', status, consent_at: now, consent_source: 'test', consent_text: 'test', created_at: now, confirmed_at: status === 'confirmed' ? now : null, unsubscribed_at: null, bounced_at: null, bounce_reason: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('newsletter_subscriptions')
        .values({ subscriber_id: id, list_id: listId, created_at: now, confirmed_at: status === 'pending' ? null : now, unsubscribed_at: person.unsubscribed ? now : null })
        .execute();
      ids.push(id);
    }
  });
  return ids;
}

/** Runs due jobs until `done` says so (the site's own runner polls too; both claim safely). */
export async function runJobsUntil(site: TestSite, done: () => Promise<boolean>, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    await site.jobs.runDue();
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`jobs never finished: ${what}`);
}

export async function issueStatus(db: Db, id: number): Promise<string | undefined> {
  return (await db.kysely.selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirst())?.status;
}
