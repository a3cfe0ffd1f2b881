// `<quote>` → `<blockquote class="spip">`.
import type { QuoteNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderQuote(node: QuoteNode, state: RenderState): void {
  state.out.push('<blockquote class="spip">\n');
  const { inListItem, inDefinition } = state;
  state.inListItem = false;
  state.inDefinition = false;
  state.renderNodes(node.children);
  Object.assign(state, { inListItem, inDefinition });
  state.out.push('</blockquote>\n');
}
