// Bare URLs become links (TextWheel's "autoliens"): `http://…`, `https://…`, `ftp://…`, `www.…`.
//
//   (start | non-word) ( https?:// | ftp:// | www. ) url-chars+      minus trailing . , ; : ! ? ) '
//
// The end is found by a plain character scan; trailing punctuation belongs to the sentence. Candidates
// are found by two memoised searches (`://`, `www.`), so ordinary letters cost nothing.
import type { LinkNode } from '../ast.ts';
import type { InlineConstruct, InlineState } from '../construct.ts';

function isUrlChar(c: number): boolean {
  // stop at whitespace, quotes, angle brackets, SPIP brackets/braces, placeholders
  if (c <= 32 || c === 34 || c === 60 || c === 62 || c === 91 || c === 93 || c === 123 || c === 125 || c === 124) return false;
  if (c === 0xe000 || c === 0xe001 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000) return false;
  return true;
}

export function autolinkStartAt(text: string, pos: number): number {
  // returns the prefix length when a URL starts here
  const c = text.charCodeAt(pos);
  if (c === 104 || c === 72) {
    if (/^https?:\/\//i.test(text.slice(pos, pos + 8))) return text.charCodeAt(pos + 4) === 58 ? 7 : 8;
    return 0;
  }
  if (c === 102 || c === 70) return /^ftp:\/\//i.test(text.slice(pos, pos + 6)) ? 6 : 0;
  if (c === 119 || c === 87) return /^www\./i.test(text.slice(pos, pos + 4)) ? 4 : 0;
  return 0;
}

/** End of the URL starting at `pos` whose scheme/prefix is `prefix` characters long; 0 when too short. */
export function readAutolink(text: string, pos: number, end: number, prefix: number): number {
  let i = pos + prefix;
  while (i < end && isUrlChar(text.charCodeAt(i))) i++;
  while (i > pos + prefix && ".,;:!?)'\u2019".includes(text[i - 1] as string)) i--;
  if (i - (pos + prefix) < 2) return 0;
  // a host needs a dot or a path
  const rest = text.slice(pos + prefix, i);
  if (prefix === 4 && !rest.includes('.')) return 0;
  return i;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/** Start of the next `http://`, `https://`, `ftp://` or `www.` at or after `from`, or -1. */
function nextUrlCandidate(parser: InlineState, from: number): number {
  const text = parser.text;
  const scheme = (parser.schemeCursor ??= parser.finder.cursor('://'));
  const wwwSearch = (parser.wwwCursor ??= parser.finder.cursor('www.'));
  for (;;) {
    const q = scheme.next(from);
    const nextWww = wwwSearch.next(from);
    let cand = -1;
    if (q >= 0) {
      const lower = text.slice(Math.max(0, q - 5), q).toLowerCase();
      const start = lower.endsWith('https') ? q - 5 : lower.endsWith('http') ? q - 4 : lower.endsWith('ftp') ? q - 3 : -1;
      if (start >= from) cand = start;
      else if (nextWww === -1 || nextWww > q) {
        // not a URL scheme here: look further
        from = q + 3;
        if (from >= parser.end) return -1;
        continue;
      }
    }
    const www = nextWww;
    if (www >= 0 && (cand < 0 || www < cand)) cand = www;
    return cand >= 0 && cand < parser.end ? cand : -1;
  }
}

export const autolink: InlineConstruct = {
  name: 'autolink',
  starts: '',
  inLinkText: false,
  inTypo: false,
  find: nextUrlCandidate,
  needles: ['://', 'www.'],
  tokenize(parser, p) {
    const text = parser.text;
    const prevChar = p > parser.start ? text.charCodeAt(p - 1) : 32;
    const prefix = autolinkStartAt(text, p);
    if (prefix === 0 || isWordChar(prevChar) || prevChar === 47 || prevChar === 64 || prevChar === 46 || prevChar === 58) return -1;
    const urlEnd = readAutolink(text, p, parser.end, prefix);
    if (urlEnd <= 0) return -1;
    const url = text.slice(p, urlEnd);
    const bracketed = prevChar === 60 && text.charCodeAt(urlEnd) === 62 && parser.pending.lastCharCode() === 60;
    if (bracketed) parser.pending.dropLast();
    parser.flush(p);
    const node: LinkNode = {
      type: 'link',
      kind: 'auto',
      target: prefix === 4 ? `http://${url}` : url,
      generatedText: true,
      children: [{ type: 'text', value: url, literal: true }],
      position: parser.pos(p, urlEnd),
    };
    if (bracketed) node.bracketed = true;
    parser.cur().children.push(node);
    const after = bracketed ? urlEnd + 1 : urlEnd;
    parser.bufStart = after;
    return after;
  },
};
