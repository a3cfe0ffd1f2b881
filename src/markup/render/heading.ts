// `{{{Intertitre}}}` → `<h2 class="spip">`.
import type { HeadingNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderHeading(node: HeadingNode, state: RenderState): void {
  const level = Math.min(6, Math.max(1, node.level));
  state.out += `<h${level} class="spip">`;
  state.phrasingDepth++;
  state.renderNodes(node.children);
  state.phrasingDepth--;
  state.out += `</h${level}>\n`;
}
