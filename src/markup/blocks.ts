// Block pass: reads a working string line by line (blank lines, then the profile's line constructs by
// the line's first character: lists, tables, rules), cuts paragraphs around block-level things
// (headings, quotes, code blocks, block HTML tags, block models, when the profile has them), then builds
// the tree of raw HTML block elements with the browser's implicit-closing rules, so that the output
// nests the way an HTML parser would read it. Inline content goes to the inline pass.
import type { BlockNode, ElementNode, InlineNode, ListItemNode, ListNode, MarkupNode, TableCellNode, TableNode, TableRowNode } from './ast.ts';
import type { ByCode, LineState, ListEntry, ParseContext, RawRow } from './construct.ts';
import { readHeading } from './constructs/heading.ts';
import { readRule } from './constructs/rule.ts';
import { boldCellInner, isNumericCell, splitCells, tableHash } from './constructs/table.ts';
import { addReference } from './context.ts';
import { parseInline, VOID_ELEMENTS } from './inline.ts';
import { finderOf, placeholderEnd, placeholderIndex, toSource, type Working } from './working.ts';

/** Elements a browser treats as blocks (they close an open `<p>`), plus SPIP's own block list. */
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'caption', 'colgroup',
  'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'ul', 'iframe', 'listing', 'xmp', 'search', 'object',
]);
/** Elements whose content is phrasing only: a run inside them is never a `<p>`. */
const PHRASING_CONTAINERS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'dt', 'caption', 'summary', 'figcaption', 'td', 'th', 'li', 'dd']);
const CLOSES_P = new Set([...BLOCK_ELEMENTS].filter((n) => !['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'col', 'iframe', 'object'].includes(n)));
const MAX_ELEMENT_DEPTH = 48;
// one-character matches (the finder's cursors need a fixed width); `{` not opening `{{{` is skipped
const FLOW_BREAKS = /[{\uE000]/g;
const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

type Item =
  | { kind: 'run'; start: number; end: number; afterBlank: boolean }
  | { kind: 'node'; node: BlockNode }
  | { kind: 'open'; el: ElementNode }
  | { kind: 'close'; name: string; source: string };

export function parseBlocks(w: Working, ctx: ParseContext): BlockNode[] {
  ctx.depth++;
  try {
    const fast = oneLineRun(w.text);
    if (fast) return inlineOnly(w, fast[0], fast[1], ctx);
    return buildTree(w, readLines(w, ctx), ctx, 'flow') as BlockNode[];
  } finally {
    ctx.depth--;
    // this string is read: its memos would otherwise live (and be copied by the GC) until the end of
    // the whole parse, one set per footnote or quote
    w.finder = undefined;
  }
}

/**
 * The range of a text with no block syntax at all (one line, no island, no `{{{`, not starting with the
 * `-` of a list or rule nor the `|` of a table), trimmed as the block pass trims a run; null otherwise.
 * Most footnotes are such a text: 100,000 of them each went through the line reader, the flow splitter
 * and the tree builder, with their objects, only to give one paragraph.
 */
function oneLineRun(text: string): [number, number] | null {
  if (text.indexOf('\n') >= 0 || text.indexOf('\uE000') >= 0 || text.indexOf('{{{') >= 0) return null;
  let s = 0;
  let e = text.length;
  while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (s === e) return null;
  const c = text.charCodeAt(s);
  if (c === 45 || c === 124) return null;
  return [s, e];
}

/** What buildTree makes of that single run: one paragraph (a phrasing run when nothing in it shows). */
function inlineOnly(w: Working, s: number, e: number, ctx: ParseContext): BlockNode[] {
  const children = parseInline(w, s, e, ctx, { noAutoBreak: false });
  if (children.length === 0 || allBlankText(children)) return [];
  const position = { start: toSource(w, s), end: toSource(w, e) };
  return [anyVisible(children) ? { type: 'paragraph', children, position } : { type: 'phrasing', children, position }];
}

/** The block pass's line reader, handed to each line construct (as construct.ts's LineState). */
export class LineReader implements LineState {
  readonly text: string;
  readonly n: number;
  /** The profile's line constructs, by a line's first character (syntax.ts). */
  readonly lineConstructs: ByCode<LineState, number>;
  /** Whether a `----` line inside a list is a rule in its item. */
  readonly rulesInLists: boolean;
  readonly items: Item[] = [];
  paraStart = -1;
  paraEnd = -1;
  paraAfterBlank = true;
  afterBlank = true;
  list: ListEntry[] | null = null;
  noTableBefore = 0;

  constructor(
    readonly w: Working,
    readonly ctx: ParseContext,
  ) {
    this.text = w.text;
    this.n = w.text.length;
    this.lineConstructs = ctx.syntax.lines;
    this.rulesInLists = ctx.syntax.allowed.has('rule');
  }

  flushPara() {
    if (this.paraStart >= 0) splitFlow(this.w, this.paraStart, this.paraEnd, this.paraAfterBlank, this.ctx, this.items);
    this.paraStart = -1;
  }

  flushList() {
    if (this.list) for (const node of buildList(this.w, this.list, this.ctx)) this.items.push({ kind: 'node', node });
    this.list = null;
  }

  /** A block read by a line construct: it ends the paragraph and the list before it. */
  addBlock(node: BlockNode) {
    this.flushPara();
    this.flushList();
    this.items.push({ kind: 'node', node });
    this.afterBlank = false;
  }

  /** A table of the rows read by the table construct. */
  tableOf(rows: RawRow[]): TableNode {
    return buildTable(this.w, rows, this.ctx);
  }

  lineEndAt(s: number) {
    const e = this.text.indexOf('\n', s);
    return e < 0 ? this.n : e;
  }

  /** A line that is no construct while a list is open continues its last item (a rule inside it). */
  continueList(list: ListEntry[], ls: number, le: number) {
    const last = list[list.length - 1] as ListEntry;
    const lastPart = last.parts[last.parts.length - 1];
    if (this.rulesInLists && readRule(this.text, ls, le) >= 0) last.parts.push('rule');
    else if (lastPart && lastPart !== 'rule') lastPart.end = le;
    else last.parts.push({ start: ls, end: le });
  }

  read(): Item[] {
    const text = this.text;
    const n = this.n;
    const byCode = this.lineConstructs;
    let ls = 0;
    while (ls <= n) {
      const le = this.lineEndAt(ls);
      let blank = true;
      for (let k = ls; k < le; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 9) {
          blank = false;
          break;
        }
      }
      if (blank) {
        this.flushPara();
        this.flushList();
        this.afterBlank = true;
        ls = le + 1;
        continue;
      }
      const first = text.charCodeAt(ls);
      const read = first < 128 ? byCode[first] : undefined;
      const next = read !== undefined ? read(this, ls, le) : -1;
      if (next >= 0) {
        ls = next;
        continue;
      }
      if (this.list !== null && this.list.length > 0) {
        this.continueList(this.list, ls, le);
        ls = le + 1;
        continue;
      }
      if (this.paraStart < 0) {
        this.paraStart = ls;
        this.paraAfterBlank = this.afterBlank;
      }
      this.paraEnd = le;
      this.afterBlank = false;
      ls = le + 1;
    }
    this.flushPara();
    this.flushList();
    return this.items;
  }
}

function readLines(w: Working, ctx: ParseContext): Item[] {
  return new LineReader(w, ctx).read();
}

/** Cuts a paragraph range around headings and block islands; the pieces in between are runs. */
function splitFlow(w: Working, start: number, end: number, afterBlank: boolean, ctx: ParseContext, items: Item[]): void {
  const text = w.text;
  const { heading, blockModel } = ctx.syntax;
  let runStart = start;
  let first = true;
  const finder = finderOf(w);
  let from = start;
  for (;;) {
    const p = finder.nextMatch(FLOW_BREAKS, from);
    if (p < 0 || p >= end) break;
    if (text.charCodeAt(p) === 123) {
      const h = heading && text.charCodeAt(p + 1) === 123 && text.charCodeAt(p + 2) === 123 ? readHeading(text, p, end, finder) : null;
      if (!h) {
        from = p + 1;
        continue;
      }
      pushRun(text, items, runStart, p, first && afterBlank);
      first = false;
      items.push({
        kind: 'node',
        node: { type: 'heading', level: 2, children: parseInline(w, h.start, h.end, ctx), position: { start: toSource(w, p), end: toSource(w, h.after) } },
      });
      runStart = h.after;
      from = h.after;
      continue;
    }
    const index = placeholderIndex(text, p);
    const after = placeholderEnd(text, p);
    from = after;
    const island = ctx.islands[index];
    if (!island) continue;
    const position = { start: island.start, end: island.end };
    let item: Item | null = null;
    switch (island.kind) {
      // quote, poetry and cadre islands exist only where the profile has those constructs (the scanner)
      case 'quote':
        item = { kind: 'node', node: { type: 'quote', children: ctx.depth < 16 ? parseBlocks(island.inner, ctx) : [], position } };
        break;
      case 'poesie':
        item = { kind: 'node', node: { type: 'poetry', lines: poetryLines(island.inner, ctx), position } };
        break;
      case 'cadre':
        item = { kind: 'node', node: { type: 'cadre', value: island.value, position } };
        break;
      case 'code':
        if (island.block) item = { kind: 'node', node: { type: 'codeBlock', value: island.value, position } };
        break;
      case 'model': {
        const name = island.model.name;
        const block = island.model.params.includes('block') || ((name === 'doc' || name === 'emb' || name === 'document') && island.model.id !== null);
        if (block && blockModel) {
          if (island.model.id !== null && ['doc', 'emb', 'document'].includes(name)) addReference(ctx, { type: 'document', id: island.model.id }, island.start);
          item = { kind: 'node', node: { type: 'model', name, id: island.model.id, params: island.model.params, source: island.source, block: true, position } };
        }
        break;
      }
      case 'tag':
        if (BLOCK_ELEMENTS.has(island.tag.name)) {
          item = island.tag.closing
            ? { kind: 'close', name: island.tag.name, source: island.source }
            : { kind: 'open', el: { type: 'element', tagName: island.tag.name, attrs: island.tag.attrs, children: [], openSource: island.source, closeSource: '', position } };
        }
        break;
      default:
        break;
    }
    if (item) {
      pushRun(text, items, runStart, p, first && afterBlank);
      first = false;
      items.push(item);
      runStart = after;
    }
  }
  pushRun(text, items, runStart, end, first && afterBlank);
      first = false;
}

function pushRun(text: string, items: Item[], s: number, e: number, afterBlank: boolean): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) items.push({ kind: 'run', start: s, end: e, afterBlank });
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

function allBlankText(nodes: readonly InlineNode[]): boolean {
  for (const c of nodes) if (c.type !== 'text' || c.value.trim() !== '') return false;
  return true;
}

function anyVisible(nodes: readonly InlineNode[]): boolean {
  for (const c of nodes) if (c.type !== 'glossaryOptOut') return true;
  return false;
}

function targetOf(stack: ElementNode[], root: MarkupNode[]): MarkupNode[] {
  return stack.length ? (stack[stack.length - 1] as ElementNode).children : root;
}

function popStack(stack: ElementNode[], index: number): void {
  stack.length = Math.min(stack.length, index);
}

function findOpenIn(stack: ElementNode[], name: string, stopAt?: Set<string>): number {
  for (let d = stack.length - 1; d >= 0; d--) {
    const t = (stack[d] as ElementNode).tagName;
    if (t === name) return d;
    if (stopAt?.has(t)) return -1;
  }
  return -1;
}

const P_SCOPE = new Set(['table', 'td', 'th', 'caption', 'div', 'blockquote', 'li']);
const LI_SCOPE = new Set(['ul', 'ol', 'table', 'div']);
const DL_SCOPE = new Set(['dl', 'div']);
const TABLE_SCOPE = new Set(['table']);
const ROW_SCOPE = new Set(['table', 'tr']);

/** Builds nested raw HTML elements from the flat items, closing implicitly as a browser does. */
function buildTree(w: Working, items: Item[], ctx: ParseContext, mode: 'flow' | 'phrasing'): MarkupNode[] {
  const root: MarkupNode[] = [];
  const stack: ElementNode[] = [];
  for (const item of items) {
    if (item.kind === 'run') {
      const parent = stack[stack.length - 1];
      const children = parseInline(w, item.start, item.end, ctx, { noAutoBreak: parent !== undefined && !item.afterBlank });
      if (children.length === 0) continue;
      const position = { start: toSource(w, item.start), end: toSource(w, item.end) };
      const container = targetOf(stack, root);
      // in a list item or a cell, text after a block is a paragraph again (SPIP's paragrapher)
      const afterBlock = mode === 'phrasing' && parent === undefined && container.length > 0 && container[container.length - 1]?.type !== 'phrasing';
      const phrasing = (mode === 'phrasing' && !afterBlock) || (parent !== undefined && (PHRASING_CONTAINERS.has(parent.tagName) || !item.afterBlank));
      if (allBlankText(children)) continue;
      const visible = anyVisible(children);
      container.push(phrasing || !visible ? { type: 'phrasing', children, position } : { type: 'paragraph', children, position });
    } else if (item.kind === 'node') {
      // a block never goes inside an open <p> or heading: the HTML parser would close them
      const top = stack[stack.length - 1];
      if (top && (top.tagName === 'p' || /^h[1-6]$/.test(top.tagName))) stack.pop();
      targetOf(stack, root).push(item.node);
    } else if (item.kind === 'open') {
      const name = item.el.tagName;
      // table parts outside a table are ignored, as the HTML parser ignores them
      if (TABLE_PARTS.has(name) && findOpenIn(stack, 'table') < 0) continue;
      if (CLOSES_P.has(name)) {
        const p = findOpenIn(stack, 'p', P_SCOPE);
        if (p >= 0) popStack(stack, p);
      }
      if (name === 'li') {
        const li = findOpenIn(stack, 'li', LI_SCOPE);
        if (li >= 0) popStack(stack, li);
      }
      if (name === 'dt' || name === 'dd') {
        const d = Math.max(findOpenIn(stack, 'dt', DL_SCOPE), findOpenIn(stack, 'dd', DL_SCOPE));
        if (d >= 0) popStack(stack, d);
      }
      if (/^h[1-6]$/.test(name) && stack.length && /^h[1-6]$/.test((stack[stack.length - 1] as ElementNode).tagName)) stack.pop();
      if ((name === 'tr' || name === 'thead' || name === 'tbody' || name === 'tfoot') && stack.length) {
        const cell = Math.max(findOpenIn(stack, 'td', TABLE_SCOPE), findOpenIn(stack, 'th', TABLE_SCOPE));
        if (cell >= 0) popStack(stack, cell);
        if (name !== 'tr') {
          const tr = findOpenIn(stack, 'tr', TABLE_SCOPE);
          if (tr >= 0) popStack(stack, tr);
        } else {
          const tr = findOpenIn(stack, 'tr', TABLE_SCOPE);
          if (tr >= 0) popStack(stack, tr);
        }
      }
      if ((name === 'td' || name === 'th') && stack.length) {
        const cell = Math.max(findOpenIn(stack, 'td', ROW_SCOPE), findOpenIn(stack, 'th', ROW_SCOPE));
        if (cell >= 0) popStack(stack, cell);
      }
      const el: ElementNode = { ...item.el, children: [] };
      targetOf(stack, root).push(el);
      if (!VOID_ELEMENTS.has(name) && stack.length < MAX_ELEMENT_DEPTH) stack.push(el);
    } else {
      const d = findOpenIn(stack, item.name);
      if (d >= 0) {
        (stack[d] as ElementNode).closeSource = item.source;
        popStack(stack, d);
      }
    }
  }
  return root;
}

function buildList(w: Working, entries: ListEntry[], ctx: ParseContext): ListNode[] {
  // a stack of open lists, one per depth; a change of type at the same depth starts a sibling list
  const first = entries[0] as ListEntry;
  const rootList: ListNode = { type: 'list', ordered: first.ordered, children: [], position: { start: toSource(w, first.start), end: 0 } };
  const lists: ListNode[] = [rootList];
  let lastEnd = first.start;
  const siblings: ListNode[] = [rootList];
  for (const entry of entries) {
    const depth = Math.max(1, entry.depth);
    // close deeper lists
    while (lists.length > depth) lists.pop();
    // open missing levels inside the last item of the current deepest list
    while (lists.length < depth) {
      const parent = lists[lists.length - 1] as ListNode;
      let li = parent.children[parent.children.length - 1];
      if (!li) {
        li = { type: 'listItem', children: [] };
        parent.children.push(li);
      }
      const nested: ListNode = { type: 'list', ordered: entry.ordered, children: [] };
      li.children.push(nested);
      lists.push(nested);
    }
    let list = lists[lists.length - 1] as ListNode;
    if (list.ordered !== entry.ordered) {
      const fresh: ListNode = { type: 'list', ordered: entry.ordered, children: [] };
      if (lists.length === 1) {
        siblings.push(fresh);
      } else {
        const parentList = lists[lists.length - 2] as ListNode;
        const li = parentList.children[parentList.children.length - 1] as ListItemNode;
        li.children.push(fresh);
      }
      lists[lists.length - 1] = fresh;
      list = fresh;
    }
    const item: ListItemNode = { type: 'listItem', children: [] };
    for (const part of entry.parts) {
      if (part === 'rule') {
        item.children.push({ type: 'horizontalRule' });
        continue;
      }
      const items: Item[] = [];
      splitFlow(w, part.start, part.end, false, ctx, items);
      for (const node of buildTree(w, items, ctx, 'phrasing')) item.children.push(node);
      lastEnd = part.end;
    }
    mergePhrasing(item.children);
    list.children.push(item);
  }
  if (rootList.position) rootList.position.end = toSource(w, lastEnd);
  return siblings;
}

/** Consecutive phrasing runs inside a list item are one run separated by an automatic line break. */
function mergePhrasing(children: MarkupNode[]): void {
  for (let k = children.length - 1; k > 0; k--) {
    const a = children[k - 1];
    const b = children[k];
    if (a?.type === 'phrasing' && b?.type === 'phrasing') {
      a.children.push({ type: 'break', kind: 'auto' });
      for (const n of b.children) a.children.push(n);
      children.splice(k, 1);
    }
  }
}

function poetryLines(w: Working, ctx: ParseContext): InlineNode[][] {
  const lines: InlineNode[][] = [];
  let s = 0;
  const text = w.text;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (text.slice(s, e).trim() !== '') {
      // each line's own shortcuts are read; a forced break has no meaning here
      lines.push(parseInline(w, s, e, ctx));
    }
    s = e + 1;
  }
  return lines;
}

function buildTable(w: Working, rows: RawRow[], ctx: ParseContext): TableNode {
  const text = w.text;
  const first = rows[0] as RawRow;
  const last = rows[rows.length - 1] as RawRow;
  const table: TableNode = {
    type: 'table',
    hash: tableHash(text.slice(first.start, last.end)),
    caption: null,
    summary: null,
    head: null,
    rows: [],
    position: { start: toSource(w, first.start), end: toSource(w, last.end) },
  };
  let r = 0;
  if (text.startsWith('||', first.start) && text.startsWith('||', first.end - 2) && first.end - first.start > 4) {
    const cells = splitCells(text, first.start + 2, first.end - 2);
    const cap = cells[0];
    if (cap) table.caption = trimmedInline(w, cap.start, cap.end, ctx);
    const sum = cells[1];
    if (sum) {
      const s = trimmedInline(w, sum.start, sum.end, ctx);
      if (s.length) table.summary = s;
    }
    r = 1;
  }
  const grid: (TableCellNode | null)[][] = [];
  const columnValues: string[][] = [];
  for (let k = r; k < rows.length; k++) {
    const row = rows[k] as RawRow;
    const cells = splitCells(text, row.start + 1, row.end - 1);
    const headerCandidate = k === r && table.head === null;
    const inners = headerCandidate ? cells.map((c) => boldCellInner(text, c)) : [];
    const isHead =
      headerCandidate &&
      inners.some((x) => x !== null) &&
      cells.every((c, idx) => inners[idx] !== null || text.slice(c.start, c.end).trim() === '');
    const out: (TableCellNode | null)[] = [];
    cells.forEach((cell, col) => {
      const raw = text.slice(cell.start, cell.end).trim();
      if (raw === '<' && out.length > 0) {
        // merges with the nearest real cell on the left
        for (let j = out.length - 1; j >= 0; j--) {
          const left = out[j];
          if (left) {
            left.colspan++;
            break;
          }
        }
        out.push(null);
        return;
      }
      if (raw === '^') {
        for (let up = grid.length - 1; up >= 0; up--) {
          const above = grid[up]?.[col];
          if (above) {
            above.rowspan++;
            break;
          }
          if (above === undefined) break;
        }
        out.push(null);
        return;
      }
      const inner = isHead ? inners[col] : null;
      const children = inner
        ? parseInline(w, inner.start, inner.end, ctx)
        : cellContent(w, cell.start, cell.end, ctx);
      if (!isHead) (columnValues[col] ??= []).push(raw);
      out.push({ type: 'tableCell', header: isHead, colspan: 1, rowspan: 1, numeric: false, column: col, children, position: { start: toSource(w, cell.start), end: toSource(w, cell.end) } });
    });
    const rowNode: TableRowNode = { type: 'tableRow', children: out.filter((c): c is TableCellNode => c !== null), position: { start: toSource(w, row.start), end: toSource(w, row.end) } };
    if (isHead) table.head = rowNode;
    else {
      grid.push(out);
      table.rows.push(rowNode);
    }
  }
  const numericColumns = columnValues.map((vals) => vals.length > 0 && vals.every((v) => isNumericCell(v)));
  for (const row of table.rows) for (const cell of row.children) cell.numeric = numericColumns[cell.column] === true;
  return table;
}

function cellContent(w: Working, start: number, end: number, ctx: ParseContext): MarkupNode[] {
  const items: Item[] = [];
  splitFlow(w, start, end, false, ctx, items);
  const children = buildTree(w, items, ctx, 'phrasing');
  mergePhrasing(children);
  return children;
}

function trimmedInline(w: Working, start: number, end: number, ctx: ParseContext): InlineNode[] {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(w.text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(w.text.charCodeAt(e - 1))) e--;
  return parseInline(w, s, e, ctx);
}
