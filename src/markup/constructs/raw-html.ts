// `<html>…</html>` and `<pre>…</pre>`: raw HTML written by an editor. Tags stay tags, text is taken
// literally (no shortcuts, no typography); raw-text elements inside are shown as text.
//
//   <html> ( tag | text )* </html>        <pre …> text </pre>
import type { ScanState, TagConstruct } from '../construct.ts';
import { RAW_TEXT_HTML, readRawRegion } from './raw-block.ts';
import { readTag } from './html-tag.ts';

export const rawHtml: TagConstruct = {
  name: 'rawHtml',
  tags: ['html', 'pre'],
  tokenize(scanner, p, tag) {
    const src = scanner.src;
    const region = readRawRegion(src, tag, scanner.finder);
    if (!region) return -1;
    scanner.flushText(p);
    if (tag.name === 'pre') {
      scanner.add({ kind: 'tag', tag, source: src.slice(p, tag.end), start: p, end: tag.end });
      if (region.content) scanner.add({ kind: 'rawText', value: region.content, start: region.contentStart, end: region.contentStart + region.content.length });
      const closeStart = region.contentStart + region.content.length;
      scanner.add({ kind: 'tag', tag: { name: 'pre', attrs: [], closing: true, selfClosing: false, end: region.end }, source: src.slice(closeStart, region.end), start: closeStart, end: region.end });
    } else {
      scanRawHtml(scanner, region.contentStart, region.contentStart + region.content.length);
    }
    return (scanner.textStart = region.end);
  },
};

/** `<html>` content, [from, to): each tag an island, the text between them literal. */
function scanRawHtml(scanner: ScanState, from: number, to: number): void {
  const src = scanner.src;
  let i = from;
  let textStart = from;
  const flush = (end: number) => {
    // whitespace between raw tags is layout, not content
    if (end > textStart && src.slice(textStart, end).trim() !== '') scanner.add({ kind: 'rawText', value: src.slice(textStart, end), start: textStart, end });
  };
  while (i < to) {
    const lt = src.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const tag = readTag(src, lt, scanner.finder);
    if (tag && tag.end <= to) {
      flush(lt);
      if (!tag.closing && RAW_TEXT_HTML.has(tag.name)) {
        const region = readRawRegion(src, tag, scanner.finder);
        const end = region && region.end <= to ? region.end : tag.end;
        scanner.add({ kind: 'escaped', value: src.slice(lt, end), start: lt, end });
        i = textStart = end;
        continue;
      }
      scanner.add({ kind: 'tag', tag, source: src.slice(lt, tag.end), start: lt, end: tag.end });
      i = textStart = tag.end;
    } else {
      i = lt + 1;
    }
  }
  flush(to);
}
