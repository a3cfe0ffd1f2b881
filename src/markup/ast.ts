// The SPIP markup AST: what `parse` produces and `render` consumes. Every node may carry its position
// in the source text (offsets after line-ending normalisation, CRLF → LF). Raw HTML that an editor
// typed is represented as `element` nodes with its attributes unfiltered: the renderer decides, per
// profile, what may be emitted, so one parsed document can be rendered safely with either profile.

export interface Position {
  start: number;
  end: number;
}

interface NodeBase {
  position?: Position;
}

export type ReferenceType = 'article' | 'section' | 'document' | 'author' | 'keyword' | 'breve' | 'site';

export interface Reference {
  type: ReferenceType;
  id: number;
}

export interface Attribute {
  name: string;
  value: string;
}

// ---------------------------------------------------------------- inline nodes

export interface TextNode extends NodeBase {
  type: 'text';
  value: string;
  /** Shown exactly as typed: no typography (unknown tags, escaped shortcuts shown as text). */
  literal?: boolean;
}

export interface StrongNode extends NodeBase {
  type: 'strong';
  children: InlineNode[];
}

/** SPIP's `{italique}`, rendered as `<i>` like SPIP does. */
export interface EmphasisNode extends NodeBase {
  type: 'emphasis';
  children: InlineNode[];
}

export type LinkKind = 'external' | 'mail' | 'anchor' | 'relative' | 'internal' | 'auto' | 'wiki';

export interface LinkNode extends NodeBase {
  type: 'link';
  kind: LinkKind;
  /** The target as written (URL, `art12#x`, `mailto:…`). */
  target: string;
  /** For internal links: the object and the optional `#anchor`. */
  ref?: Reference & { anchor?: string };
  title?: string;
  hreflang?: string;
  /** `[->target]`: the text is generated (URL, or the object's title). */
  generatedText: boolean;
  /** `<http://…>` written between angle brackets (SPIP's "ressource"). */
  bracketed?: boolean;
  children: InlineNode[];
}

/** `[name<-]`: a named anchor in the text. */
export interface AnchorNode extends NodeBase {
  type: 'anchor';
  name: string;
}

export interface FootnoteRefNode extends NodeBase {
  type: 'footnoteRef';
  /** Index into `MarkupDocument.footnotes`. */
  note: number;
}

export interface BreakNode extends NodeBase {
  type: 'break';
  /** auto: a newline inside a paragraph; manual: `_ ` at line start; html: a `<br>` typed by the writer. */
  kind: 'auto' | 'manual' | 'html';
}

/** The decorative bullet of a line starting with `- ` (SPIP's "puce"), or the dash of `-- `. */
export interface PuceNode extends NodeBase {
  type: 'puce';
  kind: 'puce' | 'dash';
  /** Preceded by a line break inside the same paragraph. */
  afterBreak: boolean;
}

export interface InlineCodeNode extends NodeBase {
  type: 'inlineCode';
  value: string;
}

/** `<math>…$x$…</math>` formula: shown as code (no TeX server). */
export interface MathNode extends NodeBase {
  type: 'math';
  value: string;
}

/** `<doc5|left>`, `<img5>`, `<emb5>` and unknown models `<nom|…>`. */
export interface ModelNode extends NodeBase {
  type: 'model';
  name: string;
  id: number | null;
  params: string[];
  /** The tag as typed, shown as text when the model is unknown or not allowed. */
  source: string;
  block: boolean;
}

/** Raw HTML typed by the writer. Attributes are kept as typed and filtered by the renderer's profile. */
export interface ElementNode extends NodeBase {
  type: 'element';
  tagName: string;
  attrs: Attribute[];
  children: MarkupNode[];
  /** The start tag and end tag as typed, shown as text when the element is not allowed. */
  openSource: string;
  closeSource: string;
}

/** Script, style and other executable or unknown raw regions, shown as text. */
export interface EscapedHtmlNode extends NodeBase {
  type: 'escapedHtml';
  value: string;
}

