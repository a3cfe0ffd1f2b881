// SPIP models ("modèles"): `<doc5|left>`, `<img12|center>`, `<emb3>`, `<nom|param=…>`.
//
//   <  name  digits?  ( | param )*  >      (digits or a `|` is required, so `<b>` stays a tag)
//
// Parameters may contain a link shortcut (`lien=[->http://…]`), whose `->` must not end the tag.
import type { ScanConstruct } from '../construct.ts';
import type { ModelToken } from '../tokens.ts';

const MAX_MODEL_LENGTH = 1000;

export function readModel(src: string, pos: number): ModelToken | null {
  let i = pos + 1;
  const ns = i;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) i++;
    else break;
  }
  if (i - ns < 2) return null;
  const name = src.slice(ns, i).toLowerCase();
  const ds = i;
  while (i < src.length && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
  const digits = src.slice(ds, i);
  const c = src.charCodeAt(i);
  if (c === 62 && digits) return { name, id: Number(digits.slice(0, 15)), params: [], end: i + 1 };
  if (c !== 124) return null;
  const limit = Math.min(src.length, pos + MAX_MODEL_LENGTH);
  let depth = 0;
  const ps = i + 1;
  for (i = ps; i < limit; i++) {
    const d = src.charCodeAt(i);
    if (d === 91) depth++;
    else if (d === 93 && depth > 0) depth--;
    else if (d === 60 || d === 10) return null;
    else if (d === 62 && depth === 0) {
      return { name, id: digits ? Number(digits.slice(0, 15)) : null, params: src.slice(ps, i).split('|'), end: i + 1 };
    }
  }
  return null;
}

export const model: ScanConstruct = {
  name: 'model',
  starts: '<',
  tokenize(scanner, p) {
    const token = readModel(scanner.src, p);
    if (!token) return -1;
    scanner.flushText(p);
    scanner.add({ kind: 'model', model: token, source: scanner.src.slice(p, token.end), start: p, end: token.end });
    return (scanner.textStart = token.end);
  },
};
