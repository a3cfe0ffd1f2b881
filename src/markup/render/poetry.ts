// `<poesie>` → `<blockquote class="spip_poesie">`, one `<div>` per line.
import type { PoetryNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderPoetry(node: PoetryNode, state: RenderState): void {
  state.out.push('<blockquote class="spip_poesie">');
  state.phrasingDepth++;
  for (const line of node.lines) {
    state.out.push('<div>');
    state.renderNodes(line);
    state.out.push('</div>\n');
  }
  state.phrasingDepth--;
  state.out.push('</blockquote>\n');
}
