// Inline pass: turns one run of a working string (a paragraph, a list item, a cell, a link text) into
// inline nodes. One left-to-right scan; bold `{{ }}`, italic `{ }` and raw inline HTML elements share
// one stack of open frames. A closer that does not match the innermost frame closes the frames above
// it and reopens them (what a browser does with `<i>a<b>b</i>c</b>`), so the tree is always well
// nested; an opener never closed ends with its run, a closer with no opener is dropped (SPIP leaves a
// stray `</i>` that the browser ignores).
import type { ElementNode, InlineNode, LinkNode, TextNode } from './ast.ts';
import { autolinkStartAt, readAutolink } from './constructs/autolink.ts';
import { readEntity } from './constructs/entity.ts';
import { classifyTarget, readLinkShortcut } from './constructs/link.ts';
import { addReference, readPlaceholder, type ParseContext } from './context.ts';
import { toSource, type Working } from './scan.ts';

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
const SPECIALS = /[\uE000{}[\\\n&]|https?:\/\/|ftp:\/\/|www\./gi;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

export function parseInline(w: Working, start: number, end: number, ctx: ParseContext, opts: InlineOptions = {}): InlineNode[] {
  const text = w.text;
  const article = ctx.profile === 'article';
  const root: Frame = { kind: 'root', children: [], start };
  const frames: Frame[] = [root];
  let buf = '';
  let bufStart = start;
  const pos = (s: number, e: number) => ({ start: toSource(w, s), end: toSource(w, e) });
  const cur = () => frames[frames.length - 1] as Frame;

  const flush = (at: number) => {
    if (buf === '') return;
    const node: TextNode = { type: 'text', value: buf, position: pos(bufStart, at) };
    cur().children.push(node);
    buf = '';
  };
  const push = (node: InlineNode, at: number) => {
    flush(at);
    cur().children.push(node);
  };
  const literal = (value: string, s: number, e: number) => {
    flush(s);
    cur().children.push({ type: 'text', value, literal: true, position: pos(s, e) });
    bufStart = e;
  };

  const open = (kind: Frame['kind'], at: number, element?: ElementNode): boolean => {
    if (frames.length >= MAX_FRAMES) return false;
    flush(at);
    const f: Frame = { kind, children: [], start: at };
    if (element) f.element = element;
    frames.push(f);
    return true;
  };
  const materialise = (f: Frame, at: number): InlineNode => {
    const position = pos(f.start, at);
    if (f.kind === 'strong') return { type: 'strong', children: f.children, position };
    if (f.kind === 'emphasis') return { type: 'emphasis', children: f.children, position };
    const el = f.element as ElementNode;
    return { ...el, children: f.children, position };
  };
  /** Closes the innermost frame matching; frames above it are closed and reopened. */
  const close = (match: (f: Frame) => boolean, at: number, closeSource = '', endAt = at): boolean => {
    let d = frames.length - 1;
    while (d > 0 && !match(frames[d] as Frame)) d--;
    if (d === 0) return false;
    flush(at);
    const reopen: Frame[] = [];
    while (frames.length - 1 > d) {
      const f = frames.pop() as Frame;
      cur().children.push(materialise(f, at));
      reopen.unshift(f);
    }
    const f = frames.pop() as Frame;
    const node = materialise(f, endAt);
    if (node.type === 'element') node.closeSource = closeSource;
    cur().children.push(node);
    for (const r of reopen) {
      const again: Frame = { kind: r.kind, children: [], start: at };
      if (r.element) again.element = { ...r.element, children: [] };
      frames.push(again);
    }
    return true;
  };

  // memoised bracket searches keep link detection linear on text full of `[`
  let nextCloseBracket = -2;
  let nextOpenBracket = -2;
  const findClose = (from: number) => {
    if (nextCloseBracket === -2 || (nextCloseBracket !== -1 && nextCloseBracket < from)) nextCloseBracket = text.indexOf(']', from);
    return nextCloseBracket === -1 || nextCloseBracket >= end ? -1 : nextCloseBracket;
  };
  const findOpen = (from: number) => {
    if (nextOpenBracket === -2 || (nextOpenBracket !== -1 && nextOpenBracket < from)) nextOpenBracket = text.indexOf('[', from);
    return nextOpenBracket === -1 || nextOpenBracket >= end ? -1 : nextOpenBracket;
  };

  /** Line-start shortcuts: `_ ` forced break, `- ` bullet, `-- ` dash. Returns the new index. */
  const lineStart = (i: number, afterBreak: boolean): number => {
    if (opts.typoOnly || opts.inLink) return i;
    const c = text.charCodeAt(i);
    if (c === 95 && (text.charCodeAt(i + 1) === 32 || i + 1 === end)) {
      push({ type: 'break', kind: 'manual', position: pos(i, i + 1) }, i);
      let j = i + 1;
      while (j < end && text.charCodeAt(j) === 32) j++;
      bufStart = j;
      return j;
    }
    if (article && c === 45) {
      const c1 = text.charCodeAt(i + 1);
      if (c1 === 45 && text.charCodeAt(i + 2) !== 45) {
        let j = i + 2;
        while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        push({ type: 'puce', kind: 'dash', afterBreak, position: pos(i, j) }, i);
        bufStart = j;
        return j;
      }
      if (c1 !== 45 && c1 !== 42 && c1 !== 35) {
        let j = i + 1;
        while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        push({ type: 'puce', kind: 'puce', afterBreak, position: pos(i, j) }, i);
        bufStart = j;
        return j;
      }
    }
    return -1;
  };

  let i = start;
  {
    const j = lineStart(i, false);
    if (j >= 0) i = bufStart = j;
  }
  while (i < end) {
    SPECIALS.lastIndex = i;
    const m = SPECIALS.exec(text);
    if (!m || m.index >= end) {
      buf += text.slice(i, end);
      i = end;
      break;
    }
    const p = m.index;
    if (p > i) buf += text.slice(i, p);
    const c = text.charCodeAt(p);

    if (c === 0xe000) {
      const { index, end: after } = readPlaceholder(text, p);
      const island = ctx.islands[index];
      i = after;
      if (!island) continue;
      const position = pos(p, after);
      switch (island.kind) {
        case 'tag': {
          const tag = island.tag;
          if (tag.closing) {
            close((f) => f.kind === 'element' && f.element?.tagName === tag.name, p, island.source, after);
            bufStart = after;
            break;
          }
          const el: ElementNode = { type: 'element', tagName: tag.name, attrs: tag.attrs, children: [], openSource: island.source, closeSource: '', position };
          if (VOID_ELEMENTS.has(tag.name)) {
            push(el, p);
          } else if (!open('element', p, el)) {
            literal(island.source, p, after);
          }
          bufStart = after;
          break;
        }
        case 'code':
          push({ type: 'inlineCode', value: island.value, position }, p);
          break;
        case 'math':
          push({ type: 'math', value: island.value, position }, p);
          break;
        case 'escaped':
          push({ type: 'escapedHtml', value: island.value, position }, p);
          break;
        case 'rawText':
          literal(island.value, p, after);
          break;
        case 'model': {
          const mt = island.model;
          push({ type: 'model', name: mt.name, id: mt.id, params: mt.params, source: island.source, block: false, position }, p);
          if (mt.id !== null && ['doc', 'img', 'emb', 'document', 'image'].includes(mt.name)) addReference(ctx, { type: 'document', id: mt.id }, island.start);
          break;
        }
        case 'note': {
          flush(p);
          const children = ctx.depth < 8 ? (ctx as ParseContextWithBlocks).parseBlocks(island.inner, ctx) : [];
          if (island.label === '') {
            ctx.footnotes.push({ label: '', children });
          } else {
            const label = island.label ?? String(ctx.noteNumber++);
            ctx.footnotes.push({ label, children });
            push({ type: 'footnoteRef', note: ctx.footnotes.length - 1, position }, p);
          }
          break;
        }
        default:
          // block islands reaching an inline-only context (a heading, a link text) show nothing here
          break;
      }
      bufStart = i;
      if (buf === '') bufStart = i;
      continue;
    }

    if (c === 10) {
      flush(p);
      let j = p + 1;
      const k = lineStart(j, true);
      if (k >= 0) {
        i = k;
        continue;
      }
      if (!opts.typoOnly && !opts.noAutoBreak) {
        const prev = cur().children[cur().children.length - 1];
        const prevIsBr = prev?.type === 'element' && prev.tagName === 'br';
        const nextIsBr = text.charCodeAt(j) === 0xe000 && (() => {
          const isl = ctx.islands[readPlaceholder(text, j).index];
          return isl?.kind === 'tag' && isl.tag.name === 'br';
        })();
        if (!prevIsBr && !nextIsBr) cur().children.push({ type: 'break', kind: 'auto', position: pos(p, j) });
      }
      buf = '\n';
      bufStart = p;
      i = j;
      continue;
    }

    if (c === 38) {
      const ent = readEntity(text, p);
      if (ent) buf += ent.value;
      else buf += '&';
      i = ent ? ent.end : p + 1;
      continue;
    }

    if (opts.typoOnly) {
      buf += text[p];
      i = p + 1;
      continue;
    }

    if (c === 92) {
      const next = text[p + 1];
      if (next !== undefined && ESCAPABLE.has(next)) {
        literal(next, p, p + 2);
        i = p + 2;
      } else {
        buf += '\\';
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
          buf += text.slice(p, kk);
          i = kk;
          continue;
        }
      }
      let at = p;
      while (n > 0) {
        const kind = n >= 2 ? 'strong' : 'emphasis';
        const width = n >= 2 ? 2 : 1;
        if (!open(kind, at)) {
          buf += text.slice(at, k);
          break;
        }
        at += width;
        n -= width;
        bufStart = at;
      }
      i = k;
      bufStart = k;
      continue;
    }

    if (c === 125) {
      let k = p;
      while (text.charCodeAt(k) === 125 && k < end) k++;
      let n = k - p;
      let at = p;
      while (n > 0) {
        const top = cur();
        let width = 0;
        if (top.kind === 'emphasis') width = close((f) => f === top, at, '', at + 1) ? 1 : 0;
        else if (top.kind === 'strong' && n >= 2) width = close((f) => f === top, at, '', at + 2) ? 2 : 0;
        else if (n >= 2 && close((f) => f.kind === 'strong', at, '', at + 2)) width = 2;
        else if (close((f) => f.kind === 'emphasis', at, '', at + 1)) width = 1;
        if (width === 0) {
          // no opener: dropped, as the browser drops SPIP's stray `</i>`
          width = 1;
        }
        at += width;
        n -= width;
      }
      i = k;
      bufStart = k;
      continue;
    }

    if (c === 91) {
      if (!opts.inLink) {
        const q = findClose(p + 1);
        const o = findOpen(p + 1);
        if (q >= 0 && (o < 0 || o > q)) {
          const content = text.slice(p + 1, q);
          const sc = readLinkShortcut(content);
          if (sc && linkAllowed(sc.kind, ctx)) {
            const node = buildLink(sc, w, p, q, ctx, pos(p, q + 1));
            if (node) {
              push(node, p);
              i = q + 1;
              bufStart = i;
              continue;
            }
          }
        }
      }
      buf += '[';
      i = p + 1;
      continue;
    }

    // autolink candidates
    const prevChar = p > start ? text.charCodeAt(p - 1) : 32;
    const prefix = autolinkStartAt(text, p);
    if (!opts.inLink && prefix > 0 && !isWordChar(prevChar) && prevChar !== 47 && prevChar !== 64 && prevChar !== 46 && prevChar !== 58) {
      const urlEnd = readAutolink(text, p, end, prefix);
      if (urlEnd > 0) {
        const url = text.slice(p, urlEnd);
        const bracketed = prevChar === 60 && text.charCodeAt(urlEnd) === 62 && buf.endsWith('<');
        if (bracketed) buf = buf.slice(0, -1);
        flush(p);
        const href = prefix === 4 ? `http://${url}` : url;
        const node: LinkNode = {
          type: 'link',
          kind: 'auto',
          target: href,
          generatedText: true,
          children: [{ type: 'text', value: url, literal: true }],
          position: pos(p, urlEnd),
        };
        if (bracketed) node.bracketed = true;
        cur().children.push(node);
        i = bracketed ? urlEnd + 1 : urlEnd;
        bufStart = i;
        continue;
      }
    }
    buf += m[0];
    i = p + m[0].length;
  }
  flush(end);
  while (frames.length > 1) {
    const f = frames.pop() as Frame;
    cur().children.push(materialise(f, end));
  }
  return root.children;
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
    const ph = w.text.indexOf('\uE000', i);
    if (ph < 0 || ph >= e) {
      out += w.text.slice(i, e);
      break;
    }
    out += w.text.slice(i, ph);
    const { index, end } = readPlaceholder(w.text, ph);
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
  return plainText({ text: s, segs: [] }, 0, s.length, ctx);
}

function buildLink(
  sc: NonNullable<ReturnType<typeof readLinkShortcut>>,
  w: Working,
  p: number,
  q: number,
  ctx: ParseContext,
  position: { start: number; end: number },
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
