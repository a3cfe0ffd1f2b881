// `{{gras}}` → `<strong>`.
import type { StrongNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderStrong(node: StrongNode, state: RenderState): void {
  state.out.push('<strong>');
  state.renderNodes(node.children);
  state.out.push('</strong>');
}
