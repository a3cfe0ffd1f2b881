// `<code>…</code>` on one line: shown as typed.
import type { InlineCodeNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import type { RenderState } from './state.ts';

export function renderInlineCode(node: InlineCodeNode, state: RenderState): void {
  state.out.push(`<code class="spip_code" dir="ltr">${escapeText(node.value)}</code>`);
}
