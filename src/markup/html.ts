// Output helpers. The renderer writes HTML exactly as parse5 serialises it (double-quoted attributes,
// `&amp; &lt; &gt; &nbsp;` escaped), so re-parsing the output gives back the same string. Every piece
// of user text goes through `escapeText` or `escapeAttr`; tag and attribute names come from code or
// from the profile's allow-list, never from the writer.

const TEXT_SPECIAL = /[&<>\u00a0]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  let out = s;
  if (out.includes('&')) out = out.replaceAll('&', '&amp;');
  if (out.includes('<')) out = out.replaceAll('<', '&lt;');
  if (out.includes('>')) out = out.replaceAll('>', '&gt;');
  if (out.includes('\u00a0')) out = out.replaceAll('\u00a0', '&nbsp;');
  return out;
}

export function escapeAttr(s: string): string {
  if (!/[&"<>\u00a0]/.test(s)) return s;
  return s.replace(/[&"<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

export type Attrs = [string, string][];

export function startTag(name: string, attrs: Attrs = []): string {
  let s = `<${name}`;
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return `${s}>`;
}
