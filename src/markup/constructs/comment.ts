// HTML comments typed in the text are dropped: nothing a reader needs, and a classic smuggling vector.
//
//   <!-- … -->        (unclosed: the `<` is text)
import type { ScanConstruct } from '../construct.ts';

export const comment: ScanConstruct = {
  name: 'comment',
  starts: '<',
  tokenize(scanner, p) {
    if (!scanner.src.startsWith('<!--', p)) return -1;
    const close = scanner.finder.next('-->', p + 4);
    if (close < 0) return p + 1;
    scanner.flushText(p);
    return (scanner.textStart = close + 3);
  },
};
