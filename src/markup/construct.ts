// What a parse-side construct is, for each pass that dispatches over them (markdown-it's rules,
// micromark's constructs): a name, what may start it, and the function that reads it. The ordered lists
// are in constructs/index.ts, each construct's reader in constructs/<name>.ts; a profile is a list of
// the names it allows (profiles.ts), compiled once into dispatch tables (syntax.ts).
import type { ConstructName } from './constructs/index.ts';
import type { TagToken } from './constructs/html-tag.ts';
import type { LineReader } from './blocks.ts';
import type { InlineParser } from './inline.ts';
import type { Scanner } from './scan.ts';

/**
 * Read by the scanner (islands and containers), at one of the characters in `starts`. Returns where
 * the scan goes on, or -1 when nothing of it is there (the next construct for that character is tried;
 * when none takes it, the character is text).
 */
export interface ScanConstruct {
  name: ConstructName;
  starts: string;
  /** A container of blocks (quotes, footnotes): typo(), which reads no blocks, leaves it out. */
  container?: boolean;
  tokenize(scanner: Scanner, p: number): number;
}

/**
 * Read by the scanner once the raw HTML tag construct has read a tag with one of these names: the tag
 * opens a region or a container. Returns where the scan goes on, or -1 when the tag is not one here
 * (an unclosed `<code>`): its `<` is then text.
 */
export interface TagConstruct {
  name: ConstructName;
  /** Start tags it reads (lower case). */
  tags: readonly string[];
  /** Whether it also reads the end tags of those names (a container's `</quote>`). */
  endTags?: boolean;
  container?: boolean;
  tokenize(scanner: Scanner, p: number, tag: TagToken): number;
}

/**
 * Read by the block pass at the start of a non-blank line whose first character is in `starts`.
 * Returns the start of the line after what it read, or -1 (the line is then text, or continues a list).
 */
export interface LineConstruct {
  name: ConstructName;
  starts: string;
  tokenize(reader: LineReader, lineStart: number, lineEnd: number): number;
}

/**
 * Read by the inline pass at one of the characters in `starts`. Returns the index after what it read,
 * or -1 when nothing of it is there (the character is then text).
 */
export interface InlineConstruct {
  name: ConstructName;
  starts: string;
  /** Kept inside a link's text (no link in a link). */
  inLinkText: boolean;
  /** Kept by typo() (titles: raw HTML, entities and protected regions only). */
  inTypo: boolean;
  /** Other names it reads (shortcuts of the same syntax): it is in a table when any of them is allowed. */
  variants?: readonly ConstructName[];
  /**
   * For a construct found by a search of its own rather than by a first character (bare URLs): the
   * start of the next candidate at or after `from`, or -1; `needles` are what that search looks for.
   */
  find?(parser: InlineParser, from: number): number;
  needles?: readonly string[];
  tokenize(parser: InlineParser, p: number): number;
}

/**
 * Read by the inline pass at the start of a line (of the run, or after a newline), at one of the
 * characters in `starts`. Returns the index after it, or -1.
 */
export interface LineStartConstruct {
  name: ConstructName;
  starts: string;
  tokenize(parser: InlineParser, i: number, afterBreak: boolean): number;
}

/** Recognised by the block pass's own code (it cuts paragraphs around it); listed so a profile can leave it out. */
export interface FlowConstruct {
  name: ConstructName;
}
