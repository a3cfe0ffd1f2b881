// Issue 21, item 5: /sante (liveness, readiness at /sante/pret) and /metriques are mounted before the articles'
// /:slug. An article whose slug was `sante` or `metriques` would lose its address: as migration 029 did for
// /archives, it gets the first free `<slug>-N` and keeps its old path in `urls` as a past one. Both slugs are
// reserved from now on (urls/urls.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const reserved of ['sante', 'metriques']) {
    const holder = await sql<{ id: number; object_id: number }>`
      select id, object_id from urls where path = ${`/${reserved}`} and object_type = 'article' and is_current = 1`.execute(db);
    const row = holder.rows[0];
    if (!row) continue;
    let slug = '';
    for (let n = 2; ; n++) {
      slug = `${reserved}-${n}`;
      const taken = await sql`select 1 from urls where path = ${`/${slug}`}`.execute(db);
      if (taken.rows.length === 0) break;
    }
    const now = new Date().toISOString();
    await sql`update urls set is_current = 0 where object_type = 'article' and object_id = ${row.object_id}`.execute(db);
    await sql`insert into urls (path, object_type, object_id, is_current, created_at) values (${`/${slug}`}, 'article', ${row.object_id}, 1, ${now})`.execute(db);
    await sql`update articles set slug = ${slug}, updated_at = ${now} where id = ${row.object_id}`.execute(db);
  }
}
