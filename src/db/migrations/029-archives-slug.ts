// /archives is now the site's archive (site/archive-routes.ts), mounted before the articles' /:slug: an article
// whose slug was `archives` would no longer be reachable at its address. Such an article gets the first free
// `archives-N`, and its old path stays in `urls` as a past one (not current): the archive answers /archives, and
// everything else that resolves the old slug (the print page /imprimer/archives, SPIP's old URLs) answers 301 to
// the new one. `archives` is reserved from now on (urls/urls.ts). Sections (/rubrique/archives), keywords and
// authors have their own prefixes and are left as they are.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const holder = await sql<{ id: number; object_id: number }>`
    select id, object_id from urls where path = '/archives' and object_type = 'article' and is_current = 1`.execute(db);
  const row = holder.rows[0];
  if (!row) return;
  let slug = '';
  for (let n = 2; ; n++) {
    slug = `archives-${n}`;
    const taken = await sql`select 1 from urls where path = ${`/${slug}`}`.execute(db);
    if (taken.rows.length === 0) break;
  }
  const now = new Date().toISOString();
  await sql`update urls set is_current = 0 where object_type = 'article' and object_id = ${row.object_id}`.execute(db);
  await sql`insert into urls (path, object_type, object_id, is_current, created_at) values (${`/${slug}`}, 'article', ${row.object_id}, 1, ${now})`.execute(db);
  await sql`update articles set slug = ${slug}, updated_at = ${now} where id = ${row.object_id}`.execute(db);
}
