// Typography of the text's language, as SPIP 4.1 does it, on plain text (never on code, URLs or
// attributes: the renderer calls it on text nodes only). French: a no-break space before `; : ! ? %`
// and `»`, after `«`, `M.`/`Mme`; `~` is a forced no-break space; `'` becomes `’`; `--` becomes `—`.
// Other languages: `~`, apostrophes and `--` only. One pass, spaces kept pending until we know whether
// the next character swallows them into a no-break space.

const NBSP = '\u00a0';

function isWord(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u202f';
}

const TITLES = ['MM. ', 'Mmes ', 'Mme ', 'Mr. ', 'Mr ', 'M. ', 'n° ', 'N° '];

export function typography(text: string, lang: string): string {
  const fr = lang === 'fr' || lang.startsWith('fr_') || lang === 'fr-';
  let out = '';
  let pending = '';
  let forced = false;
  const n = text.length;
  const nb = () => {
    pending = '';
    if (!out.endsWith(NBSP)) out += NBSP;
  };
  const flushSpaces = () => {
    if (pending) {
      out += pending;
      pending = '';
    }
  };
  for (let i = 0; i < n; i++) {
    const c = text[i] as string;
    if (c === '~' || c === NBSP) {
      pending = '';
      nb();
      forced = true;
      continue;
    }
    if (isSpace(c)) {
      if (forced) continue;
      if (c === '\u202f') {
        flushSpaces();
        out += c;
        forced = true;
        continue;
      }
      pending += c;
      continue;
    }
    const wasForced = forced;
    forced = false;
    if (c === "'") {
      flushSpaces();
      out += '\u2019';
      continue;
    }
    if (c === '-' && text[i + 1] === '-' && text[i + 2] !== '-') {
      const before = pending ? ' ' : out[out.length - 1];
      if (before !== '-' && before !== '\n') {
        flushSpaces();
        out += '\u2014';
        i++;
        continue;
      }
    }
    if (!fr) {
      flushSpaces();
      out += c;
      continue;
    }
    switch (c) {
      case ';':
      case '»':
        if (!wasForced) nb();
        pending = '';
        out += c;
        continue;
      case ':': {
        const next = text[i + 1];
        if (next === '/' && text[i + 2] === '/' && /[a-z]$/i.test(out) && !pending) {
          // a URL typed in the text: copied as is up to the next space
          let j = i;
          while (j < n && !isSpace(text[j] as string) && text[j] !== '\n' && text[j] !== NBSP) j++;
          out += text.slice(i, j);
          i = j - 1;
          continue;
        }
        if (next !== ':' && !isWord(next)) {
          if (!wasForced) nb();
          pending = '';
        } else {
          flushSpaces();
        }
        out += c;
        continue;
      }
      case '!':
      case '?': {
        let j = i + 1;
        while (j < n && (text[j] === '!' || text[j] === '?' || text[j] === '.')) j++;
        const prev = out[out.length - 1];
        if (pending || wasForced || !(prev === '[' || prev === '<' || prev === '(' || prev === '!' || prev === '?' || prev === '.')) {
          if (!wasForced) nb();
          pending = '';
        }
        out += text.slice(i, j);
        i = j - 1;
        continue;
      }
      case '%': {
        const next = text[i + 1];
        if (pending && !isWord(next)) nb();
        flushSpaces();
        out += c;
        continue;
      }
      case '«':
        flushSpaces();
        out += c + NBSP;
        forced = true;
        continue;
      case 'M':
      case 'n':
      case 'N': {
        flushSpaces();
        const prev = out[out.length - 1];
        if (!isWord(prev)) {
          const title = TITLES.find((t) => text.startsWith(t, i));
          if (title) {
            out += title.slice(0, -1) + NBSP;
            i += title.length - 1;
            forced = true;
            continue;
          }
        }
        out += c;
        continue;
      }
      default:
        flushSpaces();
        out += c;
    }
  }
  flushSpaces();
  return out;
}
