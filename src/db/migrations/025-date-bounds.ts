// Dates written before input was bounded (kernel/input.ts: four-digit years) may hold an expanded year such as
// `+275760-09-13T00:00:00.000Z`, which sorts before `2024-…` as text: such an article was public at once.
// Far-future dates become the last instant of 9999 (still scheduled, never public); dates before year 0 are
// dropped. Afterwards every stored date compares as the instant it is.
import { sql, type Kysely } from 'kysely';

const LAST = '9999-12-31T23:59:59.999Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['published_at', 'written_at']) {
    await sql`update articles set ${sql.ref(column)} = ${LAST} where ${sql.ref(column)} like '+%'`.execute(db);
    await sql`update articles set ${sql.ref(column)} = null where ${sql.ref(column)} like '-%'`.execute(db);
  }
}
