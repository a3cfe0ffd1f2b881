// Raw HTML typed by the writer, re-emitted from the profile's allow-list: an element outside the list
// shows its tags as text (its content still renders); attributes outside the list are dropped; URLs go
// through the URL policy; `<iframe>` only from the hosts the site allows, always sandboxed. Tables are
// rebuilt the way the HTML parser would read them (implied `<tbody>`, stray content moved before).
import type { ElementNode, MarkupNode } from '../ast.ts';
import { BLOCK_ELEMENTS } from '../blocks.ts';
import { escapeText, startTag, type Attrs } from '../html.ts';
import { VOID_ELEMENTS } from '../inline.ts';
import { safeStyle, URL_ATTRIBUTES } from '../profiles.ts';
import { safeUrl, urlHost } from '../url.ts';
import { Output } from '../output.ts';
import type { RenderState } from './state.ts';

/** Elements that bound the HTML parser's list-item scope (its "special" elements, minus address, div and p). */
const SCOPE_RESET = new Set(['ul', 'ol', 'dl', 'li', 'dd', 'dt', 'table', 'td', 'th', 'caption', 'blockquote', 'section', 'article', 'aside', 'figure', 'figcaption', 'details', 'summary', 'header', 'footer', 'center', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'iframe']);
const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

function filterAttrs(el: ElementNode, state: RenderState): Attrs | null {
  const allowed = state.profile.elements.get(el.tagName);
  if (!allowed) return null;
  const attrs: Attrs = [];
  for (const { name, value } of el.attrs) {
    if (!(allowed.has(name) || state.profile.global.has(name))) continue;
    if (name.startsWith('on')) continue;
    if (URL_ATTRIBUTES.has(name)) {
      if (value.trim() === '') {
        attrs.push([name, '']);
        continue;
      }
      const url = safeUrl(value, name === 'href' ? 'link' : 'resource');
      if (url === null) continue;
      attrs.push([name, url]);
      continue;
    }
    if (name === 'style' && !safeStyle(value)) continue;
    if (name === 'id' && !/^[A-Za-z][\w:.-]{0,100}$/.test(value)) continue;
    if (name === 'target') {
      if (value === '_blank') attrs.push(['target', '_blank']);
      continue;
    }
    if (name === 'rel') continue;
    if (name === 'type' && el.tagName === 'a') {
      if (/^[\w.+-]+\/[\w.+-]+$/.test(value)) attrs.push([name, value]);
      continue;
    }
    attrs.push([name, value]);
  }
  if (el.tagName === 'a' && attrs.some(([k]) => k === 'target')) attrs.push(['rel', 'noopener noreferrer']);
  return attrs;
}

function asText(el: ElementNode, state: RenderState): void {
  state.out.push(escapeText(el.openSource));
  state.renderNodes(el.children);
  if (el.closeSource) state.out.push(escapeText(el.closeSource));
}

export function renderElement(el: ElementNode, state: RenderState): void {
  const name = el.tagName;
  const attrs = filterAttrs(el, state);
  if (attrs === null) return asText(el, state);
  // structure the HTML parser would not keep as written: drop the tags, keep the content
  if ((name === 'a' && state.linkDepth > 0) || (state.phrasingDepth > 0 && BLOCK_ELEMENTS.has(name)) || (TABLE_PARTS.has(name) && name !== 'table')) {
    state.renderNodes(el.children);
    return;
  }
  if (name === 'iframe') {
    const src = attrs.find(([k]) => k === 'src')?.[1];
    const host = src ? urlHost(src) : null;
    const hosts = state.options.iframeHosts ?? [];
    if (!host || !hosts.some((h) => host === h || host.endsWith(`.${h}`))) return asText(el, state);
    attrs.push(['sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation']);
    state.out.push(`${startTag('iframe', attrs)}</iframe>`);
    return;
  }
  const heading = /^h[1-6]$/.test(name);
  if ((heading && state.headingDepth > 0) || (name === 'li' && state.inListItem) || ((name === 'dd' || name === 'dt') && state.inDefinition)) {
    // the HTML parser would close the open item first: keep the content in the current one
    state.renderNodes(el.children);
    return;
  }
  if (name === 'img' && !attrs.some(([k]) => k === 'src')) return;
  if (name === 'table') return renderRawTable(el, attrs, state);
  state.out.push(startTag(name, attrs));
  if (VOID_ELEMENTS.has(name)) return;
  if (name === 'a') state.linkDepth++;
  const savedLi = state.inListItem;
  const savedDef = state.inDefinition;
  if (SCOPE_RESET.has(name)) {
    state.inListItem = name === 'li';
    state.inDefinition = name === 'dd' || name === 'dt';
  }
  if (heading) state.headingDepth++;
  if (name === 'pre') renderPreContent(el, state);
  else state.renderNodes(el.children);
  if (heading) state.headingDepth--;
  state.inListItem = savedLi;
  state.inDefinition = savedDef;
  if (name === 'a') state.linkDepth--;
  state.out.push(`</${name}>`);
}

