// Public API of the SPIP markup engine: parse (text → AST), render (AST → HTML for a profile), and the
// propre/typo conveniences. Pure and synchronous; internal links and documents come from a resolver.
import type { InlineNode, MarkupDocument } from './ast.ts';
import { parseBlocks } from './blocks.ts';
import type { ParseContext } from './construct.ts';
import { footnotesInTextOrder } from './context.ts';
import { parseInline, type ParseContextWithBlocks } from './inline.ts';
import { render, type RenderOptions, type RenderResult, type Resolver } from './render/index.ts';
import { scan } from './scan.ts';
import { SYNTAX } from './syntax.ts';
import { renderInlineNodes } from './render/inline.ts';

export * from './ast.ts';
export { render } from './render/index.ts';
export type { RenderOptions, RenderResult, Resolver, LinkTarget, DocumentTarget, ImagePlacement, ImageSources } from './render/index.ts';
export { visit, transformText, isInside, type Ancestors } from './walk.ts';
export { placedDocuments } from './placed-documents.ts';
export { typography } from './typography.ts';
export { MARKUP_ENGINE_VERSION } from './version.ts';

export interface ParseOptions {
  lang?: string;
  profile?: 'article' | 'forum';
}

function context(lang: string, profile: 'article' | 'forum', islands: ParseContext['islands']): ParseContextWithBlocks {
  return {
    islands,
    syntax: SYNTAX[profile],
    lang,
    references: [],
    referenceKeys: new Set(),
    glossaryOptOut: false,
    notes: [],
    depth: 0,
    parseBlocks,
  };
}

export function parse(text: string, options: ParseOptions = {}): MarkupDocument {
  const lang = options.lang ?? 'fr';
  const profile = options.profile ?? 'article';
  const source = typeof text === 'string' ? text : '';
  const scanned = scan(source, lang, SYNTAX[profile].scan);
  const ctx = context(lang, profile, scanned.islands);
  const children = source.trim() === '' ? [] : parseBlocks(scanned.root, ctx);
  return {
    type: 'root',
    children,
    footnotes: footnotesInTextOrder(ctx.notes),
    references: ctx.references.sort((a, b) => a.at - b.at).map(({ type, id }) => ({ type, id })),
    glossaryOptOut: ctx.glossaryOptOut,
    lang,
    profile,
  };
}

export interface PropreOptions {
  profile?: 'article' | 'forum';
  lang?: string;
  resolve?: Resolver;
  noteIdPrefix?: string;
  iframeHosts?: string[];
  classSpipPlus?: string;
}

/** SPIP's propre(): parse and render a full text. */
export function propre(text: string, options: PropreOptions = {}): RenderResult {
  const profile = options.profile ?? 'article';
  const doc = parse(text, { lang: options.lang ?? 'fr', profile });
  const renderOptions: RenderOptions = { ...options, profile };
  return render(doc, renderOptions);
}

/** SPIP's typo(): inline text only (titles): typography, entities and allowed HTML; shortcuts stay as typed. */
export function typo(text: string, options: { lang?: string; profile?: 'article' | 'forum' } = {}): string {
  const lang = options.lang ?? 'fr';
  const profile = options.profile ?? 'article';
  const source = typeof text === 'string' ? text : '';
  if (source === '') return '';
  const scanned = scan(source, lang, SYNTAX[profile].typoScan);
  const ctx = context(lang, profile, scanned.islands);
  const nodes: InlineNode[] = parseInline(scanned.root, 0, scanned.root.text.length, ctx, { typoOnly: true });
  return renderInlineNodes(nodes, { profile, lang });
}

export { textOfHtml } from './reader-text.ts';
import { textOfHtml } from './reader-text.ts';

/** typo() as plain text: a title as readers see it where HTML cannot go (`<title>`, an attribute, a feed). */
export function typoText(text: string, options: { lang?: string; profile?: 'article' | 'forum' } = {}): string {
  return textOfHtml(typo(text, options));
}

/** propre() as plain text: a whole text as readers see it, for snippets and descriptions. */
export function propreText(text: string, options: PropreOptions = {}): string {
  return textOfHtml(propre(text, options).html);
}
