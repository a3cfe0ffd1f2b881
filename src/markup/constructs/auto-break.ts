// A newline inside a paragraph: an automatic line break (none next to a `<br>` typed beside it, none
// before anything is shown), then the next line's start marks (`_ `, `-`) are read.
//
//   text \n text
import type { InlineConstruct } from '../construct.ts';
import type { Island } from '../tokens.ts';
import { placeholderIndex } from '../working.ts';

export const autoBreak: InlineConstruct = {
  name: 'autoBreak',
  starts: '\n',
  inLinkText: true,
  inTypo: true,
  tokenize(parser, p) {
    parser.flush(p);
    const j = p + 1;
    const k = parser.lineStart(j, true);
    if (k >= 0) return k;
    const opts = parser.opts;
    if (!opts.typoOnly && !opts.noAutoBreak) {
      const cur = parser.cur();
      const prev = cur.children[cur.children.length - 1];
      const prevIsBr = prev?.type === 'element' && prev.tagName === 'br';
      const nextIsBr = parser.text.charCodeAt(j) === 0xe000 && isBrIsland(parser.ctx.islands[placeholderIndex(parser.text, j)]);
      // nothing shown yet in the run (a stray `}` was dropped): a break would open the paragraph
      const atStart = parser.frames.length === 1 && parser.root.children.length === 0;
      if (!prevIsBr && !nextIsBr && !atStart) cur.children.push({ type: 'break', kind: 'auto', position: parser.pos(p, j) });
    }
    parser.pending.addRange(p, j);
    parser.bufStart = p;
    return j;
  },
};

function isBrIsland(island: Island | undefined): boolean {
  return island?.kind === 'tag' && island.tag.name === 'br';
}
