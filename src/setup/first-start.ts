// First start: an empty database gets its first administrator (from TISSE_ADMIN_EMAIL/PASSWORD, or a
// random password printed once) and, for the demo, the seed site.
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import { createDemoContent } from './demo.ts';
import { createUser } from '../users/index.ts';

export interface SetupResult {
  /** Set when this call created the first administrator: the only time its password is known. */
  admin?: { email: string; password: string; generated: boolean };
  demoCreated: boolean;
}

export async function isEmptySite(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

export async function initialiseSite(db: Db, config: Config, options: { demo: boolean }): Promise<SetupResult> {
  const result: SetupResult = { demoCreated: false };
  if (await isEmptySite(db)) {
    const email = config.adminEmail ?? 'admin@example.org';
    const { password } = await createUser(db, { email, name: 'Administrateur', role: 'administrator', password: config.adminPassword });
    result.admin = { email, password, generated: config.adminPassword === undefined };
  }
  if (options.demo) {
    const articles = await db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    if (Number(articles?.n ?? 0) === 0) {
      await createDemoContent(db);
      result.demoCreated = true;
    }
  }
  return result;
}
