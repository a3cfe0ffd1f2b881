// Inline pass: turns one run of a working string (a paragraph, a list item, a cell, a link text) into
// inline nodes. One left-to-right scan that dispatches each special character to the profile's inline
// constructs (syntax.ts; each in constructs/<name>.ts); islands from the scanner become their nodes
// here. Bold `{{ }}`, italic `{ }` and raw inline HTML elements share
// one stack of open frames. A closer that does not match the innermost frame closes the frames above
// it and reopens them (what a browser does with `<i>a<b>b</i>c</b>`), so the tree is always well
// nested; an opener never closed ends with its run, a closer with no opener is dropped (SPIP leaves a
// stray `</i>` that the browser ignores).
import type { BlockNode, ElementNode, FootnoteRefNode, InlineNode, TextNode } from './ast.ts';
import type { Frame, InlineConstruct, InlineOptions, InlineState, InlineTable, ParseContext } from './construct.ts';
import { addReference } from './context.ts';
import type { Cursor, Finder } from './finder.ts';
import { PendingText } from './pending-text.ts';
import { finderOf, placeholderEnd, placeholderIndex, toSource, type Working } from './working.ts';

const MAX_FRAMES = 100;
export const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'wbr', 'col', 'area', 'source', 'track', 'input', 'embed', 'param', 'meta', 'link', 'base', 'keygen']);

/** The inline parser's state, handed to each inline construct (as construct.ts's InlineState). */
export class InlineParser implements InlineState {
  readonly text: string;
  /** The profile's constructs for this kind of run (ordinary, link text, typo()). */
  readonly table: InlineTable;
  readonly root: Frame;
  readonly frames: Frame[];
  readonly pending: PendingText;
  bufStart: number;
  readonly finder: Finder;
  readonly specials: Cursor;
  private closeCursor: Cursor | null = null;
  private openCursor: Cursor | null = null;
  /** The autolink construct's searches (constructs/autolink.ts), made on first use. */
  schemeCursor: Cursor | null = null;
  wwwCursor: Cursor | null = null;

  constructor(
    readonly w: Working,
    readonly start: number,
    readonly end: number,
    readonly ctx: ParseContext,
    readonly opts: InlineOptions,
  ) {
    this.text = w.text;
    this.pending = new PendingText(w.text);
    this.finder = finderOf(w);
    const syntax = ctx.syntax;
    this.table = opts.typoOnly ? syntax.typo : opts.inLink ? syntax.inLinkText : syntax.inline;
    // one search for every kind of run of a profile: a link's text shares the memo of its paragraph's
    this.specials = this.finder.cursor(syntax.inline.specials);
    this.root = { kind: 'root', children: [], start };
    this.frames = [this.root];
    this.bufStart = start;
  }

  pos(s: number, e: number) {
    return { start: toSource(this.w, s), end: toSource(this.w, e) };
  }

  cur() {
    return this.frames[this.frames.length - 1] as Frame;
  }

  flush(at: number) {
    if (this.pending.empty) return;
    const node: TextNode = { type: 'text', value: this.pending.take(), position: this.pos(this.bufStart, at) };
    this.cur().children.push(node);
  }

  push(node: InlineNode, at: number) {
    this.flush(at);
    this.cur().children.push(node);
  }

  literal(value: string, s: number, e: number) {
    this.flush(s);
    this.cur().children.push({ type: 'text', value, literal: true, position: this.pos(s, e) });
    this.bufStart = e;
  }

  open(kind: Frame['kind'], at: number, element?: ElementNode): boolean {
    if (this.frames.length >= MAX_FRAMES) return false;
    this.flush(at);
    const f: Frame = { kind, children: [], start: at };
    if (element) f.element = element;
    this.frames.push(f);
    return true;
  }

