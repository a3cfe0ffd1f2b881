// Bold and italics: `{{…}}` and `{…}`, on the inline parser's stack of open frames (with raw inline
// HTML). A run of `{` opens strong frames two by two, an odd one an italic; a `}` closes the innermost
// matching frame (the frames above it are closed and reopened). `{}` and `{{}}` are text; a closer
// with no opener is dropped.
//
//   {{ inline… }}     { inline… }
import type { InlineConstruct, InlineState } from '../construct.ts';

export const emphasis: InlineConstruct = {
  name: 'emphasis',
  starts: '{}',
  inLinkText: true,
  inTypo: false,
  tokenize(parser, p) {
    return parser.text.charCodeAt(p) === 123 ? open(parser, p) : close(parser, p);
  },
};

function open(parser: InlineState, p: number): number {
  const text = parser.text;
  const end = parser.end;
  let k = p;
  while (text.charCodeAt(k) === 123 && k < end) k++;
  let n = k - p;
  if (text.charCodeAt(k) === 125) {
    let kk = k;
    while (text.charCodeAt(kk) === 125 && kk < end) kk++;
    if (kk - k === n && n <= 2) {
      parser.pending.addRange(p, kk);
      return kk;
    }
  }
  let at = p;
  while (n > 0) {
    const kind = n >= 2 ? 'strong' : 'emphasis';
    const width = n >= 2 ? 2 : 1;
    if (!parser.open(kind, at)) {
      parser.pending.addRange(at, k);
      break;
    }
    at += width;
    n -= width;
    parser.bufStart = at;
  }
  parser.bufStart = k;
  return k;
}

function close(parser: InlineState, p: number): number {
  const text = parser.text;
  const end = parser.end;
  let k = p;
  while (text.charCodeAt(k) === 125 && k < end) k++;
  let n = k - p;
  let at = p;
  while (n > 0) {
    const top = parser.cur();
    let width = 0;
    if (top.kind === 'emphasis') width = parser.close((f) => f === top, at, '', at + 1) ? 1 : 0;
    else if (top.kind === 'strong' && n >= 2) width = parser.close((f) => f === top, at, '', at + 2) ? 2 : 0;
    else if (n >= 2 && parser.close((f) => f.kind === 'strong', at, '', at + 2)) width = 2;
    else if (parser.close((f) => f.kind === 'emphasis', at, '', at + 1)) width = 1;
    // no opener: dropped, as the browser drops SPIP's stray `</i>`
    if (width === 0) width = 1;
    at += width;
    n -= width;
  }
  parser.bufStart = k;
  return k;
}
