// The containers of blocks opened and closed by tags (`<quote>`, `<poesie>`): what a start tag opens,
// the matching end tag closes (closing what is open inside it); an end tag with nothing to close, or a
// start tag past the nesting cap, is shown as text.
import type { TagConstruct } from '../construct.ts';

/** A tag with no attribute: nothing in it that typography would change. */
const BARE_TAG = /^<\/?[a-z]+>$/i;

/** The tokenizer of a container's start and end tags. */
export function readContainerTag(kind: 'quote' | 'poesie'): TagConstruct['tokenize'] {
  return (scanner, p, tag) => {
    const src = scanner.src;
    if (!tag.closing) {
      if (scanner.canOpen()) {
        scanner.flushText(p);
        scanner.open(kind, p, tag.end);
        return (scanner.textStart = tag.end);
      }
    } else {
      const stack = scanner.stack;
      let d = stack.length - 1;
      while (d > 0 && (stack[d] as (typeof stack)[number]).kind !== kind) d--;
      if (d > 0) {
        scanner.flushText(p);
        while (stack.length - 1 > d) scanner.dissolve();
        const b = scanner.close();
        scanner.add({ kind, inner: b.finish(), start: b.openStart, end: tag.end });
        return (scanner.textStart = tag.end);
      }
    }
    // unmatched: shown as text. A bare `<quote>` stays in the surrounding text run (typography
    // has nothing to change in it): thousands of unclosed quotes then cost what text costs.
    const source = src.slice(p, tag.end);
    if (BARE_TAG.test(source)) return tag.end;
    scanner.flushText(p);
    scanner.add({ kind: 'rawText', value: source, start: p, end: tag.end });
    return (scanner.textStart = tag.end);
  };
}
