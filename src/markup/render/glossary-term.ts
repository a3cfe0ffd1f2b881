// A glossary term (annotated by src/glossary): an accessible `<dfn>` linked to the glossary page, with
// the definition as its title. Inside a link it stays plain text (links do not nest).
import type { GlossaryTermNode, InlineNode } from '../ast.ts';
import { escapeAttr } from '../html.ts';
import type { RenderState } from './state.ts';

function plain(nodes: readonly InlineNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.value;
    else if ('children' in n && Array.isArray(n.children)) s += plain(n.children as InlineNode[]);
  }
  return s;
}

export function renderGlossaryTerm(node: GlossaryTermNode, state: RenderState): void {
  if (state.linkDepth > 0) {
    state.renderNodes(node.children);
    return;
  }
  const title = plain(node.definition).trim();
  state.out += `<a href="/glossaire#${escapeAttr(encodeURIComponent(node.slug))}" class="glossaire">`;
  state.out += title ? `<dfn title="${escapeAttr(title)}">` : '<dfn>';
  state.linkDepth++;
  state.renderNodes(node.children);
  state.linkDepth--;
  state.out += '</dfn></a>';
}
