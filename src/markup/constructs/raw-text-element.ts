// Raw-text HTML elements (`<script>`, `<style>`, `<textarea>`, `<title>`…): the whole element is shown
// as text, never executed; an `<iframe>` is kept as an element (its content never shown) for the
// profile to judge.
//
//   <script …> text </script>      (unclosed: the start tag alone)
import type { TagConstruct } from '../construct.ts';
import { RAW_TEXT_HTML, readRawRegion } from './raw-block.ts';

export const rawTextElement: TagConstruct = {
  name: 'rawTextElement',
  tags: [...RAW_TEXT_HTML],
  tokenize(scanner, p, tag) {
    const src = scanner.src;
    const region = readRawRegion(src, tag, scanner.finder);
    scanner.flushText(p);
    const end = region ? region.end : tag.end;
    if (tag.name === 'iframe') {
      scanner.add({ kind: 'tag', tag, source: src.slice(p, tag.end), start: p, end: tag.end });
      scanner.add({ kind: 'tag', tag: { name: 'iframe', attrs: [], closing: true, selfClosing: false, end }, source: region ? src.slice(end - 9, end) : '', start: end, end });
    } else {
      scanner.add({ kind: 'escaped', value: src.slice(p, end), start: p, end });
    }
    return (scanner.textStart = end);
  },
};
