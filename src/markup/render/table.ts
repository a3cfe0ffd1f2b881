// SPIP tables: `<table class="table spip">`, optional caption with the summary for screen readers,
// a `<thead>` when the first row is bold, rows alternating `row_odd odd` / `row_even even`, header
// ids `id<hash>_c<n>` referenced by the body cells' `headers`.
import type { TableCellNode, TableNode } from '../ast.ts';
import { startTag, type Attrs } from '../html.ts';
import type { RenderState } from './state.ts';

function cell(c: TableCellNode, tag: 'td' | 'th', attrs: Attrs, state: RenderState): void {
  if (c.colspan > 1) attrs.push(['colspan', String(c.colspan)]);
  if (c.rowspan > 1) attrs.push(['rowspan', String(c.rowspan)]);
  state.out.push(startTag(tag, attrs));
  const { inListItem, inDefinition } = state;
  state.inListItem = false;
  state.inDefinition = false;
  state.renderNodes(c.children);
  Object.assign(state, { inListItem, inDefinition });
  state.out.push(`</${tag}>`);
}

export function renderTable(node: TableNode, state: RenderState): void {
  const h = node.hash;
  const tableAttrs: Attrs = [['class', 'table spip']];
  if (node.summary) tableAttrs.push(['aria-describedby', `dby${h}`]);
  state.out.push(`${startTag('table', tableAttrs)}\n`);
  if (node.caption || node.summary) {
    state.out.push('<caption>');
    state.phrasingDepth++;
    if (node.caption) state.renderNodes(node.caption);
    if (node.summary) {
      state.out.push(`<br> <small id="dby${h}" class="summary offscreen">`);
      state.renderNodes(node.summary);
      state.out.push('</small>');
    }
    state.phrasingDepth--;
    state.out.push('</caption>\n');
  }
  const headerIds: string[] = [];
  if (node.head) {
    state.out.push('<thead><tr class="row_first">');
    let col = 0;
    for (const c of node.head.children) {
      const id = `id${h}_c${col}`;
      for (let k = 0; k < c.colspan; k++) headerIds[col + k] = id;
      cell(c, 'th', [['id', id]], state);
      col += c.colspan;
    }
    state.out.push('</tr></thead>\n');
  }
  state.out.push('<tbody>\n');
  node.rows.forEach((row, r) => {
    state.out.push(r % 2 === 0 ? '<tr class="row_odd odd">\n' : '<tr class="row_even even">\n');
    for (const c of row.children) {
      const attrs: Attrs = [];
      if (c.numeric) attrs.push(['class', 'numeric ']);
      const hid = headerIds[c.column];
      if (hid) attrs.push(['headers', hid]);
      cell(c, 'td', attrs, state);
      state.out.push('\n');
    }
    state.out.push('</tr>\n');
  });
  state.out.push('</tbody>\n</table>\n');
}
