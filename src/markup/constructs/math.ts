// `<math>…</math>`: SPIP text in which each `$…$` formula is protected (kept as typed for the renderer).
//
//   <math> text ( $ formula $ text )* </math>      an unpaired last `$` stays as typed
import type { TagConstruct } from '../construct.ts';
import { readRawRegion } from './raw-block.ts';

export const math: TagConstruct = {
  name: 'math',
  tags: ['math'],
  tokenize(scanner, p, tag) {
    const region = readRawRegion(scanner.src, tag, scanner.finder);
    if (!region) return -1;
    scanner.flushText(p);
    const parts = region.content.split('$');
    let at = region.contentStart;
    parts.forEach((part, k) => {
      if (k % 2 === 1 && k < parts.length - 1) scanner.add({ kind: 'math', value: part, start: at, end: at + part.length });
      else scanner.top().text(k % 2 === 1 ? at - 1 : at, at + part.length);
      at += part.length + 1;
    });
    return (scanner.textStart = region.end);
  },
};