  materialise(f: Frame, at: number): InlineNode {
    const position = this.pos(f.start, at);
    if (f.kind === 'strong') return { type: 'strong', children: f.children, position };
    if (f.kind === 'emphasis') return { type: 'emphasis', children: f.children, position };
    const el = f.element as ElementNode;
    return { ...el, children: f.children, position };
  }

  close(match: (f: Frame) => boolean, at: number, closeSource = '', endAt = at): boolean {
    let d = this.frames.length - 1;
    while (d > 0 && !match(this.frames[d] as Frame)) d--;
    if (d === 0) return false;
    this.flush(at);
    const reopen: Frame[] = [];
    while (this.frames.length - 1 > d) {
      const f = this.frames.pop() as Frame;
      this.cur().children.push(this.materialise(f, at));
      reopen.unshift(f);
    }
    const f = this.frames.pop() as Frame;
    const node = this.materialise(f, endAt);
    if (node.type === 'element') node.closeSource = closeSource;
    this.cur().children.push(node);
    for (const r of reopen) {
      const again: Frame = { kind: r.kind, children: [], start: at };
      if (r.element) again.element = { ...r.element, children: [] };
      this.frames.push(again);
    }
    return true;
  }

  findClose(from: number) {
    const at = (this.closeCursor ??= this.finder.cursor(']')).next(from);
    return at === -1 || at >= this.end ? -1 : at;
  }

  findOpen(from: number) {
    const at = (this.openCursor ??= this.finder.cursor('[')).next(from);
    return at === -1 || at >= this.end ? -1 : at;
  }

  /**
   * The line-start constructs at `i` (the run's start, or after a newline): the index after the one
   * read, or -1 when none was read, as where lines are not read (a link's text, typo()): there the newline
   * stays in the text as white space.
   */
  lineStart(i: number, afterBreak: boolean): number {
    const byCode = this.table.lineStarts;
    if (byCode === null) return -1;
    const c = this.text.charCodeAt(i);
    const read = c < 128 ? byCode[c] : undefined;
    return read !== undefined ? read(this, i, afterBreak) : -1;
  }

  /** A link's text, or any other run inside this one, read by a parser of its own. */
  nested(start: number, end: number, opts: InlineOptions): InlineNode[] {
    return parseInline(this.w, start, end, this.ctx, opts);
  }

  /** The island whose placeholder is at `p` becomes its node; returns the index after the placeholder. */
  island(p: number): number {
    const text = this.text;
    const ctx = this.ctx;
    const index = placeholderIndex(text, p);
    const after = placeholderEnd(text, p);
    const island = ctx.islands[index];
    if (!island) return after;
    const position = this.pos(p, after);
    switch (island.kind) {
      case 'tag': {
        const tag = island.tag;
        if (tag.closing) {
          this.close((f) => f.kind === 'element' && f.element?.tagName === tag.name, p, island.source, after);
          this.bufStart = after;
          break;
        }
        const el: ElementNode = { type: 'element', tagName: tag.name, attrs: tag.attrs, children: [], openSource: island.source, closeSource: '', position };
        if (VOID_ELEMENTS.has(tag.name)) {
          this.push(el, p);
        } else if (!this.open('element', p, el)) {
          this.literal(island.source, p, after);
        }
        this.bufStart = after;
        break;
      }
      case 'code':
        this.push({ type: 'inlineCode', value: island.value, position }, p);
        break;
      case 'math':
        this.push({ type: 'math', value: island.value, position }, p);
        break;
      case 'escaped':
        this.push({ type: 'escapedHtml', value: island.value, position }, p);
        break;
      case 'rawText':
        this.literal(island.value, p, after);
        break;
      case 'model': {
        const mt = island.model;
        this.push({ type: 'model', name: mt.name, id: mt.id, params: mt.params, source: island.source, block: false, position }, p);
        if (mt.id !== null && ['doc', 'img', 'emb', 'document', 'image'].includes(mt.name)) addReference(ctx, { type: 'document', id: mt.id }, island.start);
        break;
      }
      case 'note': {
        this.flush(p);
        const children = ctx.depth < 8 ? (ctx as ParseContextWithBlocks).parseBlocks(island.inner, ctx) : [];
        // label and `note` index are set once every note is read (footnotesInTextOrder); `[[<>…]]` has no call
        const ref: FootnoteRefNode | null = island.label === '' ? null : { type: 'footnoteRef', note: 0, position };
        ctx.notes.push({ note: { label: island.label ?? '', children }, start: island.start, auto: island.label === null, ref });
        if (ref) this.push(ref, p);
        break;
      }
      default:
        // block islands reaching an inline-only context (a heading, a link text) show nothing here
        break;
    }
    this.bufStart = after;
    return after;
  }

