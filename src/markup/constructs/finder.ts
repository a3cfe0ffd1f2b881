// Memoised "next occurrence" searches for the scanner. Each needle remembers the last answer, so a
// scan that keeps asking for a closer that does not exist (hostile text full of openers) costs O(1)
// per question instead of a new search to the end of the text: the whole scan stays linear.

export class Finder {
  // created on first use: most working strings are short and never need them
  private memo: Map<string, { from: number; at: number }> | null = null;
  private regexMemo: Map<RegExp, { from: number; at: number }> | null = null;

  constructor(private readonly text: string) {}

  /** Index of the first occurrence of `needle` at or after `from`, or -1. */
  next(needle: string, from: number): number {
    this.memo ??= new Map();
    const m = this.memo.get(needle);
    if (m && from >= m.from && (m.at === -1 || from <= m.at)) return m.at;
    const at = this.text.indexOf(needle, from);
    if (m) {
      m.from = from;
      m.at = at;
    } else this.memo.set(needle, { from, at });
    return at;
  }

  /** Index of the first match of `re` (a global regexp) at or after `from`, or -1; memoised like `next`. */
  nextMatch(re: RegExp, from: number): number {
    this.regexMemo ??= new Map();
    const m = this.regexMemo.get(re);
    if (m && from >= m.from && (m.at === -1 || from <= m.at)) return m.at;
    re.lastIndex = from;
    const found = re.exec(this.text);
    const at = found ? found.index : -1;
    if (m) {
      m.from = from;
      m.at = at;
    } else this.regexMemo.set(re, { from, at });
    return at;
  }

  /** Same, case-insensitive, for an ASCII needle given in lower case (`</code`). */
  nextInsensitive(needle: string, from: number): number {
    const key = `i:${needle}`;
    this.memo ??= new Map();
    const m = this.memo.get(key);
    if (m && from >= m.from && (m.at === -1 || from <= m.at)) return m.at;
    const re = new RegExp(needle.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&'), 'gi');
    re.lastIndex = from;
    const found = re.exec(this.text);
    const at = found ? found.index : -1;
    this.memo.set(key, { from, at });
    return at;
  }
}
