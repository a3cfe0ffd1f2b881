// A small RFC 4180 CSV reader (quoted fields, doubled quotes, line breaks inside quotes), one pass, no regular
// expression on the input. The separator is the comma or, as French spreadsheets write it, the semicolon:
// whichever appears first outside quotes in the header line. And its writer. Read by the glossary's and the
// newsletter's imports, written by the newsletter's export.

export interface CsvRow {
  /** 1-based line where the record starts, for error messages. */
  line: number;
  cells: string[];
}

export function detectSeparator(text: string): ',' | ';' {
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';')) return ch;
    else if (!quoted && ch === '\n') break;
  }
  return ',';
}

export function parseCsv(input: string, separator: ',' | ';' = detectSeparator(input)): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** One CSV record: every cell quoted when it holds a separator, a quote or a line break; CRLF ended (RFC 4180). */
export function csvLine(cells: readonly (string | number | null)[], separator: ',' | ';' = ','): string {
  return `${cells
    .map((value) => {
      const cell = value === null ? '' : String(value);
      // A cell a spreadsheet would run as a formula (=, +, -, @) is written as text (CSV injection).
      const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
      return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(separator)}\r\n`;
}
