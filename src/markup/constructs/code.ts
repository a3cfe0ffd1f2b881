// `<code>…</code>`: its content is taken as typed (SPIP's "échappement"); with a newline in it, a code
// block, otherwise inline code.
//
//   <code …> text </code>
import type { TagConstruct } from '../construct.ts';
import { readRawRegion } from './raw-block.ts';

export const code: TagConstruct = {
  name: 'code',
  tags: ['code'],
  tokenize(scanner, p, tag) {
    const region = readRawRegion(scanner.src, tag, scanner.finder);
    if (!region) return -1;
    scanner.flushText(p);
    scanner.add({ kind: 'code', value: region.content, block: region.content.includes('\n'), start: p, end: region.end });
    return (scanner.textStart = region.end);
  },
};
