// First pass over the source, SPIP's "échappement" done as a scanner: protected regions (`<code>`,
// `<cadre>`, `<math>`, `<html>`, scripts), raw HTML tags, models, footnotes `[[…]]` and the containers
// `<quote>`/`<poesie>` become islands. Each container gets a working string in which every island is a
// short placeholder (U+E000 index U+E001), so the block and inline passes see them as single tokens and
// never re-read their content. Positions map back to the source through `segs`.
import { Finder } from './constructs/finder.ts';
import { readTag, type TagToken } from './constructs/html-tag.ts';
import { readModel, type ModelToken } from './constructs/model.ts';
import { chooseMultiVariant } from './constructs/multi.ts';
import { Output } from './output.ts';
import { PROTECTED, RAW_TEXT_HTML, readRawRegion } from './constructs/raw-block.ts';

export const PH_OPEN = '\uE000';
export const PH_CLOSE = '\uE001';

/** A working string and, for positions, pairs (working offset, source offset) at each piece start. */
export interface Working {
  text: string;
  segs: number[];
  /** Memoised searches shared by every pass over this string (created on first use). */
  finder: Finder | undefined;
  /** The piece `toSource` answered last: positions are asked mostly in order. */
  hint: number;
}

/** A working string, every field set from the start: one object shape for all of them (a field added
 *  later gives each object a shape transition and a separate property store). */
export function working(text: string, segs: number[]): Working {
  return { text, segs, finder: undefined, hint: 0 };
}

/** The shared finder of a working string: searches never rescan text another call already scanned. */
export function finderOf(w: Working): Finder {
  w.finder ??= new Finder(w.text);
  return w.finder;
}

export type Island =
  | { kind: 'code'; value: string; block: boolean; start: number; end: number }
  | { kind: 'cadre'; value: string; start: number; end: number }
  | { kind: 'math'; value: string; start: number; end: number }
  | { kind: 'escaped'; value: string; start: number; end: number }
  | { kind: 'rawText'; value: string; start: number; end: number }
  | { kind: 'tag'; tag: TagToken; source: string; start: number; end: number }
  | { kind: 'model'; model: ModelToken; source: string; start: number; end: number }
  | { kind: 'quote' | 'poesie'; inner: Working; start: number; end: number }
  | { kind: 'note'; inner: Working; label: string | null; start: number; end: number };

export interface ScanResult {
  root: Working;
  islands: Island[];
  /** The normalised source the positions refer to. */
  source: string;
}

const MAX_DEPTH = 32;
/** A tag with no attribute: nothing in it that typography would change. */
const BARE_TAG = /^<\/?[a-z]+>$/i;

type ContainerKind = 'root' | 'quote' | 'poesie' | 'note';

/** What a builder records, three numbers per piece: no string or object per piece until `finish`. */
const TEXT = 0; // source range [a, b)
const PLACEHOLDER = 1; // island a, at source offset b
const CHILD = 2; // folded child builder number a

class Builder {
  /** (what, a, b) triples, in order; made on the first piece: most footnotes hold one piece. */
  private pieces: number[] | null = null;
  /** Unclosed children folded in by `dissolve`, flattened once by `finish`. */
  private children: Builder[] | null = null;
  len = 0;
  constructor(
    readonly src: string,
    readonly kind: ContainerKind,
    readonly openStart: number,
    readonly openEnd: number,
    readonly label: string | null = null,
  ) {}

  get openSource(): string {
    return this.src.slice(this.openStart, this.openEnd);
  }

  private record(what: number, a: number, b: number): void {
    if (this.pieces === null) this.pieces = [what, a, b];
    else this.pieces.push(what, a, b);
  }

  /** The source text [start, end), as is. */
  text(start: number, end: number): void {
    if (end <= start) return;
    this.record(TEXT, start, end);
    this.len += end - start;
  }

  placeholder(index: number, srcPos: number): void {
    this.record(PLACEHOLDER, index, srcPos);
    this.len += placeholderLength(index);
  }

