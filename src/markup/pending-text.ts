// The text of an inline run being read, before it becomes a text node. Pieces that follow each other in
// the working string stay one range until something else is added: a paragraph read as thousands of
// pieces (hostile text with a `[` every few characters) is then one slice at the end, not a rope of
// thousands of strings kept alive, and copied by every scavenge, until the paragraph ends.

export class PendingText {
  /** What is already a string. */
  private head = '';
  /** The range of the working string that follows `head` (empty when from === to). */
  private from = 0;
  private to = 0;

  constructor(private readonly source: string) {}

  get empty(): boolean {
    return this.head === '' && this.from === this.to;
  }

  /** Adds the working string's [from, to). */
  addRange(from: number, to: number): void {
    if (to <= from) return;
    if (this.from === this.to) {
      this.from = from;
      this.to = to;
    } else if (from === this.to) {
      this.to = to;
    } else {
      this.head += this.source.slice(this.from, this.to);
      this.from = from;
      this.to = to;
    }
  }

  /** Adds a string that is not in the working string as such (a decoded entity). */
  add(s: string): void {
    this.settle();
    this.head += s;
  }

  lastCharCode(): number {
    if (this.from !== this.to) return this.source.charCodeAt(this.to - 1);
    return this.head.charCodeAt(this.head.length - 1);
  }

  dropLast(): void {
    if (this.from !== this.to) this.to--;
    else this.head = this.head.slice(0, -1);
  }

  /** The text so far; the buffer is empty afterwards. */
  take(): string {
    this.settle();
    const s = this.head;
    this.head = '';
    return s;
  }

  private settle(): void {
    if (this.from === this.to) return;
    this.head = this.head === '' ? this.source.slice(this.from, this.to) : this.head + this.source.slice(this.from, this.to);
    this.from = this.to = 0;
  }
}
