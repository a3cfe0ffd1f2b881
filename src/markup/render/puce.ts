// `- ` at line start: SPIP's decorative bullet ("puce"); `-- `: a dash. Both end with a no-break space.
import type { PuceNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderPuce(node: PuceNode, state: RenderState): void {
  if (node.afterBreak) state.out.push('<br>');
  state.out.push(node.kind === 'puce' ? '<span class="spip-puce ltr"><b>–</b></span>&nbsp;' : '—&nbsp;');
}
