// Scripts, styles and other executable HTML: shown as text, as SPIP does when it filters javascript.
import type { EscapedHtmlNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import type { RenderState } from './state.ts';

export function renderEscapedHtml(node: EscapedHtmlNode, state: RenderState): void {
  state.out.push(`<code class="echappe-js">${escapeText(node.value)}</code>`);
}
