// First pass over the source, SPIP's "échappement" done as a scanner: protected regions (`<code>`,
// `<cadre>`, `<math>`, `<html>`, scripts), raw HTML tags, models, footnotes `[[…]]` and the containers
// `<quote>`/`<poesie>` become islands. Each container gets a working string in which every island is a
// short placeholder (U+E000 index U+E001), so the block and inline passes see them as single tokens and
// never re-read their content. Positions map back to the source through `segs`. What is read, and in
// what order, is the profile's scan table (syntax.ts); each construct is in constructs/<name>.ts.
// The types the constructs see (ScanState, OpenContainer) are in construct.ts, working strings in working.ts.
import type { ContainerKind, OpenContainer, ScanState, ScanSyntax } from './construct.ts';
import { Finder } from './finder.ts';
import { Output } from './output.ts';
import type { Island } from './tokens.ts';
import { PH_CLOSE, PH_OPEN, working, type Working } from './working.ts';

export interface ScanResult {
  root: Working;
  islands: Island[];
  /** The normalised source the positions refer to. */
  source: string;
}

const MAX_DEPTH = 32;

/** What a builder records, three numbers per piece: no string or object per piece until `finish`. */
const TEXT = 0; // source range [a, b)
const PLACEHOLDER = 1; // island a, at source offset b
const CHILD = 2; // folded child builder number a

export class Builder implements OpenContainer {
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

/**
 * The scanner's state, handed to each scan construct: the source, the islands found so far, the stack
 * of open containers (the root first) and where the text not yet written to the innermost one starts.
 */
export class Scanner implements ScanState {
  readonly finder: Finder;
  readonly islands: Island[] = [];
  readonly stack: Builder[];
  /** Footnotes open on the stack (0 or 1: they do not nest). */
  openNotes = 0;
  /** Start of the text not yet written to the innermost container. */
  textStart = 0;

  constructor(
    readonly src: string,
    readonly lang: string,
    readonly syntax: ScanSyntax,
  ) {
    this.finder = new Finder(src);
    this.stack = [new Builder(src, 'root', 0, 0)];
  }

  top(): Builder {
    return this.stack[this.stack.length - 1] as Builder;
  }

  add(island: Island): void {
    this.islands.push(island);
    this.top().placeholder(this.islands.length - 1, island.start);
  }

  /** Writes the text since `textStart` up to `end` to the innermost container. */
  flushText(end: number): void {
    this.top().text(this.textStart, end);
  }

  /** Whether one more container may open (the nesting is capped). */
  canOpen(): boolean {
    return this.stack.length < MAX_DEPTH;
  }

  /** Opens a container whose opening is the source [openStart, openEnd). */
  open(kind: ContainerKind, openStart: number, openEnd: number, label: string | null = null): void {
    this.stack.push(new Builder(this.src, kind, openStart, openEnd, label));
    if (kind === 'note') this.openNotes++;
  }

  /** Closes the innermost open container (its island is made by the caller). */
  close(): Builder {
    const b = this.stack.pop() as Builder;
    if (b.kind === 'note') this.openNotes--;
    return b;
  }

  /** Folds an unclosed container into its parent: its opening shows as text, its content stays. */
  dissolve(): void {
    const child = this.close();
    const parent = this.top();
    this.islands.push({ kind: 'rawText', value: child.openSource, start: child.openStart, end: child.openEnd });
    parent.placeholder(this.islands.length - 1, child.openStart);
    parent.append(child);
  }
}

/**
 * Finds each character that may start a construct of the profile (syntax.ts) and tries that
 * character's constructs in order; what none of them takes stays text.
 */
export function scan(input: string, lang: string, syntax: ScanSyntax): ScanResult {
  const src = normaliseSource(input);
  const scanner = new Scanner(src, lang, syntax);
  const specials = syntax.specials;
  const byCode = syntax.byCode;
  let i = 0;
  while (i < src.length) {
    specials.lastIndex = i;
    // `test`, not `exec`: no match array per special character (every match is one character)
    if (!specials.test(src)) break;
    const p = specials.lastIndex - 1;
    const read = byCode[src.charCodeAt(p)];
    const next = read !== undefined ? read(scanner, p) : -1;
    i = next >= 0 ? next : p + 1;
  }
  scanner.flushText(src.length);
  while (scanner.stack.length > 1) scanner.dissolve();
  return { root: (scanner.stack[0] as Builder).finish(), islands: scanner.islands, source: src };
}
