// `<multi>[fr]bonjour [en]hello</multi>`: keeps the block of the text's language (or the first one).
//
//   <multi> text? ( [lang] text )* </multi>
import type { TagConstruct } from '../construct.ts';

export function chooseMultiVariant(content: string, lang: string): { start: number; end: number } {
  const variants: { lang: string; start: number; end: number }[] = [];
  let i = 0;
  let current = { lang: '', start: 0 };
  let close = -1;
  while (i < content.length) {
    const open = content.indexOf('[', i);
    if (open < 0) break;
    // reuse the last `]` while it is still ahead: many `[` before one `]` stay linear
    if (close < open) close = content.indexOf(']', open);
    if (close < 0) break;
    const code = content.slice(open + 1, close);
    if (/^[a-z]{2,3}(?:_[a-z]{2,4})?$/.test(code)) {
      variants.push({ lang: current.lang, start: current.start, end: open });
      current = { lang: code, start: close + 1 };
      i = close + 1;
    } else {
      i = open + 1;
    }
  }
  variants.push({ lang: current.lang, start: current.start, end: content.length });
  const named = variants.filter((v) => v.lang !== '' || content.slice(v.start, v.end).trim() !== '');
  const chosen = named.find((v) => v.lang === lang) ?? named.find((v) => v.lang !== '') ?? named[0] ?? { start: 0, end: 0 };
  let { start, end } = chosen;
  while (start < end && /\s/.test(content[start] ?? '')) start++;
  while (end > start && /\s/.test(content[end - 1] ?? '')) end--;
  return { start, end };
}

/** `<multi>…</multi>`: the chosen variant is ordinary SPIP text, scanned in place; tags inside it stay text. */
export const multi: TagConstruct = {
  name: 'multi',
  tags: ['multi'],
  tokenize(scanner, p, tag) {
    const src = scanner.src;
    const close = scanner.finder.nextInsensitive('</multi>', tag.end);
    if (close < 0) return -1;
    scanner.flushText(p);
    const v = chooseMultiVariant(src.slice(tag.end, close), scanner.lang);
    scanner.top().text(tag.end + v.start, tag.end + v.end);
    return (scanner.textStart = close + 8);
  },
};