/**
 * A `<pre>`'s content without its leading newlines. The HTML parser drops the first one; a second could
 * only be kept by writing two, which parse5 serialises back as one: the output would not read back as
 * written. A blank first line in preformatted text is not worth that.
 */
function renderPreContent(el: ElementNode, state: RenderState): void {
  const saved = state.out;
  state.out = new Output();
  state.renderNodes(el.children);
  const content = state.out.toString();
  state.out = saved;
  let start = 0;
  while (content.charCodeAt(start) === 10) start++;
  state.out.push(start ? content.slice(start) : content);
}

function isBlankNode(n: MarkupNode): boolean {
  if (n.type === 'text') return n.value.trim() === '';
  if (n.type === 'phrasing') return n.children.every(isBlankNode);
  return false;
}

function isElement(n: MarkupNode, names: Set<string> | string): boolean {
  return n.type === 'element' && (typeof names === 'string' ? n.tagName === names : names.has(n.tagName));
}

/** Children of a phrasing node, flattened, so a table's parts are seen even inside an inline run. */
function flatten(nodes: readonly MarkupNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const n of nodes) {
    if (n.type === 'phrasing') for (const c of flatten(n.children)) out.push(c);
    else out.push(n);
  }
  return out;
}

function renderRawTable(el: ElementNode, attrs: Attrs, state: RenderState): void {
  // Content the HTML parser would foster out of the table goes before it: rendered into its own
  // output, and both appended to the caller's output once the table is done.
  const saved = state.out;
  const fostered = new Output();
  const foster = (n: MarkupNode) => {
    const before = state.out;
    state.out = fostered;
    state.renderNodes([n]);
    state.out = before;
  };
  const part = (n: ElementNode): string => {
    const a = filterAttrs(n, state) ?? [];
    return startTag(n.tagName, a);
  };
  const renderCell = (cell: ElementNode) => {
    state.out.push(part(cell));
    const { phrasingDepth, inListItem, inDefinition } = state;
    state.phrasingDepth = 0;
    state.inListItem = false;
    state.inDefinition = false;
    state.renderNodes(cell.children);
    Object.assign(state, { phrasingDepth, inListItem, inDefinition });
    state.out.push(`</${cell.tagName}>`);
  };
  const renderRow = (row: ElementNode | null, cells: MarkupNode[]) => {
    state.out.push(row ? part(row) : '<tr>');
    for (const c of flatten(cells)) {
      if (isElement(c, new Set(['td', 'th'])) && state.profile.elements.has((c as ElementNode).tagName)) renderCell(c as ElementNode);
      else if (!isBlankNode(c)) foster(c);
    }
    state.out.push('</tr>');
  };
  const renderSection = (section: ElementNode | null, rows: MarkupNode[]) => {
    state.out.push(section ? part(section) : '<tbody>');
    let loose: MarkupNode[] = [];
    const flushLoose = () => {
      if (loose.length) renderRow(null, loose);
      loose = [];
    };
    for (const node of flatten(rows)) {
      const r = node as ElementNode;
      if (isElement(r, 'tr')) {
        flushLoose();
        renderRow(r, r.children);
      } else if (isElement(r, new Set(['td', 'th']))) loose.push(r);
      else if (!isBlankNode(r)) foster(r);
    }
    flushLoose();
    state.out.push(section ? `</${section.tagName}>` : '</tbody>');
  };
  state.out = new Output();
  state.out.push(startTag('table', attrs));
  let pending: MarkupNode[] = [];
  const flushPending = () => {
    if (pending.some((n) => isElement(n, new Set(['tr', 'td', 'th'])))) renderSection(null, pending);
    pending = [];
  };
  for (const node of flatten(el.children)) {
    const child = node as ElementNode;
    if (isElement(child, new Set(['tr', 'td', 'th']))) {
      pending.push(child);
      continue;
    }
    flushPending();
    if (isElement(child, new Set(['thead', 'tbody', 'tfoot']))) renderSection(child, child.children);
    else if (isElement(child, 'caption')) {
      state.out.push(part(child));
      state.phrasingDepth++;
      state.renderNodes(child.children);
      state.phrasingDepth--;
      state.out.push('</caption>');
    } else if (isElement(child, 'colgroup') || isElement(child, 'col')) {
      const cols = isElement(child, 'col') ? [child] : flatten(child.children).filter((c) => isElement(c, 'col')) as ElementNode[];
      state.out.push(isElement(child, 'colgroup') ? part(child) : '<colgroup>');
      for (const col of cols) state.out.push(part(col));
      state.out.push('</colgroup>');
    } else if (!isBlankNode(child)) foster(child);
  }
  flushPending();
  state.out.push('</table>');
  saved.append(fostered);
  saved.append(state.out);
  state.out = saved;
}
