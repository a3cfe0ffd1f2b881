// Newsletter lists: the ones the public form offers, and every one for the back office.
import type { Db } from '../db/connect.ts';
import type { NewsletterList } from '../db/schema.ts';
import { memoByVersion } from '../db/memo.ts';

export function listAllLists(db: Db): Promise<NewsletterList[]> {
  return db.kysely.selectFrom('newsletter_lists').selectAll().orderBy('name').orderBy('id').execute();
}

/** The lists the sign-up form offers, read once per data version (the footer of every page asks). */
export const listPublicLists = memoByVersion((db: Db): Promise<NewsletterList[]> =>
  db.kysely.selectFrom('newsletter_lists').selectAll().where('public', '=', 1).orderBy('name').orderBy('id').execute(),
);

export function loadList(db: Db, id: number): Promise<NewsletterList | undefined> {
  return db.kysely.selectFrom('newsletter_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A list named by its id or its name (the CLI's --list). */
export async function findList(db: Db, idOrName: string): Promise<NewsletterList | undefined> {
  const id = /^\d+$/.test(idOrName) ? Number(idOrName) : undefined;
  if (id !== undefined) return loadList(db, id);
  return db.kysely.selectFrom('newsletter_lists').selectAll().where('name', '=', idOrName).executeTakeFirst();
}
