// Marks glossary terms in a parsed document (after parse, before render): runs of text become `glossaryTerm`
// nodes carrying the term's short definition. Never inside headings, links, code, formulas, existing
// abbreviations or glossary marks; never when the article opts out (setting, or `[!glossaire]` in its text).
// Copy-on-write: the given document is not modified, unchanged subtrees are shared.
import type { GlossaryTermNode, InlineNode, MarkupDocument, MarkupNode, TextNode } from '../markup/index.ts';
import { buildMatcher, type GlossaryMatcher, type MatcherTerm } from './matcher.ts';

export interface GlossaryEntry extends MatcherTerm {
  /** The short definition, already parsed (typo level). */
  definition: InlineNode[];
}

/** A glossary ready to annotate with: its entries by slug and their matcher. */
export interface Glossary {
  readonly entries: ReadonlyMap<string, GlossaryEntry>;
  readonly matcher: GlossaryMatcher;
}

export function createGlossary(entries: Iterable<GlossaryEntry>): Glossary {
  const bySlug = new Map<string, GlossaryEntry>();
  for (const entry of entries) if (!bySlug.has(entry.slug)) bySlug.set(entry.slug, entry);
  return { entries: bySlug, matcher: buildMatcher(bySlug.values()) };
}

/**
 * Where a term is marked: 'first', at its first occurrence in the article (lead, text, postscript together;
 * the default); 'field', at its first occurrence in each of them, as SPIP's glossary does (it filters #CHAPO
 * and #TEXTE apart); 'paragraph', once in each paragraph (list item, table cell, footnote); 'all', everywhere.
 */
export type GlossaryOccurrences = 'first' | 'field' | 'paragraph' | 'all';

export interface AnnotateOptions {
  occurrences?: GlossaryOccurrences;
  /** false when the article opts out of the glossary (its setting). */
  enabled?: boolean;
}

/**
 * Annotates the fields of one article in turn (lead, text, postscript): "first occurrence" counts across all
 * of them, so the returned function keeps the set of terms already marked (also readable as `used`, whatever
 * the occurrence rule: every term marked in the article).
 */
export function createArticleAnnotator(
  glossary: Glossary,
  options: AnnotateOptions = {},
): ((doc: MarkupDocument) => MarkupDocument) & { readonly used: ReadonlySet<string> } {
  const used = new Set<string>();
  const annotator = (doc: MarkupDocument) => annotateDocument(doc, glossary, options, used);
  return Object.assign(annotator, { used });
}

/**
 * Annotates one document. `used` (slugs already marked in the article) is updated; with the 'first' rule it
 * is also read, so that a term marked in an earlier field is not marked again.
 */
export function annotateDocument(
  doc: MarkupDocument,
  glossary: Glossary,
  options: AnnotateOptions = {},
  used: Set<string> = new Set(),
): MarkupDocument {
  if (options.enabled === false || doc.glossaryOptOut || glossary.entries.size === 0) return doc;
  const occurrences = options.occurrences ?? 'first';
  const state: State = {
    glossary,
    used,
    marked: occurrences === 'all' ? null : occurrences === 'first' ? used : new Set(),
    perParagraph: occurrences === 'paragraph',
  };
  const children = mapList(doc.children, (node) => annotateSame(node, state));
  // Footnotes are read after the text, so their terms count after the text's.
  let footnotesChanged = false;
  const footnotes = doc.footnotes.map((note) => {
    const noteChildren = inParagraph(state, () => mapList(note.children, (node) => annotateSame(node, state)));
    if (noteChildren === note.children) return note;
    footnotesChanged = true;
    return { ...note, children: noteChildren };
  });
  if (children === doc.children && !footnotesChanged) return doc;
  return { ...doc, children, footnotes: footnotesChanged ? footnotes : doc.footnotes };
}

/** The slugs of the terms marked in a document, in order of first appearance. */
export function glossaryTermsIn(doc: MarkupDocument): string[] {
  const found = new Set<string>();
  const visit = (nodes: readonly MarkupNode[]) => {
    for (const node of nodes) {
      if (node.type === 'glossaryTerm') found.add(node.slug);
      for (const list of childLists(node)) visit(list);
    }
  };
  visit(doc.children);
  for (const note of doc.footnotes) visit(note.children);
  return [...found];
}

interface State {
  glossary: Glossary;
  /** Every term marked in the article so far. */
  used: Set<string>;
  /** The terms already marked where a term is marked once (article, field or paragraph); null: every occurrence. */
  marked: Set<string> | null;
  perParagraph: boolean;
}

/** Runs `annotate` with a fresh set of marked terms when the rule is once per paragraph. */
function inParagraph<T>(state: State, annotate: () => T): T {
  if (!state.perParagraph) return annotate();
  const outer = state.marked;
  state.marked = new Set();
  try {
    return annotate();
  } finally {
    state.marked = outer;
  }
}

// Raw HTML elements whose content is never annotated: links, code, abbreviations, titles, form controls and
// anything not prose.
const SKIPPED_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'dfn', 'code', 'pre', 'kbd', 'samp', 'var', 'tt', 'cite', 'script', 'style', 'textarea',
  'button', 'label', 'select', 'option', 'svg', 'math', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'iframe', 'object', 'title',
]);

