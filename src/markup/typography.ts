// Typography of the text's language, as SPIP 4.1 does it, on plain text (never on code, URLs or
// attributes: the renderer calls it on text nodes only). French: a no-break space before `; : ! ? %`
// and `»`, after `«` and `M.`/`Mme`/`n°`; `~` is a forced no-break space; `'` becomes `’`; `--`
// becomes `—`. Other languages: `~`, apostrophes and `--` only.
//
// One left-to-right pass: a regular expression without quantifiers finds the next character that
// matters, the plain text in between is copied as one slice. The last emitted character is kept in a
// variable (reading the end of a growing string would flatten it at every step).

const NBSP = '\u00a0';
// plain character classes: the regexp engine skips ordinary text at full speed
const FR = /[~\u00a0;»:!?%«'\-°M]/g;
const OTHER = /[~\u00a0'-]/g;
const TITLES = ['MM. ', 'Mmes ', 'Mme ', 'Mr. ', 'Mr ', 'M. '];

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

class Typographer {
  out = '';
  last = '';
  i = 0;
  readonly n: number;

  constructor(readonly text: string) {
    this.n = text.length;
  }

  /** Copies text[i, p), minus its trailing spaces when `trim`; returns whether spaces were dropped. */
  copy(p: number, trim: boolean): boolean {
    const text = this.text;
    let e = p;
    if (trim) while (e > this.i && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    if (e > this.i) {
      this.out += text.slice(this.i, e);
      this.last = text[e - 1] as string;
    }
    return e < p;
  }

  emit(s: string): void {
    this.out += s;
    this.last = s[s.length - 1] as string;
  }

  nbspBefore(): void {
    if (this.last !== NBSP) this.emit(NBSP);
  }

  skipSpaces(j: number): number {
    while (j < this.n) {
      const c = this.text.charCodeAt(j);
      if (c === 32 || c === 9 || c === 126 || c === 0xa0) j++;
      else break;
    }
    return j;
  }
}

/**
 * SPIP finds `:` and ` %` with the character after them (`(?::(?!:)| %)(?:\W|$)`), in the same pass as
 * `»`: a `»` or `:` right after one is taken by that match and gets no space of its own (`12,5 %»`).
 * Emits that character as is and returns the index after it, or returns `at`.
 */
function afterSwallowed(text: string, at: number, t: Typographer): number {
  const c = text[at];
  if (c !== '»' && c !== ':') return at;
  t.emit(c);
  return at + 1;
}

export function typography(text: string, lang: string): string {
  const fr = lang === 'fr' || lang.startsWith('fr_') || lang.startsWith('fr-');
  const re = fr ? FR : OTHER;
  re.lastIndex = 0;
  if (!re.test(text)) return text;
  // the loop starts at that first special character, not at 0 again
  re.lastIndex--;
  const t = new Typographer(text);
  const n = text.length;
  for (;;) {
    // `test` rather than `exec`: no match array per special character; every match is one character
    if (!re.test(text)) break;
    const p = re.lastIndex - 1;
    const c = text[p] as string;
    let next = p + 1;
    switch (c) {
      case '~':
      case NBSP:
        t.copy(p, true);
        t.nbspBefore();
        next = t.skipSpaces(p + 1);
        break;
      case "'":
        t.copy(p, false);
        t.emit('\u2019');
        break;
      case '-':
        if (text.charCodeAt(p + 1) === 45 && text.charCodeAt(p + 2) !== 45) {
          t.copy(p, false);
          if (t.last !== '-' && t.last !== '\n') {
            t.emit('\u2014');
            next = p + 2;
          } else t.emit('-');
        } else {
          t.copy(p + 1, false);
        }
        break;
      case ';':
      case '»':
        t.copy(p, true);
        t.nbspBefore();
        t.emit(c);
        break;
      case '«':
        t.copy(p, false);
        t.emit(`«${NBSP}`);
        next = t.skipSpaces(p + 1);
        break;
      case ':': {
        const d = text.charCodeAt(p + 1);
        if (d === 47 && text.charCodeAt(p + 2) === 47 && p > t.i && isLetterCode(text.charCodeAt(p - 1))) {
          // a URL typed in the text: copied as is up to the next space
          let j = p;
          while (j < n && text.charCodeAt(j) > 32 && text.charCodeAt(j) !== 0xa0) j++;
          t.copy(j, false);
          re.lastIndex = j;
          t.i = j;
          continue;
        }
        if (d === 58 || isWordCode(d)) {
          t.copy(p + 1, false);
        } else {
          t.copy(p, true);
          t.nbspBefore();
          t.emit(':');
          next = afterSwallowed(text, p + 1, t);
        }
        break;
      }
      case '!':
      case '?': {
        let j = p + 1;
        while (j < n && (text[j] === '!' || text[j] === '?' || text[j] === '.')) j++;
        const spaced = t.copy(p, true);
        if (spaced || !(t.last === '[' || t.last === '<' || t.last === '(' || t.last === '!' || t.last === '?' || t.last === '.' || t.last === '\u202f')) t.nbspBefore();
        t.emit(text.slice(p, j));
        next = j;
        break;
      }
      case '%': {
        const spaced = t.copy(p, true);
        if (spaced && !isWordCode(text.charCodeAt(p + 1))) {
          t.nbspBefore();
          t.emit('%');
          next = afterSwallowed(text, p + 1, t);
          break;
        }
        if (spaced) t.emit(' ');
        t.emit('%');
        break;
      }
      case '°': {
        // n° 12 → n°&nbsp;12
        const prev = text.charCodeAt(p - 1);
        if ((prev === 110 || prev === 78) && (p < 2 || !isWordCode(text.charCodeAt(p - 2))) && text.charCodeAt(p + 1) === 32) {
          t.copy(p + 1, false);
          t.emit(NBSP);
          next = t.skipSpaces(p + 1);
        } else t.copy(p + 1, false);
        break;
      }
      default: {
        // M. Mme Mr — only as a word of its own
        const title = p === 0 || !isWordCode(text.charCodeAt(p - 1)) ? TITLES.find((t) => text.startsWith(t, p)) : undefined;
        if (title) {
          t.copy(p, false);
          t.emit(title.slice(0, -1) + NBSP);
          next = t.skipSpaces(p + title.length);
        } else {
          t.copy(p + 1, false);
        }
      }
    }
    t.i = next;
    re.lastIndex = next;
  }
  t.copy(n, false);
  return t.out;
}