  /** Folds an unclosed child in by reference: copying its pieces at every level of a deep unclosed
   *  nesting would cost depth × size. */
  append(other: Builder): void {
    (this.children ??= []).push(other);
    this.record(CHILD, this.children.length - 1, 0);
    this.len += other.len;
  }

  finish(): Working {
    const pieces = this.pieces;
    if (pieces === null) return working('', []);
    if (pieces.length === 3 && pieces[0] === TEXT) return working(this.src.slice(pieces[1], pieces[2]), [0, pieces[1] as number]);
    const out = new Output();
    const segs: number[] = [];
    this.flatten(out, segs, 0);
    return working(out.toString(), segs);
  }

  /** Writes the pieces (and folded children's, depth ≤ MAX_DEPTH) in order; returns the new length. */
  private flatten(out: Output, segs: number[], at: number): number {
    const pieces = this.pieces;
    if (pieces === null) return at;
    for (let k = 0; k < pieces.length; k += 3) {
      const what = pieces[k];
      const a = pieces[k + 1] as number;
      const b = pieces[k + 2] as number;
      if (what === CHILD) {
        at = ((this.children as Builder[])[a] as Builder).flatten(out, segs, at);
        continue;
      }
      const piece = what === TEXT ? this.src.slice(a, b) : placeholderText(a);
      segs.push(at, what === TEXT ? a : b);
      out.push(piece);
      at += piece.length;
    }
    return at;
  }
}

function placeholderText(index: number): string {
  return `${PH_OPEN}${index}${PH_CLOSE}`;
}

/** placeholderText(index).length, without making the string. */
function placeholderLength(index: number): number {
  let digits = 1;
  for (let n = index; n >= 10; n = Math.floor(n / 10)) digits++;
  return digits + 2;
}

/** Line endings normalised, and the private-use characters used for placeholders (and NUL) neutralised. */
export function normaliseSource(text: string): string {
  let s = text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
  if (/[\uE000\uE001\0]/.test(s)) s = s.replace(/[\uE000\uE001\0]/g, '\uFFFD');
  return s;
}

