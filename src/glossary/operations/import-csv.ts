// Imports glossary terms from a CSV file (CLI `tisse glossary import FILE.csv`). Every row is checked first;
// one bad row and nothing is written, with the line of each problem. Then one transaction: new terms are
// created, terms whose anchor already exists are updated.
//
// Header names (any case, accents optional): terme|term, variantes|variants, definition|descriptif,
// presentation|texte, lien|link|url, ancre|slug. Variants are separated by « | », or by « / » as in SPIP's
// Couteau Suisse glossary titles (« SCOP/SCOPs »).
import { dropAllRenders } from '../../db/article-renders.ts';
import type { Db } from '../../db/connect.ts';
import { TisseError, isTisseError, type MessageParam } from '../../kernel/errors.ts';
import { parseCsv } from '../../kernel/csv.ts';
import { glossaryChanged } from '../repository.ts';
import { saveValidTerm, validateTerm, type TermInput, type ValidTerm } from './save-term.ts';

const columns: Record<string, keyof TermInput> = {
  terme: 'term',
  term: 'term',
  titre: 'term',
  variantes: 'variants',
  variants: 'variants',
  definition: 'definition',
  descriptif: 'definition',
  presentation: 'presentation',
  texte: 'presentation',
  lien: 'linkUrl',
  link: 'linkUrl',
  link_url: 'linkUrl',
  url: 'linkUrl',
  ancre: 'slug',
  slug: 'slug',
};

function columnOf(header: string): keyof TermInput | undefined {
  const key = header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
  return columns[key];
}

export function splitVariants(cell: string): string[] {
  const parts = cell.includes('|') ? cell.split('|') : cell.split('/');
  return parts.map((v) => v.trim()).filter((v) => v !== '');
}

export interface ImportResult {
  created: number;
  updated: number;
}

/** Reads the CSV text; throws BAD_INPUT listing the problems (nothing written) or returns the counts. */
export async function importGlossaryCsv(db: Db, csv: string): Promise<ImportResult> {
  const rows = parseCsv(csv);
  const header = rows.shift();
  if (!header) throw new TisseError('BAD_INPUT', 'errors.glossary.csvEmpty');
  const mapping = header.cells.map(columnOf);
  for (const required of ['term', 'definition'] as const) {
    if (!mapping.includes(required)) {
      throw new TisseError('BAD_INPUT', { key: 'errors.glossary.missingColumn', params: { column: required === 'term' ? 'terme' : 'definition' } });
    }
  }

  const problems: string[] = [];
  const terms: (ValidTerm & { slug: string })[] = [];
  const lineOfSlug = new Map<string, number>();
  for (const row of rows) {
    const input: Record<string, unknown> = {};
    mapping.forEach((field, index) => {
      if (!field) return;
      const cell = row.cells[index] ?? '';
      if (field === 'variants') input.variants = splitVariants(cell);
      else if (field !== 'slug' || cell.trim() !== '') input[field] = cell;
    });
    try {
      const term = validateTerm(input as TermInput);
      const previous = lineOfSlug.get(term.slug);
      if (previous !== undefined) problems.push(`ligne ${row.line} : même ancre « ${term.slug} » qu’à la ligne ${previous}`);
      lineOfSlug.set(term.slug, row.line);
      terms.push(term);
    } catch (error) {
      if (!isTisseError(error)) throw error;
      problems.push(`ligne ${row.line} : ${error.message}`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n');
    const more: MessageParam = problems.length > 20 ? { key: 'errors.glossary.importMore', params: { count: problems.length - 20 } } : '';
    throw new TisseError('BAD_INPUT', { key: 'errors.glossary.importCancelled', params: { problems: shown, more } });
  }

  const counts = await db.write(async (trx) => {
    const result: ImportResult = { created: 0, updated: 0 };
    for (const term of terms) {
      const { created } = await saveValidTerm(trx, term, { replace: true });
      if (created) result.created++;
      else result.updated++;
    }
    // Many terms at once: every render is made again as pages are read, rather than searching texts for each.
    await dropAllRenders(trx);
    return result;
  });
  glossaryChanged();
  return counts;
}
