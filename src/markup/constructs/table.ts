// Tables: consecutive lines starting and ending with `|`; a row may span lines until one ends with `|`.
//
//   || caption | summary ||          optional first line
//   | {{head}} | {{head}} |          first row whose every cell is bold (or empty) → <thead>
//   | cell | cell |   | < |  | ^ |   `<` merges with the left cell, `^` with the cell above
//
// Cells are split on `|` outside `[…]` (a link's title uses `|`).
import type { LineConstruct, RawRow } from '../construct.ts';

export interface RawCell {
  start: number;
  end: number;
}

/** Splits a row's text (between its outer pipes) into cell ranges. */
export function splitCells(text: string, start: number, end: number): RawCell[] {
  const cells: RawCell[] = [];
  let depth = 0;
  let cellStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93 && depth > 0) depth--;
    else if (c === 124 && depth === 0) {
      cells.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  cells.push({ start: cellStart, end });
  return cells;
}

/** A cell that is entirely `{{…}}` (spaces around allowed): the range inside the braces. */
export function boldCellInner(text: string, cell: RawCell): RawCell | null {
  let s = cell.start;
  let e = cell.end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e - s < 4 || !text.startsWith('{{', s) || !text.startsWith('}}', e - 2)) return null;
  const inner = text.slice(s + 2, e - 2);
  if (inner.includes('{{') || inner.includes('}}')) return null;
  return { start: s + 2, end: e - 2 };
}

/**
 * SPIP's test (`^[+-]?(?:\s|\d)*([.,]?)\d*$`): digits and spaces, one decimal mark, no unit. A scan,
 * not that regexp: on a long run of digits ending with a letter it backtracks quadratically.
 */
export function isNumericCell(value: string): boolean {
  const v = value.trim();
  let i = v.charCodeAt(0) === 43 || v.charCodeAt(0) === 45 ? 1 : 0;
  let digits = false;
  let mark = false;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if ((c === 46 || c === 44) && !mark) mark = true;
    // spaces only before the decimal mark
    else if (!mark && (c === 32 || c === 9 || c === 10)) continue;
    else return false;
  }
  return digits;
}

/** Four hex digits from the table's text (FNV-1a), stable across renders, for SPIP's ids. */
export function tableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) & 0xffff).toString(16).padStart(4, '0');
}

/** Reads the table starting at line `from`: returns the start of the line after it, or -1. */
export const table: LineConstruct = {
  name: 'table',
  starts: '|',
  tokenize(reader, from) {
    // lines found not to be a table are not tried again (hostile text: `|` lines never closed)
    if (from < reader.noTableBefore) return -1;
    const text = reader.text;
    const n = reader.n;
    const rows: RawRow[] = [];
    let s = from;
    let failedAt = -1;
    while (s <= n && text.charCodeAt(s) === 124) {
      // a row ends on the first line ending with `|` (a cell may hold line breaks)
      let e = reader.lineEndAt(s);
      let rowEnd = -1;
      let probe = s;
      for (;;) {
        let t = e;
        while (t > probe && (text.charCodeAt(t - 1) === 32 || text.charCodeAt(t - 1) === 9)) t--;
        if (t > s + 1 && text.charCodeAt(t - 1) === 124) {
          rowEnd = t;
          break;
        }
        if (e >= n) break;
        const nextStart = e + 1;
        const nextEnd = reader.lineEndAt(nextStart);
        let nb = false;
        for (let k = nextStart; k < nextEnd; k++) if (text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) nb = true;
        if (!nb) break;
        probe = nextStart;
        e = nextEnd;
      }
      if (rowEnd < 0) {
        failedAt = e;
        break;
      }
      rows.push({ start: s, end: rowEnd });
      s = e + 1;
    }
    if (rows.length > 0) {
      // a table ends a list, as in SPIP (its tables are read before its lists)
      reader.addBlock(reader.tableOf(rows));
      return reader.lineEndAt((rows[rows.length - 1] as RawRow).end) + 1;
    }
    // not a table: those lines are text, and are not tried again
    reader.noTableBefore = failedAt + 1;
    return -1;
  },
};
