// Working strings: what the scanner (scan.ts) makes of a container's text, every island in it a short
// placeholder (U+E000 index U+E001), read by the block and inline passes and by the constructs; how a
// placeholder is read, and how an offset in a working string maps back to the source.
import { Finder } from './finder.ts';

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

/** The island number of the placeholder at `pos` (U+E000 digits U+E001), read without allocating. */
export function placeholderIndex(text: string, pos: number): number {
  let n = 0;
  for (let i = pos + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return n;
    n = n * 10 + c - 48;
  }
}

/** The offset just after the placeholder at `pos`. */
export function placeholderEnd(text: string, pos: number): number {
  return text.indexOf('\uE001', pos + 1) + 1;
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