// Raw HTML elements that are paragraphs for the once-per-paragraph rule.
const PARAGRAPH_ELEMENTS = new Set(['p', 'li', 'td', 'th', 'dt', 'dd', 'caption', 'figcaption']);

/** A node keeps its type when annotated: only its descendants change. */
function annotateSame<T extends MarkupNode>(node: T, state: State): T {
  return annotateNode(node, state) as T;
}

function annotateNode(node: MarkupNode, state: State): MarkupNode {
  switch (node.type) {
    case 'paragraph':
    case 'phrasing':
    case 'listItem':
    case 'tableCell': {
      const children = inParagraph(state, () => annotateChildren(node.children as MarkupNode[], state));
      return children === node.children ? node : ({ ...node, children } as MarkupNode);
    }
    case 'strong':
    case 'emphasis':
    case 'quote':
    case 'list':
    case 'tableRow': {
      const children = annotateChildren(node.children as MarkupNode[], state);
      return children === node.children ? node : ({ ...node, children } as MarkupNode);
    }
    case 'element': {
      const tag = node.tagName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(tag)) return node;
      const children = PARAGRAPH_ELEMENTS.has(tag)
        ? inParagraph(state, () => annotateChildren(node.children, state))
        : annotateChildren(node.children, state);
      return children === node.children ? node : { ...node, children };
    }
    case 'table': {
      const caption = node.caption && inParagraph(state, () => annotateChildren(node.caption!, state));
      const head = node.head && annotateSame(node.head, state);
      const rows = mapList(node.rows, (row) => annotateSame(row, state));
      return caption === node.caption && head === node.head && rows === node.rows ? node : { ...node, caption, head, rows };
    }
    case 'poetry': {
      const lines = inParagraph(state, () => mapList(node.lines, (line) => annotateChildren(line, state)));
      return lines === node.lines ? node : { ...node, lines };
    }
    // Headings, links, code, formulas, models, glossary marks, raw regions and the rest: left as they are.
    default:
      return node;
  }
}

/** Annotates a list of sibling nodes: runs of adjacent text are matched as one string. */
function annotateChildren<T extends MarkupNode>(nodes: readonly T[], state: State): T[] {
  let out: MarkupNode[] | undefined;
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.type === 'text' && !node.literal) {
      let j = i + 1;
      while (j < nodes.length && isPlainText(nodes[j]!)) j++;
      const run = nodes.slice(i, j) as TextNode[];
      const marked = markText(run, state);
      if (marked) {
        out ??= nodes.slice(0, i);
        out.push(...marked);
      } else out?.push(...run);
      i = j;
      continue;
    }
    const next = annotateNode(node, state);
    if (next !== node) out ??= nodes.slice(0, i);
    out?.push(next);
    i++;
  }
  return (out as T[] | undefined) ?? (nodes as T[]);
}

function isPlainText(node: MarkupNode): node is TextNode {
  return node.type === 'text' && !node.literal;
}

/** Returns the run with its terms marked, or undefined when nothing was marked. */
function markText(run: TextNode[], state: State): InlineNode[] | undefined {
  const joined = run.length === 1 ? run[0]!.value : run.map((t) => t.value).join('');
  // Terms are NFC; a text typed with decomposed accents is matched (and then shown) in NFC, which reads the same.
  const value = joined.normalize('NFC');
  const hits = state.glossary.matcher.findAll(value);
  if (hits.length === 0) return undefined;
  const position = value === joined ? runPosition(run, value) : undefined;
  const out: InlineNode[] = [];
  let from = 0;
  for (const hit of hits) {
    if (state.marked?.has(hit.slug)) continue;
    const entry = state.glossary.entries.get(hit.slug);
    if (!entry) continue;
    state.used.add(hit.slug);
    state.marked?.add(hit.slug);
    if (hit.start > from) out.push(textNode(value.slice(from, hit.start), position, from));
    const term: GlossaryTermNode = {
      type: 'glossaryTerm',
      slug: entry.slug,
      term: entry.term,
      definition: entry.definition,
      children: [textNode(value.slice(hit.start, hit.end), position, hit.start)],
    };
    if (position) term.position = { start: position + hit.start, end: position + hit.end };
    out.push(term);
    from = hit.end;
  }
  if (from === 0) return undefined;
  if (from < value.length) out.push(textNode(value.slice(from), position, from));
  return out;
}

/** The source offset of the run's first character, when its text maps one to one onto the source. */
function runPosition(run: TextNode[], value: string): number | undefined {
  const first = run[0]!.position;
  const last = run[run.length - 1]!.position;
  if (!first || !last || last.end - first.start !== value.length) return undefined;
  return first.start;
}

function textNode(value: string, position: number | undefined, offset: number): TextNode {
  const node: TextNode = { type: 'text', value };
  if (position !== undefined) node.position = { start: position + offset, end: position + offset + value.length };
  return node;
}

function mapList<T>(list: readonly T[], map: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const next = map(item);
    if (next !== item && !out) out = list.slice(0, i);
    out?.push(next);
  }
  return out ?? (list as T[]);
}

function childLists(node: MarkupNode): (readonly MarkupNode[])[] {
  switch (node.type) {
    case 'table':
      return [node.caption ?? [], node.summary ?? [], node.head ? [node.head] : [], node.rows];
    case 'poetry':
      return node.lines;
    default:
      return 'children' in node && Array.isArray(node.children) ? [node.children as MarkupNode[]] : [];
  }
}
