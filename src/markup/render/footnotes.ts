// The footnotes block (SPIP's `#NOTES`): per note a `<div id="nbN">` whose first paragraph starts with
// the back link `[N]`.
import type { Footnote } from '../ast.ts';
import { escapeAttr, escapeText } from '../html.ts';
import { Output } from '../output.ts';
import type { RenderState } from './state.ts';

export function renderFootnotes(notes: readonly Footnote[], state: RenderState): string {
  const saved = state.out;
  const p = escapeAttr(state.options.noteIdPrefix ?? '');
  const title = state.lang.startsWith('en') ? 'Footnotes' : 'Notes';
  // every note's pieces go into one output (100,000 notes make per-note strings count)
  const out = new Output();
  state.out = out;
  for (const note of notes) {
    const id = escapeAttr(note.label);
    const ref = note.label
      ? `<span class="spip_note_ref">[<a href="#${p}nh${id}" class="spip_note" title="${title} ${id}" rev="appendix">${escapeText(note.label)}</a>]&nbsp;</span>`
      : '';
    out.push(`<div id="${p}nb${id}">\n`);
    const first = note.children[0];
    if (first?.type === 'paragraph') {
      out.push(`<p>${ref}`);
      state.phrasingDepth++;
      state.renderNodes(first.children);
      state.phrasingDepth--;
      out.push('</p>\n');
      // most notes are one paragraph: no copy of the rest for them (100,000 notes make that count)
      if (note.children.length > 1) state.renderNodes(note.children.slice(1));
    } else {
      if (ref) out.push(`<p>${ref}</p>\n`);
      state.renderNodes(note.children);
    }
    out.push('</div>\n');
  }
  state.out = saved;
  return out.toString();
}
