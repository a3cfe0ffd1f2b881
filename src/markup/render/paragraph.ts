// Paragraphs (`<p>`), and inline runs SPIP leaves unwrapped (inside raw HTML blocks, list items, cells).
import type { ParagraphNode, PhrasingNode } from '../ast.ts';
import type { RenderState } from './state.ts';

export function renderParagraph(node: ParagraphNode, state: RenderState): void {
  state.out.push('<p>');
  state.phrasingDepth++;
  state.renderNodes(node.children);
  state.phrasingDepth--;
  state.out.push('</p>\n');
}

export function renderPhrasing(node: PhrasingNode, state: RenderState): void {
  state.phrasingDepth++;
  state.renderNodes(node.children);
  state.phrasingDepth--;
}
