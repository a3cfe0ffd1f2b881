// A backslash before one of SPIP's markup characters shows that character as typed.
//
//   \ ( \ ~ { } [ ] | < > * # + - _ )
import type { InlineConstruct } from '../construct.ts';

const ESCAPABLE = new Set(['\\', '~', '{', '}', '[', ']', '|', '<', '>', '*', '#', '+', '-', '_']);

export const escape: InlineConstruct = {
  name: 'escape',
  starts: '\\',
  inLinkText: true,
  inTypo: false,
  tokenize(parser, p) {
    const next = parser.text[p + 1];
    if (next === undefined || !ESCAPABLE.has(next)) return -1;
    parser.literal(next, p, p + 2);
    return p + 2;
  },
};
