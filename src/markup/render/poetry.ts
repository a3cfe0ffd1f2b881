// `<poesie>` → `<blockquote class="spip_poesie">`, one `<div>` per line.
import type { PoetryNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderPoetry(node: PoetryNode, state: RenderState): void {
  state.out += '<blockquote class="spip_poesie">';
  state.phrasingDepth++;
  for (const line of node.lines) {
    state.out += '<div>';
    state.renderNodes(line);
    state.out += '</div>\n';
  }
  state.phrasingDepth--;
  state.out += '</blockquote>\n';
}
