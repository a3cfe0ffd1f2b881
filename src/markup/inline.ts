// Inline pass: turns one run of a working string (a paragraph, a list item, a cell, a link text) into
// inline nodes. One left-to-right scan; bold `{{ }}`, italic `{ }` and raw inline HTML elements share
// one stack of open frames. A closer that does not match the innermost frame closes the frames above
// it and reopens them (what a browser does with `<i>a<b>b</i>c</b>`), so the tree is always well
// nested; an opener never closed ends with its run, a closer with no opener is dropped (SPIP leaves a
// stray `</i>` that the browser ignores).
import type { ElementNode, FootnoteRefNode, InlineNode, LinkNode, Position, TextNode } from './ast.ts';
import { autolinkStartAt, readAutolink } from './constructs/autolink.ts';
import { readEntity } from './constructs/entity.ts';
import { classifyTarget, readLinkShortcut } from './constructs/link.ts';
import { addReference, placeholderEnd, placeholderIndex, type ParseContext } from './context.ts';
import { finderOf, toSource, working, type Working } from './scan.ts';
import type { Cursor, Finder } from './constructs/finder.ts';
import { PendingText } from './pending-text.ts';

export interface InlineOptions {
  /** Inside a link's text: no nested links, no autolinks. */
  inLink?: boolean;
  /** typo(): only HTML, entities and protected regions; shortcuts stay as typed. */
  typoOnly?: boolean;
  /** Inside a raw HTML block (`<blockquote>`, `<div>`): newlines are layout, not line breaks. */
  noAutoBreak?: boolean;
}

interface Frame {
  kind: 'root' | 'strong' | 'emphasis' | 'element';
  children: InlineNode[];
  element?: ElementNode;
  start: number;
}

