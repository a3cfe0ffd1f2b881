// The call of a footnote in the text: `[1]` linking to the note, titled with the note's beginning.
import type { BlockNode, FootnoteRefNode, MarkupNode } from '../ast.ts';
import { escapeAttr, escapeText } from '../html.ts';
import { typography } from '../typography.ts';
import type { RenderState } from './state.ts';

/** The title keeps about this many characters (SPIP's `couper(…, 80)`). */
const TITLE_LENGTH = 80;

/** Typography changes a character according to the few after it, never more than this many. */
const LOOKAHEAD = 16;

/**
 * The beginning of the note's text as SPIP's `textebrut()` sees it: after typography, without markup,
 * spaces collapsed. Reading stops once the title's length is reached: a note may be a whole chapter,
 * and one text node of it too.
 */
class PlainText {
  text = '';
  full = false;

  constructor(private readonly lang: string) {}

  add(nodes: readonly MarkupNode[]): void {
    for (const n of nodes) {
      if (this.full) return;
      if (n.type === 'link' && n.kind === 'auto') continue;
      if (n.type === 'text') this.addText(n.value, n.literal === true);
      else if (n.type === 'inlineCode') this.addText(n.value, true);
      else if (n.type === 'link' && n.generatedText) this.addText(n.target.replace(/^mailto:/, ''), true);
      else if ('children' in n && Array.isArray(n.children)) this.add(n.children as MarkupNode[]);
      if (n.type === 'paragraph') this.addText(' ', true);
    }
  }

  /** Reads longer and longer beginnings of `value` until the title is full or the value is read. */
  private addText(value: string, literal: boolean): void {
    for (let size = 256; ; size *= 4) {
      const piece = value.length <= size ? value : value.slice(0, size);
      const shown = literal ? piece : typography(piece, this.lang);
      const length = this.text.length + shown.length;
      // collapsing spaces only shortens: short notes are never collapsed here
      const enough = length > TITLE_LENGTH + LOOKAHEAD && collapse(this.text + shown).length > TITLE_LENGTH + LOOKAHEAD;
      if (enough || piece.length === value.length) {
        this.text += shown;
        this.full = enough;
        return;
      }
    }
  }
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** SPIP's `couper()`: about 80 characters, cut on a word, with `&nbsp;(...)`. */
function noteTitle(children: readonly BlockNode[], lang: string): string {
  const plain = new PlainText(lang);
  plain.add(children);
  const text = collapse(plain.text);
  if (text.length <= TITLE_LENGTH) return text;
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
