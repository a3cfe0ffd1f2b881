// Keys the site draws once and keeps in the settings table, so every app server of the site shares them (an HMAC
// key for signed cookies and tokens). Each is read once per process; two processes drawing at once agree, since
// the first insert wins and both read it back. They live in the database: a copy of it can forge what they sign.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';

const secrets = new WeakMap<Db, Map<string, Promise<Buffer>>>();

async function readOrDraw(db: Db, name: string): Promise<Buffer> {
  const read = async () => {
    const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirst();
    return row && Buffer.from(JSON.parse(row.value) as string, 'base64url');
  };
  const existing = await read();
  if (existing) return existing;
  const fresh = JSON.stringify(randomBytes(32).toString('base64url'));
  await db.write((trx) =>
    trx.insertInto('settings').values({ key: name, value: fresh, updated_at: nowIso() }).onConflict((oc) => oc.column('key').doNothing()).execute(),
  );
  return (await read())!;
}

/** The site's secret `name` (32 random bytes), drawn on first use. Its name ends in 'Secret' (migration 033: no page shows it). */
export function siteSecret(db: Db, name: string): Promise<Buffer> {
  let forDb = secrets.get(db);
  if (!forDb) secrets.set(db, (forDb = new Map()));
  let secret = forDb.get(name);
  if (!secret) {
    secret = readOrDraw(db, name);
    secret.catch(() => forDb.delete(name));
    forDb.set(name, secret);
  }
  return secret;
}
