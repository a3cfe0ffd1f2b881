// `{{{Intertitre}}}` → `<h2 class="spip">`.
import type { HeadingNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderHeading(node: HeadingNode, state: RenderState): void {
  if (state.headingDepth > 0) {
    state.renderNodes(node.children);
    return;
  }
  const level = Math.min(6, Math.max(1, node.level));
  state.headingDepth++;
  state.out.push(`<h${level} class="spip">`);
  state.phrasingDepth++;
  state.renderNodes(node.children);
  state.phrasingDepth--;
  state.headingDepth--;
  state.out.push(`</h${level}>\n`);
}