/** Reserved for the glossary: a term annotated with its definition. */
export interface GlossaryTermNode extends NodeBase {
  type: 'glossaryTerm';
  slug: string;
  term: string;
  definition: InlineNode[];
  children: InlineNode[];
}

/** `[!glossaire]`: no output; sets `MarkupDocument.glossaryOptOut`. */
export interface GlossaryOptOutNode extends NodeBase {
  type: 'glossaryOptOut';
}

export type InlineNode =
  | TextNode
  | StrongNode
  | EmphasisNode
  | LinkNode
  | AnchorNode
  | FootnoteRefNode
  | BreakNode
  | PuceNode
  | InlineCodeNode
  | MathNode
  | ModelNode
  | ElementNode
  | EscapedHtmlNode
  | GlossaryTermNode
  | GlossaryOptOutNode;

// ---------------------------------------------------------------- block nodes

export interface ParagraphNode extends NodeBase {
  type: 'paragraph';
  children: InlineNode[];
}

/** Inline content not wrapped in `<p>` (inside raw HTML blocks, list items, as SPIP does). */
export interface PhrasingNode extends NodeBase {
  type: 'phrasing';
  children: InlineNode[];
}

export interface HeadingNode extends NodeBase {
  type: 'heading';
  level: number;
  children: InlineNode[];
}

export interface ListNode extends NodeBase {
  type: 'list';
  ordered: boolean;
  children: ListItemNode[];
}

export interface ListItemNode extends NodeBase {
  type: 'listItem';
  children: MarkupNode[];
}

export interface TableCellNode extends NodeBase {
  type: 'tableCell';
  header: boolean;
  colspan: number;
  rowspan: number;
  numeric: boolean;
  column: number;
  children: MarkupNode[];
}

export interface TableRowNode extends NodeBase {
  type: 'tableRow';
  children: TableCellNode[];
}

export interface TableNode extends NodeBase {
  type: 'table';
  /** Four hex digits derived from the table's text, used for SPIP's generated ids. */
  hash: string;
  caption: InlineNode[] | null;
  summary: InlineNode[] | null;
  head: TableRowNode | null;
  rows: TableRowNode[];
}

export interface HorizontalRuleNode extends NodeBase {
  type: 'horizontalRule';
}

/** `<quote>…</quote>`. */
export interface QuoteNode extends NodeBase {
  type: 'quote';
  children: BlockNode[];
}

/** `<poesie>…</poesie>`: one child per line. */
export interface PoetryNode extends NodeBase {
  type: 'poetry';
  lines: InlineNode[][];
}

/** `<code>` containing a newline. */
export interface CodeBlockNode extends NodeBase {
  type: 'codeBlock';
  value: string;
}

/** `<cadre>…</cadre>`: a read-only text area. */
export interface CadreNode extends NodeBase {
  type: 'cadre';
  value: string;
}

export type BlockNode =
  | ParagraphNode
  | PhrasingNode
  | HeadingNode
  | ListNode
  | TableNode
  | HorizontalRuleNode
  | QuoteNode
  | PoetryNode
  | CodeBlockNode
  | CadreNode
  | ElementNode
  | ModelNode
  | EscapedHtmlNode;

export type MarkupNode = BlockNode | InlineNode | ListItemNode | TableRowNode | TableCellNode;

export interface Footnote {
  /** The number or custom label shown (`1`, `a`); empty for an unnumbered note `[[<>…]]`. */
  label: string;
  children: BlockNode[];
}

export interface MarkupDocument {
  type: 'root';
  children: BlockNode[];
  footnotes: Footnote[];
  /** Internal targets mentioned (links, documents), deduplicated, in order of first mention. */
  references: Reference[];
  /** The text contains `[!glossaire]`. */
  glossaryOptOut: boolean;
  lang: string;
  profile: 'article' | 'forum';
}
