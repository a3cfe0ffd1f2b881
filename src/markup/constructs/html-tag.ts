// Raw HTML tags typed by the writer: `<name attr="v">`, `</name>`, `<br/>`, `<!-- … -->`.
//
//   <  name  ( attr ( = "…" | '…' | bare )? )*  /? >
//
// A hand-written tokenizer, not a regular expression: a `<` inside a tag (outside quotes) ends the
// attempt, and quote searches go through a memo, so hostile input (thousands of `<a title="`) stays linear.
import type { Attribute } from '../ast.ts';
import type { ScanConstruct } from '../construct.ts';
import type { Finder } from '../finder.ts';
import type { TagToken } from '../tokens.ts';

const MAX_TAG_LENGTH = 4000;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Reads a tag starting at `pos` (which holds `<`); null when the text there is not a tag. */
export function readTag(src: string, pos: number, finder: Finder): TagToken | null {
  let i = pos + 1;
  let closing = false;
  if (src.charCodeAt(i) === 47) {
    closing = true;
    i++;
  }
  if (!isNameStart(src.charCodeAt(i))) return null;
  const nameStart = i;
  while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
  const name = src.slice(nameStart, i).toLowerCase();
  // `<http://…>`, `<me@example.com>`: not tags
  const after = src.charCodeAt(i);
  if (!(isSpace(after) || after === 47 || after === 62)) return null;
  const attrs: Attribute[] = [];
  const limit = Math.min(src.length, pos + MAX_TAG_LENGTH);
  let selfClosing = false;
  while (i < limit) {
    const c = src.charCodeAt(i);
    if (c === 62) return { name, attrs, closing, selfClosing, end: i + 1 };
    if (c === 60) return null;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47) {
      selfClosing = true;
      i++;
      continue;
    }
    selfClosing = false;
    // attribute name: anything up to space, =, >, /
    const an = i;
    while (i < limit) {
      const d = src.charCodeAt(i);
      if (isSpace(d) || d === 61 || d === 62 || d === 47 || d === 60) break;
      i++;
    }
    if (i === an) {
      // a lone `=`: skip it
      i++;
      continue;
    }
    const attrName = src.slice(an, i).toLowerCase();
    let j = i;
    while (j < limit && isSpace(src.charCodeAt(j))) j++;
    let value = '';
    if (src.charCodeAt(j) === 61) {
      j++;
      while (j < limit && isSpace(src.charCodeAt(j))) j++;
      const q = src.charCodeAt(j);
      if (q === 34 || q === 39) {
        const close = finder.next(q === 34 ? '"' : "'", j + 1);
        if (close < 0 || close >= limit) return null;
        value = src.slice(j + 1, close);
        i = close + 1;
      } else {
        const vs = j;
        while (j < limit) {
          const d = src.charCodeAt(j);
          if (isSpace(d) || d === 62) break;
          if (d === 60) return null;
          j++;
        }
        value = src.slice(vs, j);
        i = j;
      }
    }
    if (!attrs.some((a) => a.name === attrName)) attrs.push({ name: attrName, value });
  }
  return null;
}

/** `<img5>`, `<doc12>`: models, although they read as tags. */
function looksLikeModel(tag: TagToken): boolean {
  return !tag.closing && /^[a-z_]+\d+$/.test(tag.name) && !/^h[1-6]$/.test(tag.name);
}

/**
 * A raw HTML tag becomes an island for the profile to judge at render time; a tag whose name opens a
 * region or a container (`<code>`, `<quote>`: the profile's tag table) is read by that construct.
 */
export const htmlTag: ScanConstruct = {
  name: 'htmlTag',
  starts: '<',
  tokenize(scanner, p) {
    const src = scanner.src;
    const tag = readTag(src, p, scanner.finder);
    if (!tag || looksLikeModel(tag)) return -1;
    const named = (tag.closing ? scanner.syntax.endTags : scanner.syntax.tags).get(tag.name);
    if (named !== undefined) {
      const next = named.tokenize(scanner, p, tag);
      return next >= 0 ? next : p + 1;
    }
    scanner.flushText(p);
    scanner.add({ kind: 'tag', tag, source: src.slice(p, tag.end), start: p, end: tag.end });
    return (scanner.textStart = tag.end);
  },
};
