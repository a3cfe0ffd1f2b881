// Line breaks: automatic (a newline in a paragraph), forced (`_ `), or a `<br>` the writer typed.
import type { BreakNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderBreak(node: BreakNode, state: RenderState): void {
  state.out.push(node.kind === 'auto' ? '<br class="autobr">\n' : node.kind === 'manual' ? '<br class="manualbr">' : '<br>');
}
