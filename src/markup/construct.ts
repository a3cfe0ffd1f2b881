// What a parse-side construct is, for each pass that dispatches over them (markdown-it's rules,
// micromark's constructs): a name, what may start it, and the function that reads it; and the state of
// each pass as a construct sees it (what it may read and call on the scanner, the line reader, the
// inline parser: scan.ts, blocks.ts and inline.ts implement these), the dispatch tables (syntax.ts
// compiles them) and the state shared by the passes of one document (context.ts). Types only, above
// nothing but the data types: every construct imports from here, and nothing here imports a construct
// or a pass. The ordered lists are in constructs/index.ts, each construct's reader in
// constructs/<name>.ts; a profile is a list of the names it allows (profiles.ts).
import type { BlockNode, ElementNode, Footnote, FootnoteRefNode, InlineNode, Position, Reference, TableNode } from './ast.ts';
import type { Cursor, Finder } from './finder.ts';
import type { PendingText } from './pending-text.ts';
import type { Island, TagToken } from './tokens.ts';
import type { Working } from './working.ts';

export type ConstructName =
  | 'comment' | 'htmlTag' | 'model' | 'footnote'
  | 'code' | 'cadre' | 'math' | 'rawHtml' | 'rawTextElement' | 'multi' | 'quote' | 'poetry'
  | 'list' | 'table' | 'rule'
  | 'heading' | 'blockModel'
  | 'autoBreak' | 'entity' | 'escape' | 'emphasis' | 'link' | 'internalLink' | 'anchor' | 'wikiLink' | 'glossaryOptOut' | 'autolink'
  | 'manualBreak' | 'puce';

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
  tokenize(scanner: ScanState, p: number): number;
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
  tokenize(scanner: ScanState, p: number, tag: TagToken): number;
}

/**
 * Read by the block pass at the start of a non-blank line whose first character is in `starts`.
 * Returns the start of the line after what it read, or -1 (the line is then text, or continues a list).
 */
export interface LineConstruct {
  name: ConstructName;
  starts: string;
  tokenize(reader: LineState, lineStart: number, lineEnd: number): number;
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
  find?(parser: InlineState, from: number): number;
  needles?: readonly string[];
  tokenize(parser: InlineState, p: number): number;
}

/**
 * Read by the inline pass at the start of a line (of the run, or after a newline), at one of the
 * characters in `starts`. Returns the index after it, or -1.
 */
export interface LineStartConstruct {
  name: ConstructName;
  starts: string;
  tokenize(parser: InlineState, i: number, afterBreak: boolean): number;
}

/** Recognised by the block pass's own code (it cuts paragraphs around it); listed so a profile can leave it out. */
export interface FlowConstruct {
  name: ConstructName;
}

// ---- What each pass's state offers its constructs ----

/** The containers the scanner opens: the root, and the containers of blocks. */
export type ContainerKind = 'root' | 'quote' | 'poesie' | 'note';

/** A container being read by the scanner (scan.ts's Builder): what its constructs write to it. */
export interface OpenContainer {
  readonly kind: ContainerKind;
  readonly openStart: number;
  readonly label: string | null;
  /** The source text [start, end), as is. */
  text(start: number, end: number): void;
  finish(): Working;
}

/**
 * The scanner's state, handed to each scan construct (scan.ts's Scanner): the source, the stack of open
 * containers (the root first) and where the text not yet written to the innermost one starts.
 */
export interface ScanState {
  readonly src: string;
  readonly lang: string;
  readonly syntax: ScanSyntax;
  readonly finder: Finder;
  readonly stack: readonly OpenContainer[];
  /** Footnotes open on the stack (0 or 1: they do not nest). */
  readonly openNotes: number;
  /** Start of the text not yet written to the innermost container. */
  textStart: number;
  top(): OpenContainer;
  /** Records an island and writes its placeholder to the innermost container. */
  add(island: Island): void;
  /** Writes the text since `textStart` up to `end` to the innermost container. */
  flushText(end: number): void;
  /** Whether one more container may open (the nesting is capped). */
  canOpen(): boolean;
  /** Opens a container whose opening is the source [openStart, openEnd). */
  open(kind: ContainerKind, openStart: number, openEnd: number, label?: string | null): void;
  /** Closes the innermost open container (its island is made by the caller). */
  close(): OpenContainer;
  /** Folds an unclosed container into its parent: its opening shows as text, its content stays. */
  dissolve(): void;
}

/** A list line read by the list construct (its following lines continue it: blocks.ts). */
export interface ListEntry {
  depth: number;
  ordered: boolean;
  parts: ({ start: number; end: number } | 'rule')[];
  start: number;
}

/** A table row read by the table construct: the range of its line(s). */
export interface RawRow {
  start: number;
  end: number;
}

/** The block pass's line reader as its line constructs see it (blocks.ts's LineReader). */
export interface LineState {
  readonly w: Working;
  readonly text: string;
  readonly n: number;
  /** The paragraph being gathered: [paraStart, paraEnd), or paraStart -1. */
  paraStart: number;
  paraEnd: number;
  paraAfterBlank: boolean;
  afterBlank: boolean;
  /** The list being read, if any. */
  list: ListEntry[] | null;
  /** Lines before this one were found not to be a table. */
  noTableBefore: number;
  flushPara(): void;
  /** A block read by a line construct: it ends the paragraph and the list before it. */
  addBlock(node: BlockNode): void;
  /** A table of the rows read by the table construct. */
  tableOf(rows: RawRow[]): TableNode;
  lineEndAt(s: number): number;
}

