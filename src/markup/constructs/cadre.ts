// `<cadre>…</cadre>` (or `<frame>`): text shown as typed in a read-only text area.
//
//   <cadre> text </cadre>
import type { TagConstruct } from '../construct.ts';
import { readRawRegion } from './raw-block.ts';

export const cadre: TagConstruct = {
  name: 'cadre',
  tags: ['cadre', 'frame'],
  tokenize(scanner, p, tag) {
    const region = readRawRegion(scanner.src, tag, scanner.finder);
    if (!region) return -1;
    scanner.flushText(p);
    scanner.add({ kind: 'cadre', value: region.content, start: p, end: region.end });
    return (scanner.textStart = region.end);
  },
};