const MAX_FRAMES = 100;
export const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'wbr', 'col', 'area', 'source', 'track', 'input', 'embed', 'param', 'meta', 'link', 'base', 'keygen']);
const ESCAPABLE = new Set(['\\', '~', '{', '}', '[', ']', '|', '<', '>', '*', '#', '+', '-', '_']);
const SPECIALS = /[\uE000{}[\\\n&]/g;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

class InlineParser {
  readonly text: string;
  readonly article: boolean;
  readonly root: Frame;
  readonly frames: Frame[];
  readonly pending: PendingText;
  bufStart: number;
  readonly finder: Finder;
  readonly specials: Cursor;
  private closeCursor: Cursor | null = null;
  private openCursor: Cursor | null = null;
  private schemeCursor: Cursor | null = null;
  private wwwCursor: Cursor | null = null;

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
    this.specials = this.finder.cursor(SPECIALS);
    this.article = ctx.profile === 'article';
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

  lineStart(i: number, afterBreak: boolean): number {
    if (this.opts.typoOnly || this.opts.inLink) return i;
    const c = this.text.charCodeAt(i);
    if (c === 95 && (this.text.charCodeAt(i + 1) === 32 || i + 1 === this.end)) {
      this.push({ type: 'break', kind: 'manual', position: this.pos(i, i + 1) }, i);
      let j = i + 1;
      while (j < this.end && this.text.charCodeAt(j) === 32) j++;
      this.bufStart = j;
      return j;
    }
    if (this.article && c === 45) {
      const c1 = this.text.charCodeAt(i + 1);
      if (c1 === 45 && this.text.charCodeAt(i + 2) !== 45) {
        let j = i + 2;
        while (j < this.end && (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9)) j++;
        this.push({ type: 'puce', kind: 'dash', afterBreak, position: this.pos(i, j) }, i);
        this.bufStart = j;
        return j;
      }
      if (c1 !== 45 && c1 !== 42 && c1 !== 35) {
        let j = i + 1;
        while (j < this.end && (this.text.charCodeAt(j) === 32 || this.text.charCodeAt(j) === 9)) j++;
        this.push({ type: 'puce', kind: 'puce', afterBreak, position: this.pos(i, j) }, i);
        this.bufStart = j;
        return j;
      }
    }
    return -1;
  }

  /** Start of the next `http://`, `https://`, `ftp://` or `www.` at or after `from`, or -1. */
  nextUrlCandidate(from: number): number {
    const text = this.text;
    const scheme = (this.schemeCursor ??= this.finder.cursor('://'));
    const wwwSearch = (this.wwwCursor ??= this.finder.cursor('www.'));
    for (;;) {
      const q = scheme.next(from);
      const nextWww = wwwSearch.next(from);
      let cand = -1;
      if (q >= 0) {
        const lower = text.slice(Math.max(0, q - 5), q).toLowerCase();
        const start = lower.endsWith('https') ? q - 5 : lower.endsWith('http') ? q - 4 : lower.endsWith('ftp') ? q - 3 : -1;
        if (start >= from) cand = start;
        else if (nextWww === -1 || nextWww > q) {
          // not a URL scheme here: look further
          from = q + 3;
          if (from >= this.end) return -1;
          continue;
        }
      }
      const www = nextWww;
      if (www >= 0 && (cand < 0 || www < cand)) cand = www;
      return cand >= 0 && cand < this.end ? cand : -1;
    }
  }

  /** An autolink starting at `p`: returns the index after it, or -1 when there is none. */
  tryAutolink(p: number): number {
    const text = this.text;
    const prevChar = p > this.start ? text.charCodeAt(p - 1) : 32;
    const prefix = autolinkStartAt(text, p);
    if (prefix === 0 || isWordChar(prevChar) || prevChar === 47 || prevChar === 64 || prevChar === 46 || prevChar === 58) return -1;
    const urlEnd = readAutolink(text, p, this.end, prefix);
    if (urlEnd <= 0) return -1;
    const url = text.slice(p, urlEnd);
    const bracketed = prevChar === 60 && text.charCodeAt(urlEnd) === 62 && this.pending.lastCharCode() === 60;
    if (bracketed) this.pending.dropLast();
    this.flush(p);
    const node: LinkNode = {
      type: 'link',
      kind: 'auto',
      target: prefix === 4 ? `http://${url}` : url,
      generatedText: true,
      children: [{ type: 'text', value: url, literal: true }],
      position: this.pos(p, urlEnd),
    };
    if (bracketed) node.bracketed = true;
    this.cur().children.push(node);
    const after = bracketed ? urlEnd + 1 : urlEnd;
    this.bufStart = after;
    return after;
  }

  run(): InlineNode[] {
    const text = this.text;
    const end = this.end;
    const ctx = this.ctx;
    const opts = this.opts;
    const start = this.start;
    const w = this.w;
    let i = start;
    {
      const j = this.lineStart(i, false);
      if (j >= 0) i = this.bufStart = j;
    }
    while (i < end) {
      const found = this.specials.next(i);
      const m = found >= 0 && found < end ? found : -1;
      if (!opts.inLink && !opts.typoOnly) {
        // bare URLs are found with their own memoised search, so ordinary letters cost nothing
        const u = this.nextUrlCandidate(i);
        if (u >= 0 && (m < 0 || u < m)) {
          this.pending.addRange(i, u);
          const after = this.tryAutolink(u);
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
        const index = placeholderIndex(text, p);
        const after = placeholderEnd(text, p);
        const island = ctx.islands[index];
        i = after;
        if (!island) continue;
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
        this.bufStart = i;
        continue;
      }

      if (c === 10) {
        this.flush(p);
        let j = p + 1;
        const k = this.lineStart(j, true);
        if (k >= 0) {
          i = k;
          continue;
        }
        if (!opts.typoOnly && !opts.noAutoBreak) {
          const prev = this.cur().children[this.cur().children.length - 1];
          const prevIsBr = prev?.type === 'element' && prev.tagName === 'br';
          const nextIsBr = text.charCodeAt(j) === 0xe000 && (() => {
            const isl = ctx.islands[placeholderIndex(text, j)];
            return isl?.kind === 'tag' && isl.tag.name === 'br';
          })();
          // nothing shown yet in the run (a stray `}` was dropped): a break would open the paragraph
          const atStart = this.frames.length === 1 && this.root.children.length === 0;
          if (!prevIsBr && !nextIsBr && !atStart) this.cur().children.push({ type: 'break', kind: 'auto', position: this.pos(p, j) });
        }
        this.pending.addRange(p, j);
        this.bufStart = p;
        i = j;
        continue;
      }

      if (c === 38) {
        const ent = readEntity(text, p);
        if (ent) this.pending.add(ent.value);
        else this.pending.addRange(p, p + 1);
        i = ent ? ent.end : p + 1;
        continue;
      }

      if (opts.typoOnly) {
        this.pending.addRange(p, p + 1);
        i = p + 1;
        continue;
      }

      if (c === 92) {
        const next = text[p + 1];
        if (next !== undefined && ESCAPABLE.has(next)) {
          this.literal(next, p, p + 2);
          i = p + 2;
        } else {
          this.pending.addRange(p, p + 1);
          i = p + 1;
        }
        continue;
      }

      if (c === 123) {
        // `{` run: `{}` and `{{}}` are not emphasis
        let k = p;
        while (text.charCodeAt(k) === 123 && k < end) k++;
        let n = k - p;
        if (text.charCodeAt(k) === 125) {
          let kk = k;
          while (text.charCodeAt(kk) === 125 && kk < end) kk++;
          if (kk - k === n && n <= 2) {
            this.pending.addRange(p, kk);
            i = kk;
            continue;
          }
        }
        let at = p;
        while (n > 0) {
          const kind = n >= 2 ? 'strong' : 'emphasis';
          const width = n >= 2 ? 2 : 1;
          if (!this.open(kind, at)) {
            this.pending.addRange(at, k);
            break;
          }
          at += width;
          n -= width;
          this.bufStart = at;
        }
        i = k;
        this.bufStart = k;
        continue;
      }

      if (c === 125) {
        let k = p;
        while (text.charCodeAt(k) === 125 && k < end) k++;
        let n = k - p;
        let at = p;
        while (n > 0) {
          const top = this.cur();
          let width = 0;
          if (top.kind === 'emphasis') width = this.close((f) => f === top, at, '', at + 1) ? 1 : 0;
          else if (top.kind === 'strong' && n >= 2) width = this.close((f) => f === top, at, '', at + 2) ? 2 : 0;
          else if (n >= 2 && this.close((f) => f.kind === 'strong', at, '', at + 2)) width = 2;
          else if (this.close((f) => f.kind === 'emphasis', at, '', at + 1)) width = 1;
          if (width === 0) {
            // no opener: dropped, as the browser drops SPIP's stray `</i>`
            width = 1;
          }
          at += width;
          n -= width;
        }
        i = k;
        this.bufStart = k;
        continue;
      }

      if (c === 91) {
        if (!opts.inLink) {
          const q = this.findClose(p + 1);
          const o = this.findOpen(p + 1);
          if (q >= 0 && (o < 0 || o > q)) {
            const content = text.slice(p + 1, q);
            const sc = readLinkShortcut(content);
            if (sc && linkAllowed(sc.kind, ctx)) {
              const node = buildLink(sc, w, p, q, ctx, this.pos(p, q + 1));
              if (node) {
                this.push(node, p);
                i = q + 1;
                this.bufStart = i;
                continue;
              }
            }
          }
        }
        this.pending.addRange(p, p + 1);
        i = p + 1;
        continue;
      }

      this.pending.addRange(p, p + 1);
      i = p + 1;
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
  if (isPlainRun(w.text, start, end)) {
    if (start === end) return [];
    return [{ type: 'text', value: w.text.slice(start, end), position: { start: toSource(w, start), end: toSource(w, end) } }];
  }
  const children = new InlineParser(w, start, end, ctx, opts).run();
  // a pushed-to array keeps room for 17 elements: most runs hold one or two nodes, and the AST keeps
  // them until the document is rendered (100,000 footnotes: 13 MB of empty slots)
  return children.length < 8 ? children.slice() : children;
}

/** What the inline pass acts on: a run without any is one text node. `://` and `www.` may start a URL. */
const INLINE_WORK = /[\uE000{}[\\\n&]|:\/\/|www\./;
/** Longer runs almost always hold something; testing them would read them twice. */
const PLAIN_RUN_LIMIT = 256;

/**
 * A short run in which the inline pass would find nothing (most footnotes, cells, list items, link
 * texts): building a parser, its searches and its frames for it costs more than the text itself.
 */
function isPlainRun(text: string, start: number, end: number): boolean {
  if (end - start > PLAIN_RUN_LIMIT) return false;
  const first = text.charCodeAt(start);
  // `_ ` and `-` at the start of a run are line-start marks (break, puce)
  if (first === 95 || first === 45) return false;
  return !INLINE_WORK.test(start === 0 && end === text.length ? text : text.slice(start, end));
}

export interface ParseContextWithBlocks extends ParseContext {
  parseBlocks(w: Working, ctx: ParseContext): import('./ast.ts').BlockNode[];
}

function linkAllowed(kind: string, ctx: ParseContext): boolean {
  if (ctx.profile === 'article') return true;
  return kind === 'link';
}

/** Text of a working-string range with islands replaced by what they show as plain text. */
export function plainText(w: Working, s: number, e: number, ctx: ParseContext): string {
  let out = '';
  let i = s;
  while (i < e) {
    const ph = finderOf(w).next('\uE000', i);
    if (ph < 0 || ph >= e) {
      out += w.text.slice(i, e);
      break;
    }
    out += w.text.slice(i, ph);
    const index = placeholderIndex(w.text, ph);
    const end = placeholderEnd(w.text, ph);
    const island = ctx.islands[index];
    if (island && (island.kind === 'code' || island.kind === 'rawText' || island.kind === 'math')) out += island.value;
    else if (island && (island.kind === 'model' || island.kind === 'escaped')) out += island.kind === 'model' ? island.source : island.value;
    i = end;
  }
  return out;
}

/** A string cut from a working string, with placeholders replaced by their plain text. */
export function resolvePlaceholders(s: string, ctx: ParseContext): string {
  if (!s.includes('\uE000')) return s;
  return plainText(working(s, []), 0, s.length, ctx);
}

function buildLink(
  sc: NonNullable<ReturnType<typeof readLinkShortcut>>,
  w: Working,
  p: number,
  q: number,
  ctx: ParseContext,
  position: Position,
): InlineNode | null {
  if (sc.kind === 'optout') {
    ctx.glossaryOptOut = true;
    return { type: 'glossaryOptOut', position };
  }
  if (sc.kind === 'anchor') return { type: 'anchor', name: sc.name, position };
  if (sc.kind === 'wiki') {
    const lang = sc.lang && /^[a-z]{2,3}$/.test(sc.lang) ? sc.lang : ctx.lang;
    const node: LinkNode = {
      type: 'link',
      kind: 'wiki',
      target: `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(sc.term.replace(/ /g, '_'))}`,
      generatedText: true,
      children: [{ type: 'text', value: sc.term }],
      position,
    };
    if (sc.lang) node.title = sc.lang;
    return node;
  }
  const base = p + 1;
  const target = plainText(w, base + sc.targetStart, q, ctx)
    .slice(0)
    .trim();
  if (target === '') return null;
  const cls = classifyTarget(target);
  if (ctx.profile === 'forum' && cls.kind === 'internal') return null;
  const children = parseInline(w, base + sc.textStart, base + sc.textEnd, ctx, { inLink: true });
  const empty = children.every((n) => n.type === 'text' && n.value.trim() === '');
  const node: LinkNode = {
    type: 'link',
    kind: cls.kind,
    target: cls.kind === 'internal' ? target : cls.url,
    generatedText: empty,
    children: empty ? [] : children,
    position,
  };
  if (cls.kind === 'internal') {
    node.ref = cls.ref;
    addReference(ctx, { type: cls.ref.type, id: cls.ref.id }, position.start);
  }
  if (sc.title !== undefined) node.title = resolvePlaceholders(sc.title, ctx);
  if (sc.hreflang !== undefined) node.hreflang = sc.hreflang;
  return node;
}
