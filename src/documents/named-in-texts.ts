// Which documents a text shows by its number: `<docN>`, `<imgN>`, `<embN>` (with or without `|…` parameters,
// any case, as markup/constructs/model.ts reads them) in articles, sections and keywords. A document that
// nothing is attached to may still be on a page this way: "unused" must look here too. Conservative on purpose:
// a model written inside a code block counts as a use (deleting too little is the safe mistake).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Trx } from '../db/schema.ts';

const model = /<(?:doc|img|emb)([0-9]+)[|>]/gi;

const textColumns = {
  articles: ['surtitle', 'title', 'subtitle', 'description', 'lead', 'text', 'postscript'],
  sections: ['description', 'text'],
  keywords: ['description', 'text'],
} as const;

/** Of `ids`, those some text names with a model. */
export async function documentsNamedInTexts(trx: Trx, ids: readonly number[]): Promise<Set<number>> {
  const wanted = new Set(ids);
  const named = new Set<number>();
  if (wanted.size === 0) return named;
  for (const [table, columns] of Object.entries(textColumns) as [keyof typeof textColumns, readonly string[]][]) {
    // Only rows holding a model at all come back; the pattern decides which numbers.
    const holdsModel = (eb: { or(list: Expression<SqlBool>[]): Expression<SqlBool> }) =>
      eb.or(columns.flatMap((column) => ['%<doc%', '%<img%', '%<emb%'].map((like) => sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${like}`)));
    const rows = (await trx
      .selectFrom(table)
      .select(columns.map((column) => sql.ref(column).as(column)) as never)
      .where((eb) => holdsModel(eb))
      .execute()) as Record<string, string | null>[];
    for (const row of rows) {
      for (const column of columns) {
        for (const match of (row[column] ?? '').matchAll(model)) {
          const id = Number(match[1]);
          if (wanted.has(id)) named.add(id);
        }
      }
    }
  }
  return named;
}
