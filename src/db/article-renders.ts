// Dropping stored renders (migration 032) where the triggers cannot see the dependency: a new glossary term, or
// new variants of one, may appear in articles whose render never looked for it. The candidates are found in
// the articles' source text by the longest run of plain letters of each form ("conomie" for "Économie"): any
// text the glossary can match contains it whatever its case and accents, so no article that uses the term is
// missed; a few that only contain the run are rendered again for nothing.
import { sql } from 'kysely';
import type { Trx } from './schema.ts';

/** Drops the renders of the articles whose lead, text or postscript may contain one of these phrases. */
export async function dropRendersMentioning(trx: Trx, phrases: readonly string[]): Promise<void> {
  const runs = [...new Set(phrases.map(longestPlainRun).filter((run) => run !== ''))];
  if (runs.length === 0) return;
  await bumpGeneration(trx);
  const source = sql`lower(articles.lead || ' ' || articles.text || ' ' || articles.postscript)`;
  await trx
    .deleteFrom('article_renders')
    .where('article_id', 'in', (eb) =>
      eb
        .selectFrom('articles')
        .select('articles.id')
        .where((w) => w.or(runs.map((run) => w(source, 'like', `%${run}%`)))),
    )
    .execute();
}

/** Drops every stored render (a glossary replaced by an import: they are made again as pages are read). */
export async function dropAllRenders(trx: Trx): Promise<void> {
  await bumpGeneration(trx);
  await trx.deleteFrom('article_renders').execute();
}

async function bumpGeneration(trx: Trx): Promise<void> {
  await trx.updateTable('render_generation').set((eb) => ({ value: eb('value', '+', 1) })).where('id', '=', 1).execute();
}

/**
 * The longest run of ASCII letters and digits of a phrase, lowercased: a letter with an accent ends a run, as
 * the text may carry it with or without its accent, and SQLite's lower() folds ASCII only.
 */
export function longestPlainRun(phrase: string): string {
  const runs = phrase.normalize('NFC').toLowerCase().split(/[^a-z0-9]+/);
  return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), '');
}
