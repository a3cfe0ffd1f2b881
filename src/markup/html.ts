// Output helpers. The renderer writes HTML exactly as parse5 serialises it (double-quoted attributes,
// `&amp; &lt; &gt; &nbsp;` escaped), so re-parsing the output gives back the same string. Every piece
// of user text goes through `escapeText` or `escapeAttr`; tag and attribute names come from code or
// from the profile's allow-list, never from the writer.

const TEXT_SPECIAL = /[&<>\u00a0]/g;
const TEXT_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };

/** One pass: the text between special characters is copied as slices (no match arrays, no rescans). */
export function escapeText(s: string): string {
  const re = TEXT_SPECIAL;
  re.lastIndex = 0;
  if (!re.test(s)) return s;
  let out = '';
  let from = 0;
  do {
    const p = re.lastIndex - 1;
    out += s.slice(from, p) + (TEXT_ENTITY[s[p] as string] as string);
    from = p + 1;
  } while (re.test(s));
  return from < s.length ? out + s.slice(from) : out;
}

const ATTR_SPECIAL = /[&"<>\u00a0]/;
const ATTR_SPECIALS = /[&"<>\u00a0]/g;
const ATTR_ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };

// the expressions are constants: a literal in the body is a new RegExp object at every call
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return s.replace(ATTR_SPECIALS, (c) => ATTR_ENTITY[c] as string);
}

export type Attrs = [string, string][];

export function startTag(name: string, attrs: Attrs = []): string {
  let s = `<${name}`;
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return `${s}>`;
}
