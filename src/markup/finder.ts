// Memoised "next occurrence" searches for the scanner. Each needle remembers the last answer, so a
// scan that keeps asking for a closer that does not exist (hostile text full of openers) costs O(1)
// per question instead of a new search to the end of the text: the whole scan stays linear.
// Hot loops hold a `Cursor` (one needle's memo) instead of looking the needle up at every question.

/** One needle's memo over one text: answers "next occurrence at or after `from`". */
export class Cursor {
  /** The last question and its answer: every `from` in [memoFrom, memoAt] has the same answer. */
  private memoFrom = Infinity;
  private memoAt = -1;

  /** For a regexp: the length of every match (fixed), so `test` can stand in for `exec`. */
  constructor(
    private readonly text: string,
    private readonly needle: string | RegExp,
    private readonly width = 1,
  ) {}

  next(from: number): number {
    const at = this.memoAt;
    if (from >= this.memoFrom && (at === -1 || from <= at)) return at;
    let found: number;
    if (typeof this.needle === 'string') found = this.text.indexOf(this.needle, from);
    else {
      // `test` allocates no match array (`exec` does, once per special character of the text)
      this.needle.lastIndex = from;
      found = this.needle.test(this.text) ? this.needle.lastIndex - this.width : -1;
    }
    this.memoFrom = from;
    this.memoAt = found;
    return found;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
}

/** Below this length a search costs less than a memo: each question is answered afresh, at most
 *  SHORT characters read per question (a bounded factor, still linear over the whole input). */
const SHORT = 32;

export class Finder {
  // created on first use: most working strings are short and never need them
  private memo: Map<string | RegExp, Cursor> | null = null;

  constructor(private readonly text: string) {}

  /** The shared memo of a needle: a string, or a global regexp whose every match is one character. */
  cursor(needle: string | RegExp): Cursor {
    if (this.text.length <= SHORT) return new Cursor(this.text, needle);
    this.memo ??= new Map();
    let c = this.memo.get(needle);
    if (!c) {
      c = new Cursor(this.text, needle);
      this.memo.set(needle, c);
    }
    return c;
  }

  /** Index of the first occurrence of `needle` at or after `from`, or -1. */
  next(needle: string, from: number): number {
    return this.cursor(needle).next(from);
  }

  /** Index of the first match of `re` (a global regexp of one-character matches) at or after `from`, or -1. */
  nextMatch(re: RegExp, from: number): number {
    return this.cursor(re).next(from);
  }

  /** Same, case-insensitive, for an ASCII needle given in lower case (`</code`). */
  nextInsensitive(needle: string, from: number): number {
    const key = `i:${needle}`;
    this.memo ??= new Map();
    let c = this.memo.get(key);
    if (!c) {
      c = new Cursor(this.text, new RegExp(escapeRegExp(needle), 'gi'), needle.length);
      this.memo.set(key, c);
    }
    return c.next(from);
  }
}
