// A glossary term (annotated by src/glossary): a link to its entry on /glossaire, described (aria-describedby)
// by a tooltip holding the short definition, right after it:
//
//   <span class="glossary-term"><a href="/glossaire#scop" class="glossary-term__link"
//   aria-describedby="glossaire-scop-1">SCOP</a><span class="glossary-term__sep"> (</span><span
//   class="glossary-term__tip" role="tooltip" id="glossaire-scop-1">Société coopérative…</span><span
//   class="glossary-term__sep">)</span></span>
//
// The site's glossary.css hides the tooltip until hover or focus and the parentheses always; without that
// stylesheet the text reads « SCOP (Société coopérative…) ». The tooltip holds no link: nothing in it can take
// focus. Inside a link (links do not nest) the term stays plain text.
import type { GlossaryTermNode } from '../ast.ts';
import { escapeAttr } from '../html.ts';
import type { RenderState } from './state.ts';

// Ids must be unique in the page: a count per render, prefixed like footnote ids when several texts share it.
const counts = new WeakMap<RenderState, number>();

export function renderGlossaryTerm(node: GlossaryTermNode, state: RenderState): void {
  if (state.linkDepth > 0) {
    state.renderNodes(node.children);
    return;
  }
  const count = (counts.get(state) ?? 0) + 1;
  counts.set(state, count);
  const slug = node.slug.replace(/[^A-Za-z0-9_-]/g, '');
  const id = `${state.options.noteIdPrefix ?? ''}glossaire-${slug}-${count}`;
  const hasDefinition = node.definition.length > 0;

  state.out.push('<span class="glossary-term">');
  state.out.push(`<a href="/glossaire#${escapeAttr(encodeURIComponent(node.slug))}" class="glossary-term__link"`);
  state.out.push(hasDefinition ? ` aria-describedby="${escapeAttr(id)}">` : '>');
  state.linkDepth++;
  state.renderNodes(node.children);
  state.linkDepth--;
  state.out.push('</a>');
  if (hasDefinition) {
    state.out.push(`<span class="glossary-term__sep"> (</span><span class="glossary-term__tip" role="tooltip" id="${escapeAttr(id)}">`);
    // Rendered as if inside a link, so that the definition cannot bring a link into the tooltip.
    state.linkDepth++;
    state.renderNodes(node.definition);
    state.linkDepth--;
    state.out.push('</span><span class="glossary-term__sep">)</span>');
  }
  state.out.push('</span>');
}
