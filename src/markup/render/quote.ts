// `<quote>` → `<blockquote class="spip">`.
import type { QuoteNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderQuote(node: QuoteNode, state: RenderState): void {
  state.out += '<blockquote class="spip">\n';
  state.renderNodes(node.children);
  state.out += '</blockquote>\n';
}
