// The parse side's constructs, one list per pass, in the order they are tried (markdown-it's rulers):
// where two constructs may start at the same character, the first one that reads something wins. A
// profile (profiles.ts) is a list of these names (ConstructName, construct.ts); syntax.ts compiles it
// into dispatch tables.
import type { ConstructName, FlowConstruct, InlineConstruct, LineConstruct, LineStartConstruct, ScanConstruct, TagConstruct } from '../construct.ts';
import { autoBreak } from './auto-break.ts';
import { autolink } from './autolink.ts';
import { cadre } from './cadre.ts';
import { code } from './code.ts';
import { comment } from './comment.ts';
import { emphasis } from './emphasis.ts';
import { entity } from './entity.ts';
import { escape } from './escape.ts';
import { footnote } from './footnote.ts';
import { htmlTag } from './html-tag.ts';
import { link } from './link.ts';
import { list } from './list.ts';
import { manualBreak } from './manual-break.ts';
import { math } from './math.ts';
import { model } from './model.ts';
import { multi } from './multi.ts';
import { poetry } from './poetry.ts';
import { puce } from './puce.ts';
import { quote } from './quote.ts';
import { rawHtml } from './raw-html.ts';
import { rawTextElement } from './raw-text-element.ts';
import { rule } from './rule.ts';
import { table } from './table.ts';

/** First pass (scan.ts): islands and containers, by the character that starts them. */
export const SCAN_CONSTRUCTS: readonly ScanConstruct[] = [comment, htmlTag, model, footnote];

/** Read by the raw HTML tag construct when a tag's name is theirs (a name belongs to the first listed). */
export const TAG_CONSTRUCTS: readonly TagConstruct[] = [code, cadre, math, rawHtml, rawTextElement, multi, quote, poetry];

/** Block pass (blocks.ts), at a line's first character. */
export const LINE_CONSTRUCTS: readonly LineConstruct[] = [list, table, rule];

/**
 * Block pass, cutting a paragraph: `{{{heading}}}` anywhere in it, and a model that is a block
 * (`<doc5>`, `<x|block>`; otherwise inline). Read by blocks.ts's own code.
 */
export const FLOW_CONSTRUCTS: readonly FlowConstruct[] = [{ name: 'heading' }, { name: 'blockModel' }];

/** Inline pass (inline.ts), at a special character; `link` also reads its variants' shortcuts. */
export const INLINE_CONSTRUCTS: readonly InlineConstruct[] = [autoBreak, entity, escape, emphasis, link, autolink];

/** Inline pass, at the start of a line. */
export const LINE_START_CONSTRUCTS: readonly LineStartConstruct[] = [manualBreak, puce];

/** Every construct's name, each list in order. */
export function constructNames(): ConstructName[] {
  const names: ConstructName[] = [];
  for (const list of [SCAN_CONSTRUCTS, TAG_CONSTRUCTS, LINE_CONSTRUCTS, FLOW_CONSTRUCTS, LINE_START_CONSTRUCTS] as const) for (const c of list) names.push(c.name);
  for (const c of INLINE_CONSTRUCTS) names.push(c.name, ...(c.variants ?? []));
  return names;
}
