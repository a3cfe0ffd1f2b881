// A string built from many small pieces: the renderer's output, the scanner's working strings.

/**
 * Pieces, flattened into one string each time they add up to CHUNK_CHARS characters or CHUNK_PIECES.
 * Not `+=` on one string: on long texts that keeps a rope of millions of small pieces alive until the
 * end. Not one array of every piece either: a long-lived array in old space pointing to young strings
 * made each scavenge slower (measured: prose 160 → 280 ms per 0.8 MB). A chunk is large enough to be
 * allocated outside the young generation (which copies what survives it, twice) and small enough that
 * its pieces are joined while they are young.
 */
const CHUNK_CHARS = 256 * 1024;
/** Or every this many pieces: the scanner's pieces are a few characters each (measured on 100,000
 *  footnotes, waiting for 256 KB of them cost a fifth more time). */
const CHUNK_PIECES = 4096;

export class Output {
  private parts: string[] = [];
  private size = 0;
  private chunks: string[] = [];

  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_CHARS || this.parts.length >= CHUNK_PIECES) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.parts.join(''));
    this.parts.length = 0;
    this.size = 0;
  }

  /** Appends another output's content (fostered table content, a footnote). */
  append(other: Output): void {
    this.push(other.toString());
  }

  toString(): string {
    if (this.chunks.length === 0) return this.parts.join('');
    // one flat string: `a + b` would make a rope that the caller's first `trimEnd` copies whole
    this.flush();
    const s = this.chunks.join('');
    this.chunks = [s];
    return s;
  }
}