  run(): InlineNode[] {
    const text = this.text;
    const end = this.end;
    const table = this.table;
    const byCode = table.byCode;
    const searched = table.searched;
    let i = this.start;
    {
      const j = this.lineStart(i, false);
      if (j >= 0) i = this.bufStart = j;
    }
    while (i < end) {
      const found = this.specials.next(i);
      const m = found >= 0 && found < end ? found : -1;
      if (searched !== null) {
        // bare URLs are found with their own memoised search, so ordinary letters cost nothing
        const u = (searched.find as NonNullable<InlineConstruct['find']>)(this, i);
        if (u >= 0 && (m < 0 || u < m)) {
          this.pending.addRange(i, u);
          const after = searched.tokenize(this, u);
          if (after >= 0) i = after;
          else {
            this.pending.addRange(u, u + 1);
            i = u + 1;
          }
          continue;
        }
      }
      if (m < 0) {
        this.pending.addRange(i, end);
        i = end;
        break;
      }
      const p = m;
      this.pending.addRange(i, p);
      const c = text.charCodeAt(p);
      if (c === 0xe000) {
        i = this.island(p);
        continue;
      }
      const read = c < 128 ? byCode[c] : undefined;
      const next = read !== undefined ? read(this, p) : -1;
      if (next >= 0) i = next;
      else {
        this.pending.addRange(p, p + 1);
        i = p + 1;
      }
    }
    this.flush(end);
    while (this.frames.length > 1) {
      const f = this.frames.pop() as Frame;
      this.cur().children.push(this.materialise(f, end));
    }
    return this.root.children;
  }
}

export function parseInline(w: Working, start: number, end: number, ctx: ParseContext, opts: InlineOptions = {}): InlineNode[] {
  if (isPlainRun(w.text, start, end, ctx.syntax.inline)) {
    if (start === end) return [];
    return [{ type: 'text', value: w.text.slice(start, end), position: { start: toSource(w, start), end: toSource(w, end) } }];
  }
  const children = new InlineParser(w, start, end, ctx, opts).run();
  // a pushed-to array keeps room for 17 elements: most runs hold one or two nodes, and the AST keeps
  // them until the document is rendered (100,000 footnotes: 13 MB of empty slots)
  return children.length < 8 ? children.slice() : children;
}

/** Longer runs almost always hold something; testing them would read them twice. */
const PLAIN_RUN_LIMIT = 256;

/**
 * A short run in which the inline pass would find nothing (most footnotes, cells, list items, link
 * texts): building a parser, its searches and its frames for it costs more than the text itself.
 */
function isPlainRun(text: string, start: number, end: number, table: InlineTable): boolean {
  if (end - start > PLAIN_RUN_LIMIT) return false;
  const first = text.charCodeAt(start);
  // a line-start mark (`_ ` break, `-` puce) at the start of a run
  if (first < 128 && table.lineStarts?.[first] !== undefined) return false;
  return !table.work.test(start === 0 && end === text.length ? text : text.slice(start, end));
}

export interface ParseContextWithBlocks extends ParseContext {
  parseBlocks(w: Working, ctx: ParseContext): BlockNode[];
}