export function scan(input: string, lang: string, containers = true, profile: 'article' | 'forum' = 'article'): ScanResult {
  const forum = profile === 'forum';
  const src = normaliseSource(input);
  const finder = new Finder(src);
  const islands: Island[] = [];
  const stack: Builder[] = [new Builder(src, 'root', 0, 0)];
  /** Footnotes open on the stack (0 or 1: they do not nest). */
  let openNotes = 0;
  const top = () => stack[stack.length - 1] as Builder;
  const add = (island: Island): void => {
    islands.push(island);
    top().placeholder(islands.length - 1, island.start);
  };

  /** Folds an unclosed container into its parent: its opening shows as text, its content stays. */
  const dissolve = (): void => {
    const child = stack.pop() as Builder;
    if (child.kind === 'note') openNotes--;
    const parent = top();
    islands.push({ kind: 'rawText', value: child.openSource, start: child.openStart, end: child.openEnd });
    parent.placeholder(islands.length - 1, child.openStart);
    parent.append(child);
  };

  // `<html>` and `<pre>` content: tags stay tags, text is taken literally (no shortcuts, no typography).
  const scanRawHtml = (from: number, to: number): void => {
    let i = from;
    let textStart = from;
    const flush = (end: number) => {
      // whitespace between raw tags is layout, not content
      if (end > textStart && src.slice(textStart, end).trim() !== '') add({ kind: 'rawText', value: src.slice(textStart, end), start: textStart, end });
    };
    while (i < to) {
      const lt = src.indexOf('<', i);
      if (lt < 0 || lt >= to) break;
      const tag = readTag(src, lt, finder);
      if (tag && tag.end <= to) {
        flush(lt);
        if (!tag.closing && RAW_TEXT_HTML.has(tag.name)) {
          const region = readRawRegion(src, tag, finder);
          const end = region && region.end <= to ? region.end : tag.end;
          add({ kind: 'escaped', value: src.slice(lt, end), start: lt, end });
          i = textStart = end;
          continue;
        }
        add({ kind: 'tag', tag, source: src.slice(lt, tag.end), start: lt, end: tag.end });
        i = textStart = tag.end;
      } else {
        i = lt + 1;
      }
    }
    flush(to);
  };

  const specials = /[<[\]]/g;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    top().text(textStart, end);
  };

  while (i < src.length) {
    specials.lastIndex = i;
    // `test`, not `exec`: no match array per special character (every match is one character)
    if (!specials.test(src)) break;
    const p = specials.lastIndex - 1;
    const c = src.charCodeAt(p);
    if (c === 60) {
      // `<`
      if (src.startsWith('<!--', p)) {
        const close = finder.next('-->', p + 4);
        if (close >= 0) {
          // comments are dropped: nothing a reader needs, and a classic smuggling vector
          flushText(p);
          i = textStart = close + 3;
          continue;
        }
        i = p + 1;
        continue;
      }
      let tag = readTag(src, p, finder);
      // `<img5>`, `<doc12>`: models, although they look like tags
      if (tag && !tag.closing && /^[a-z_]+\d+$/.test(tag.name) && !/^h[1-6]$/.test(tag.name)) tag = null;
      if (tag) {
        const name = tag.name;
        const source = src.slice(p, tag.end);
        if (!tag.closing && PROTECTED.has(name) && (!forum || name === 'code')) {
          const region = readRawRegion(src, tag, finder);
          if (region) {
            flushText(p);
            if (name === 'math') {
              // SPIP text in which each `$…$` formula is protected
              const parts = region.content.split('$');
              let at = region.contentStart;
              parts.forEach((part, k) => {
                if (k % 2 === 1 && k < parts.length - 1) add({ kind: 'math', value: part, start: at, end: at + part.length });
                // an unpaired last `$` stays as typed
                else top().text(k % 2 === 1 ? at - 1 : at, at + part.length);
                at += part.length + 1;
              });
              i = textStart = region.end;
              continue;
            }
            const island: Island =
              name === 'code'
                ? { kind: 'code', value: region.content, block: region.content.includes('\n'), start: p, end: region.end }
                : { kind: 'cadre', value: region.content, start: p, end: region.end };
            add(island);
            i = textStart = region.end;
            continue;
          }
        } else if (!forum && !tag.closing && (name === 'html' || name === 'pre')) {
          const region = readRawRegion(src, tag, finder);
          if (region) {
            flushText(p);
            if (name === 'pre') {
              add({ kind: 'tag', tag, source, start: p, end: tag.end });
              if (region.content) add({ kind: 'rawText', value: region.content, start: region.contentStart, end: region.contentStart + region.content.length });
              const closeStart = region.contentStart + region.content.length;
              add({ kind: 'tag', tag: { name: 'pre', attrs: [], closing: true, selfClosing: false, end: region.end }, source: src.slice(closeStart, region.end), start: closeStart, end: region.end });
            } else {
              scanRawHtml(region.contentStart, region.contentStart + region.content.length);
            }
            i = textStart = region.end;
            continue;
          }
        } else if (!tag.closing && RAW_TEXT_HTML.has(name)) {
          const region = readRawRegion(src, tag, finder);
          flushText(p);
          if (name === 'iframe') {
            // its content is never shown; the element itself is judged by the profile
            add({ kind: 'tag', tag, source, start: p, end: tag.end });
            const end = region ? region.end : tag.end;
            add({ kind: 'tag', tag: { name: 'iframe', attrs: [], closing: true, selfClosing: false, end }, source: region ? src.slice(end - 9, end) : '', start: end, end });
            i = textStart = end;
          } else {
            const end = region ? region.end : tag.end;
            add({ kind: 'escaped', value: src.slice(p, end), start: p, end });
            i = textStart = end;
          }
          continue;
        } else if (!tag.closing && name === 'multi') {
          const close = finder.nextInsensitive('</multi>', tag.end);
          if (close >= 0) {
            flushText(p);
            const v = chooseMultiVariant(src.slice(tag.end, close), lang);
            // the chosen variant is ordinary SPIP text: scan it in place
            textStart = tag.end + v.start;
            const variantEnd = tag.end + v.end;
            // the variant's shortcuts are read by the later passes; tags inside it stay text
            top().text(textStart, variantEnd);
            i = textStart = close + 8;
            continue;
          }
        } else if (containers && (name === 'quote' || (!forum && (name === 'poesie' || name === 'poetry')))) {
          const kind: ContainerKind = name === 'quote' ? 'quote' : 'poesie';
          if (!tag.closing) {
            if (stack.length < MAX_DEPTH) {
              flushText(p);
              stack.push(new Builder(src, kind, p, tag.end));
              i = textStart = tag.end;
              continue;
            }
          } else {
            let d = stack.length - 1;
            while (d > 0 && (stack[d] as Builder).kind !== kind) d--;
            if (d > 0) {
              flushText(p);
              while (stack.length - 1 > d) dissolve();
              const b = stack.pop() as Builder;
              add({ kind, inner: b.finish(), start: b.openStart, end: tag.end });
              i = textStart = tag.end;
              continue;
            }
          }
          // unmatched: shown as text. A bare `<quote>` stays in the surrounding text run (typography
          // has nothing to change in it): thousands of unclosed quotes then cost what text costs.
          i = tag.end;
          if (BARE_TAG.test(source)) continue;
          flushText(p);
          add({ kind: 'rawText', value: source, start: p, end: tag.end });
          textStart = tag.end;
          continue;
        } else {
          flushText(p);
          add({ kind: 'tag', tag, source, start: p, end: tag.end });
          i = textStart = tag.end;
          continue;
        }
        i = p + 1;
        continue;
      }
      const model = readModel(src, p);
      if (model) {
        flushText(p);
        add({ kind: 'model', model, source: src.slice(p, model.end), start: p, end: model.end });
        i = textStart = model.end;
        continue;
      }
      i = p + 1;
      continue;
    }
    if (c === 91) {
      // `[[` opens a footnote (notes do not nest)
      if (containers && src.charCodeAt(p + 1) === 91 && openNotes === 0 && stack.length < MAX_DEPTH) {
        flushText(p);
        let j = p + 2;
        while (src.charCodeAt(j) === 32) j++;
        let label: string | null = null;
        if (src.charCodeAt(j) === 60) {
          let k = j + 1;
          while (k < src.length && k - j < 60) {
            const d = src.charCodeAt(k);
            if (d === 62 || d === 60 || d === 34 || d === 39 || d === 10) break;
            k++;
          }
          if (src.charCodeAt(k) === 62) {
            label = src.slice(j + 1, k).trim();
            j = k + 1;
          } else {
            j = p + 2;
          }
        } else {
          j = p + 2;
        }
        stack.push(new Builder(src, 'note', p, j, label));
        openNotes++;
        i = textStart = j;
        continue;
      }
      i = p + 1;
      continue;
    }
    // `]`: a run of two or more closes an open footnote (`…[->url]]]`: the last two close it)
    let k = p;
    while (src.charCodeAt(k) === 93) k++;
    const run = k - p;
    if (run >= 2 && openNotes > 0) {
      flushText(k - 2);
      while (top().kind !== 'note') dissolve();
      const b = stack.pop() as Builder;
      openNotes--;
      add({ kind: 'note', inner: b.finish(), label: b.label, start: b.openStart, end: k });
      i = textStart = k;
      continue;
    }
    i = k;
  }
  flushText(src.length);
  while (stack.length > 1) dissolve();
  return { root: (stack[0] as Builder).finish(), islands, source: src };
}

/** Maps an offset in a working string back to the source. */
export function toSource(w: Working, offset: number): number {
  const segs = w.segs;
  const count = segs.length >> 1;
  if (count === 0) return offset;
  // the piece asked last, or the next one: O(1) for a pass that reads positions left to right
  let k = w.hint;
  if (k >= count || (segs[k * 2] as number) > offset) k = -1;
  else if (k + 1 < count && (segs[k * 2 + 2] as number) <= offset) k = k + 2 < count && (segs[k * 2 + 4] as number) <= offset ? -1 : k + 1;
  if (k < 0) {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid * 2] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
  }
  w.hint = k;
  return (segs[k * 2 + 1] as number) + (offset - (segs[k * 2] as number));
}
