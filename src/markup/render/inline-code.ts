// `<code>…</code>` on one line: shown as typed.
import type { InlineCodeNode } from '../ast.ts';
import type { RenderState } from './state.ts';
import { codeText } from './code-block.ts';

export function renderInlineCode(node: InlineCodeNode, state: RenderState): void {
  state.out.push(`<code class="spip_code" dir="ltr">${codeText(node.value)}</code>`);
}
