// The call of a footnote in the text: `[1]` linking to the note, titled with the note's beginning.
import type { BlockNode, FootnoteRefNode, MarkupNode } from '../ast.ts';
import { escapeAttr, escapeText } from '../html.ts';
import { typography } from '../typography.ts';
import type { RenderState } from './state.ts';

/** The note's text as SPIP's `textebrut()` sees it: after typography, without markup. */
function plainOf(nodes: readonly MarkupNode[], lang: string): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'link' && n.kind === 'auto') continue;
    if (n.type === 'text') s += n.literal ? n.value : typography(n.value, lang);
    else if (n.type === 'inlineCode') s += n.value;
    else if (n.type === 'link' && n.generatedText) s += n.target.replace(/^mailto:/, '');
    else if ('children' in n && Array.isArray(n.children)) s += plainOf(n.children as MarkupNode[], lang);
    if (n.type === 'paragraph') s += ' ';
  }
  return s;
}

/** SPIP's `couper()`: about 80 characters, cut on a word, with `&nbsp;(...)`. */
function noteTitle(children: readonly BlockNode[], lang: string): string {
  const text = plainOf(children, lang).replace(/\s+/g, ' ').trim();
  if (text.length <= 80) return text;
  let cut = text.slice(0, 70);
  const space = cut.lastIndexOf(' ');
  if (space > 40) cut = cut.slice(0, space);
  return `${cut}\u00a0(...)`;
}

export function renderFootnoteRef(node: FootnoteRefNode, state: RenderState): void {
  const note = state.doc.footnotes[node.note];
  if (!note) return;
  const p = state.options.noteIdPrefix ?? '';
  const label = escapeText(note.label);
  if (state.linkDepth > 0) {
    state.out.push(`<span class="spip_note_ref">&nbsp;[${label}]</span>`);
    return;
  }
  const id = escapeAttr(note.label);
  const prefix = escapeAttr(p);
  state.out.push(`<span class="spip_note_ref">&nbsp;[<a href="#${prefix}nb${id}" class="spip_note" rel="appendix" title="${escapeAttr(noteTitle(note.children, state.lang))}" id="${prefix}nh${id}">${label}</a>]</span>`);
}