export interface InlineOptions {
  /** Inside a link's text: no nested links, no autolinks. */
  inLink?: boolean;
  /** typo(): only HTML, entities and protected regions; shortcuts stay as typed. */
  typoOnly?: boolean;
  /** Inside a raw HTML block (`<blockquote>`, `<div>`): newlines are layout, not line breaks. */
  noAutoBreak?: boolean;
}

/** An open frame of the inline parser: bold, italics and raw inline HTML elements share one stack. */
export interface Frame {
  kind: 'root' | 'strong' | 'emphasis' | 'element';
  children: InlineNode[];
  element?: ElementNode;
  start: number;
}

/** The inline parser's state as its constructs see it (inline.ts's InlineParser). */
export interface InlineState {
  readonly w: Working;
  readonly start: number;
  readonly end: number;
  readonly ctx: ParseContext;
  readonly opts: InlineOptions;
  readonly text: string;
  /** The profile's constructs for this kind of run (ordinary, link text, typo()). */
  readonly table: InlineTable;
  readonly root: Frame;
  readonly frames: Frame[];
  readonly pending: PendingText;
  bufStart: number;
  readonly finder: Finder;
  /** The autolink construct's searches (constructs/autolink.ts), made on first use. */
  schemeCursor: Cursor | null;
  wwwCursor: Cursor | null;
  pos(s: number, e: number): Position;
  cur(): Frame;
  flush(at: number): void;
  push(node: InlineNode, at: number): void;
  literal(value: string, s: number, e: number): void;
  open(kind: Frame['kind'], at: number, element?: ElementNode): boolean;
  close(match: (f: Frame) => boolean, at: number, closeSource?: string, endAt?: number): boolean;
  findClose(from: number): number;
  findOpen(from: number): number;
  /**
   * The line-start constructs at `i` (the run's start, or after a newline): the index after the one
   * read, or -1. Where lines are not read (a link's text, typo()), `i` itself.
   */
  lineStart(i: number, afterBreak: boolean): number;
  /** A link's text, or any other run inside this one, read by a parser of its own. */
  nested(start: number, end: number, opts: InlineOptions): InlineNode[];
}

// ---- The dispatch tables (compiled per profile by syntax.ts) ----

/** What reads at a position: a construct's tokenize, or the first that reads something of several. */
export type Reader<S, X = void> = (state: S, at: number, extra: X) => number;

/**
 * Readers by the code of a character that may start a construct (ASCII: every start is ASCII). One
 * function per character, not a list of construct objects: the hot loops make one call per special
 * character, with no property lookup on objects of different shapes.
 */
export type ByCode<S, X = void> = readonly (Reader<S, X> | undefined)[];

export interface ScanSyntax {
  /** A global regexp matching any character in `byCode`. */
  specials: RegExp;
  byCode: ByCode<ScanState, void>;
  /** Constructs read by the raw HTML tag construct, by start tag name, and by end tag name. */
  tags: ReadonlyMap<string, TagConstruct>;
  endTags: ReadonlyMap<string, TagConstruct>;
}

export interface InlineTable {
  allowed: ReadonlySet<ConstructName>;
  /** A global regexp matching the placeholder and any character in `byCode` (the ordinary table's). */
  specials: RegExp;
  /** Matches anything the pass acts on: a run without any is one text node. */
  work: RegExp;
  byCode: ByCode<InlineState, void>;
  /** The construct found by a search of its own (bare URLs), if any. */
  searched: InlineConstruct | null;
  /** Line-start constructs, or null where lines are not read (a link's text, typo()). */
  lineStarts: ByCode<InlineState, boolean> | null;
}

export interface Syntax {
  allowed: ReadonlySet<ConstructName>;
  /** propre()'s scan, and typo()'s (no containers: typo() reads no blocks). */
  scan: ScanSyntax;
  typoScan: ScanSyntax;
  lines: ByCode<LineState, number>;
  heading: boolean;
  blockModel: boolean;
  /** Ordinary runs, a link's text, typo(). */
  inline: InlineTable;
  inLinkText: InlineTable;
  typo: InlineTable;
}

// ---- The state shared by the passes of one document (its functions: context.ts) ----

/** A footnote as read: where it starts in the source, whether it is numbered automatically, its call. */
export interface ReadNote {
  note: Footnote;
  start: number;
  auto: boolean;
  ref: FootnoteRefNode | null;
}

/**
 * State shared by the parsing passes of one document: the islands found by the scanner, the profile's
 * dispatch tables (which constructs are recognised), and what the document collects (footnotes,
 * references).
 */
export interface ParseContext {
  islands: Island[];
  syntax: Syntax;
  lang: string;
  references: (Reference & { at: number })[];
  referenceKeys: Set<string>;
  glossaryOptOut: boolean;
  /** The footnotes in the order the passes read them (see footnotesInTextOrder). */
  notes: ReadNote[];
  /** Nesting of recursive parses (quotes, notes, list items), capped to keep the stack small. */
  depth: number;
}
