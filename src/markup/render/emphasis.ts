// `{italique}` → `<i>`, as SPIP writes it.
import type { EmphasisNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderEmphasis(node: EmphasisNode, state: RenderState): void {
  state.out.push('<i>');
  state.renderNodes(node.children);
  state.out.push('</i>');
}
