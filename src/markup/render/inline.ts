// Rendering a bare list of inline nodes (typo(): titles and other one-line fields), without paragraphs.
import type { InlineNode, MarkupDocument } from '../ast.ts';
import { render } from './index.ts';

export function renderInlineNodes(nodes: InlineNode[], options: { profile: 'article' | 'forum'; lang: string }): string {
  const doc: MarkupDocument = { type: 'root', children: [{ type: 'phrasing', children: nodes }], footnotes: [], references: [], glossaryOptOut: false, lang: options.lang, profile: options.profile };
  return render(doc, options).html;
}
