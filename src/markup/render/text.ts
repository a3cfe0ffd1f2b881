// Text: the language's typography (unless the text is literal), then escaped.
import type { TextNode } from '../ast.ts';
import { escapeText } from '../html.ts';
import { typography } from '../typography.ts';
import type { RenderState } from './state.ts';

export function renderText(node: TextNode, state: RenderState): void {
  state.out.push(escapeText(node.literal ? node.value : typography(node.value, state.lang)));
}
