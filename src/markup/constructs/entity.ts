// Character references typed in the text (`&eacute;`, `&#8217;`, `&nbsp;`) become the characters they
// name, so the renderer escapes everything uniformly; a `&` that starts no valid reference stays a `&`.
//
//   & ( name | #digits | #x hex ) ;
import { decodeHTMLStrict } from 'entities';
import type { InlineConstruct } from '../construct.ts';

export function readEntity(text: string, pos: number): { value: string; end: number } | null {
  let i = pos + 1;
  const max = Math.min(text.length, pos + 34);
  if (text.charCodeAt(i) === 35) i++;
  const start = i;
  while (i < max) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) i++;
    else break;
  }
  if (i === start || text.charCodeAt(i) !== 59) return null;
  const raw = text.slice(pos, i + 1);
  const value = decodeHTMLStrict(raw);
  if (value === raw) return null;
  // a reference to NUL or a control character would smuggle what the scanner neutralised
  if (/[\0\uE000\uE001\r]/.test(value)) return { value: '\uFFFD', end: i + 1 };
  return { value, end: i + 1 };
}

export const entity: InlineConstruct = {
  name: 'entity',
  starts: '&',
  inLinkText: true,
  inTypo: true,
  tokenize(parser, p) {
    const ent = readEntity(parser.text, p);
    if (!ent) return -1;
    parser.pending.add(ent.value);
    return ent.end;
  },
};
