// A small visitor for other modules (the glossary): visits every node with its ancestors, and lets a
// visitor replace a text node by several inline nodes. Ancestors tell what a text is inside (heading,
// link, code, abbr, quote…), so an annotator can skip what must not be annotated.
import type { InlineNode, MarkupDocument, MarkupNode, TextNode } from './ast.ts';

export type Ancestors = readonly MarkupNode[];

function childrenOf(node: MarkupNode): MarkupNode[] | null {
  switch (node.type) {
    case 'table': {
      const out: MarkupNode[] = [];
      for (const n of node.caption ?? []) out.push(n);
      for (const n of node.summary ?? []) out.push(n);
      if (node.head) out.push(node.head);
      for (const n of node.rows) out.push(n);
      return out;
    }
    case 'poetry':
      return node.lines.flat();
    default:
      return 'children' in node && Array.isArray(node.children) ? (node.children as MarkupNode[]) : null;
  }
}

/** Calls `visit` for every node, depth first, with the chain of its ancestors (outermost first). */
export function visit(doc: MarkupDocument, visitor: (node: MarkupNode, ancestors: Ancestors) => void): void {
  const stack: MarkupNode[] = [];
  const walk = (nodes: readonly MarkupNode[]) => {
    for (const node of nodes) {
      visitor(node, stack);
      const kids = childrenOf(node);
      if (kids) {
        stack.push(node);
        walk(kids);
        stack.pop();
      }
    }
  };
  walk(doc.children);
  for (const note of doc.footnotes) walk(note.children);
}

/** True when one of the ancestors is of a type (or a raw element with a tag name) in `names`. */
export function isInside(ancestors: Ancestors, names: readonly string[]): boolean {
  return ancestors.some((a) => names.includes(a.type) || (a.type === 'element' && names.includes(a.tagName)));
}

/**
 * Replaces text nodes: `transform` returns the nodes to put in place of the text (or undefined to keep
 * it). Only text nodes inside inline children arrays are replaced; the document is changed in place.
 */
export function transformText(doc: MarkupDocument, transform: (node: TextNode, ancestors: Ancestors) => InlineNode[] | undefined): MarkupDocument {
  const stack: MarkupNode[] = [];
  const walk = (nodes: MarkupNode[]) => {
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k] as MarkupNode;
      if (node.type === 'text') {
        const replacement = transform(node, stack);
        if (replacement) {
          nodes.splice(k, 1, ...replacement);
          k += replacement.length - 1;
        }
        continue;
      }
      if (node.type === 'table') {
        stack.push(node);
        if (node.caption) walk(node.caption);
        if (node.summary) walk(node.summary);
        for (const row of node.head ? [node.head, ...node.rows] : node.rows) {
          stack.push(row);
          for (const cell of row.children) {
            stack.push(cell);
            walk(cell.children);
            stack.pop();
          }
          stack.pop();
        }
        stack.pop();
        continue;
      }
      if (node.type === 'poetry') {
        stack.push(node);
        for (const line of node.lines) walk(line);
        stack.pop();
        continue;
      }
      if (node.type === 'glossaryTerm') continue;
      if ('children' in node && Array.isArray(node.children)) {
        stack.push(node);
        walk(node.children as MarkupNode[]);
        stack.pop();
      }
    }
  };
  walk(doc.children);
  for (const note of doc.footnotes) walk(note.children);
  return doc;
}
