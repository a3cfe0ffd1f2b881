// Public lists page through articles newest first: `status = 'published' and published_at <= now order by
// published_at desc, id desc limit 20 offset n` (articles/articles.ts). The indexes of 001 stopped at the date,
// so articles of the same date were sorted after reading, and every page sorted all the list's rows to find its
// twenty. With the id in the index, in the order of the lists, a page reads its rows in order, offset included
// (decision 017, figures in docs/benchmarks.md). The new indexes start like the old ones, which they replace.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every public list (the archive, a month, a keyword, an author) and the next scheduled publication.
  await db.schema.createIndex('articles_public_order').on('articles').columns(['status', 'published_at desc', 'id desc']).execute();
  await db.schema.dropIndex('articles_published').execute();
  // A section's list: one section reads its range in order; a section with sub-sections merges a few ranges.
  await db.schema.createIndex('articles_section_order').on('articles').columns(['section_id', 'status', 'published_at desc', 'id desc']).execute();
  await db.schema.dropIndex('articles_section').execute();
}
