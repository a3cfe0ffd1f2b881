// The data of bench/back-office-lists.ts: 10,000 articles in 200 sections by 300 authors, every status, and
// 100,000 public forum messages, the same on every run (seeded), written by bulk inserts through the triggers.
import { sql } from 'kysely';
import type { TestSite } from '../test/helpers/site.ts';

export const ARTICLES = 10_000;
export const MESSAGES = 100_000;
const SECTIONS = 200;
const AUTHORS = 300;

/** mulberry32: the same data on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = 'économie sociale solidaire coopérative territoire emploi finance association mutuelle pôle innovation transition projet réseau acteurs Énergie Écologie'.split(' ');

export async function fill(site: TestSite): Promise<void> {
  const rnd = random(18);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const day = () => new Date(Date.UTC(2005 + Math.floor(rnd() * 20), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24))).toISOString();
  const chunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  const now = new Date().toISOString();
  await site.db.write(async (trx) => {
    for (let id = 1; id <= SECTIONS; id++) {
      const parent = id <= 10 ? null : 1 + Math.floor(rnd() * (id - 1));
      await trx.insertInto('sections').values({ id, parent_id: parent, slug: `rubrique-${id}`, title: `${id}. ${pick(words)} ${pick(words)}`, description: '', text: '', position: id, lang: 'fr', created_at: now, updated_at: now } as never).execute();
    }
    const users = Array.from({ length: AUTHORS }, (_, n) => ({ email: `auteur${n}@example.org`, name: `Auteur ${n} ${pick(words)}`, slug: `auteur-${n}`, login: null, password_hash: null, role: 'editor' as const, bio: '', website: '', lang: 'fr', must_reset_password: 0, created_at: now, last_seen_at: null }));
    await chunks(users, (chunk) => trx.insertInto('users').values(chunk).execute());
  });
  const userIds = (await site.db.kysely.selectFrom('users').select('id').where('role', '=', 'editor').execute()).map((u) => u.id);
  const statuses = ['published', 'published', 'published', 'published', 'published', 'published', 'draft', 'draft', 'proposed', 'refused', 'trash'] as const;
  const articles = Array.from({ length: ARTICLES }, (_, n) => {
    const status = pick(statuses);
    const changed = day();
    return {
      section_id: 1 + Math.floor(rnd() * SECTIONS), slug: `article-${n}`, surtitle: '', title: `${pick(words)} ${pick(words)} et ${pick(words)} — note ${n}`, subtitle: '', description: '', lead: '', text: `${pick(words)} ${pick(words)}.`, postscript: '',
      status, published_at: status === 'published' ? changed : null, written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: changed, updated_at: changed,
    };
  });
  await site.db.write((trx) => chunks(articles, (chunk) => trx.insertInto('articles').values(chunk).execute()));
  const articleRows = await site.db.kysely.selectFrom('articles').select(['id', 'status']).execute();
  await site.db.write((trx) => chunks(articleRows.map((a) => ({ article_id: a.id, user_id: pick(userIds), position: 0 })), (chunk) => trx.insertInto('article_authors').values(chunk).execute()));
  const published = articleRows.filter((a) => a.status === 'published').map((a) => a.id);
  const messageStatuses = ['published', 'published', 'published', 'published', 'published', 'published', 'published', 'pending', 'pending', 'refused', 'spam'] as const;
  const messages = Array.from({ length: MESSAGES }, (_, n) => ({
    kind: 'public' as const, article_id: pick(published), thread_id: null, parent_id: null, status: pick(messageStatuses), title: n % 3 ? '' : `${pick(words)} ?`, text: `Un avis sur la ${pick(words)} et la ${pick(words)}.`,
    author_name: `Lecteur ${n % 997}`, author_email: `lecteur${n % 997}@example.net`, author_url: '', user_id: null, ip: '192.0.2.1', created_at: day(), moderated_at: null, moderated_by: null,
  }));
  await site.db.write((trx) => chunks(messages, (chunk) => trx.insertInto('forum_messages').values(chunk).execute()));
  // What autovacuum (PostgreSQL) does on its own soon after such a load (statistics, and the visibility map index-only scans need); SQLite is left as an install has it.
  if (site.dialect === 'postgres') await sql`VACUUM ANALYZE`.execute(site.db.kysely);
}

