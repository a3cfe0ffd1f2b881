// `<math>`: without a TeX image server, the `$…$` formulas show as code, the rest as text.
import type { MathNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import type { RenderState } from './state.ts';

export function renderMath(node: MathNode, state: RenderState): void {
  node.value.split('$').forEach((part, k) => {
    if (k % 2 === 1) state.out += `<tt><span class="spip_code" dir="ltr">${escapeText(part)}</span></tt>`;
    else state.out += escapeText(part);
  });
}
