// A `$…$` formula of `<math>`: without a TeX image server, shown as code (the rest is ordinary text).
import type { MathNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import type { RenderState } from './state.ts';

export function renderMath(node: MathNode, state: RenderState): void {
  state.out.push(`<tt><span class="spip_code" dir="ltr">${escapeText(node.value)}</span></tt>`);
}
