// The renderer: one handler per node type (mdast-util-to-html style), a shared state, and the
// footnotes block. Synchronous and pure: everything it needs comes from the document and the options.
import type { MarkupDocument, MarkupNode, Reference } from '../ast.ts';
import { PROFILES } from '../profiles.ts';
import { renderAnchor } from './anchor.ts';
import { renderBreak } from './break.ts';
import { renderCadre } from './cadre.ts';
import { renderCodeBlock } from './code-block.ts';
import { renderElement } from './element.ts';
import { renderEmphasis } from './emphasis.ts';
import { renderEscapedHtml } from './escaped-html.ts';
import { renderFootnoteRef } from './footnote-ref.ts';
import { renderFootnotes } from './footnotes.ts';
import { renderGlossaryTerm } from './glossary-term.ts';
import { renderHeading } from './heading.ts';
import { renderHorizontalRule } from './horizontal-rule.ts';
import { renderInlineCode } from './inline-code.ts';
import { renderLink } from './link.ts';
import { renderList, renderListItem } from './list.ts';
import { renderMath } from './math.ts';
import { renderModel } from './model.ts';
import { renderParagraph, renderPhrasing } from './paragraph.ts';
import { renderPoetry } from './poetry.ts';
import { renderPuce } from './puce.ts';
import { renderQuote } from './quote.ts';
import { Output } from '../output.ts';
import type { RenderOptions, RenderState } from './state.ts';
import { renderStrong } from './strong.ts';
import { renderTable } from './table.ts';
import { renderText } from './text.ts';

type Handler = (node: never, state: RenderState) => void;

const handlers: Record<MarkupNode['type'], Handler> = {
  text: renderText,
  strong: renderStrong,
  emphasis: renderEmphasis,
  link: renderLink,
  anchor: renderAnchor,
  footnoteRef: renderFootnoteRef,
  break: renderBreak,
  puce: renderPuce,
  inlineCode: renderInlineCode,
  math: renderMath,
  model: renderModel,
  element: renderElement,
  escapedHtml: renderEscapedHtml,
  glossaryTerm: renderGlossaryTerm,
  glossaryOptOut: () => {},
  paragraph: renderParagraph,
  phrasing: renderPhrasing,
  heading: renderHeading,
  list: renderList,
  listItem: renderListItem,
  table: renderTable,
  tableRow: () => {},
  tableCell: () => {},
  horizontalRule: renderHorizontalRule,
  quote: renderQuote,
  poetry: renderPoetry,
  codeBlock: renderCodeBlock,
  cadre: renderCadre,
};

export interface RenderResult {
  html: string;
  notes: string;
  brokenLinks: Reference[];
}

export function render(doc: MarkupDocument, options: RenderOptions): RenderResult {
  const state: RenderState = {
    out: new Output(),
    profile: PROFILES[options.profile] ?? PROFILES.forum,
    options,
    lang: options.lang ?? doc.lang,
    doc,
    linkDepth: 0,
    phrasingDepth: 0,
    inListItem: false,
    inDefinition: false,
    headingDepth: 0,
    brokenLinks: [],
    brokenKeys: new Set(),
    renderNodes(nodes) {
      for (const node of nodes) (handlers[node.type] as (n: MarkupNode, s: RenderState) => void)(node, state);
    },
  };
  state.renderNodes(doc.children);
  const html = state.out.toString().trimEnd();
  const notes = doc.footnotes.length ? renderFootnotes(doc.footnotes, state).trimEnd() : '';
  return { html, notes, brokenLinks: state.brokenLinks };
}

export type { RenderOptions, Resolver, LinkTarget, DocumentTarget, ImagePlacement, ImageSources } from './state.ts';
