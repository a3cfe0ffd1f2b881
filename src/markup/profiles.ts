// The two profiles as allow-lists. `article` is for editors (the rich HTML SPIP editors use, minus
// anything executable); `forum` is for commenters (shortcuts for paragraphs, bold, italics, external
// links, quotes and code, plus `<q>`, `<del>`, `<ins>`). Raw HTML outside the list is shown as text.
// `generated` lists what the renderer itself emits for shortcuts, so tests can check the whole output.
// Each profile also lists the constructs its parser recognises (constructs/index.ts): what a profile
// leaves out is not read at all, and its characters stay text.
import type { ConstructName } from './construct.ts';

export type ProfileName = 'article' | 'forum';

export interface Profile {
  name: ProfileName;
  /** What the parser recognises, by construct name (compiled once into dispatch tables: syntax.ts). */
  constructs: readonly ConstructName[];
  /** Raw HTML elements the writer may use, with their allowed attributes (beyond `global`). */
  elements: Map<string, Set<string>>;
  global: Set<string>;
}

const GLOBAL_ARTICLE = ['class', 'id', 'title', 'lang', 'dir', 'style', 'role', 'aria-label', 'aria-describedby', 'aria-hidden'];

const ARTICLE_ELEMENTS: Record<string, string[]> = {
  a: ['href', 'hreflang', 'rel', 'target', 'name', 'type'],
  abbr: [],
  acronym: [],
  address: [],
  article: [],
  aside: [],
  b: [],
  bdi: [],
  bdo: [],
  big: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  center: [],
  cite: [],
  code: [],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  footer: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  header: [],
  hr: [],
  i: [],
  iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'frameborder', 'loading', 'referrerpolicy'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'type', 'reversed'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  span: [],
  strike: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: ['summary', 'width', 'border', 'cellpadding', 'cellspacing'],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers', 'align', 'valign', 'width'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'align', 'valign', 'width'],
  thead: [],
  time: ['datetime'],
  tr: [],
  tt: [],
  u: [],
  ul: ['type'],
  var: [],
  wbr: [],
};

const FORUM_ELEMENTS: Record<string, string[]> = {
  q: [],
  del: [],
  ins: [],
  br: [],
};

/** Every construct: editors have all of SPIP's shortcuts. */
const ARTICLE_CONSTRUCTS: readonly ConstructName[] = [
  // scanner: comments, raw HTML, models, footnotes, and the regions and containers tags open
  'comment', 'htmlTag', 'model', 'footnote',
  'code', 'cadre', 'math', 'rawHtml', 'rawTextElement', 'multi', 'quote', 'poetry',
  // blocks
  'list', 'table', 'rule', 'heading', 'blockModel',
  // inline
  'autoBreak', 'entity', 'escape', 'emphasis', 'link', 'internalLink', 'anchor', 'wikiLink', 'glossaryOptOut', 'autolink',
  'manualBreak', 'puce',
];

/**
 * What commenters may not use: the regions and containers an editor lays a page out with (`<cadre>`,
 * `<math>`, `<html>`/`<pre>`, `<poesie>`: their tags are then raw HTML, which the forum allow-list shows
 * as text), block shortcuts (lists, tables, rules, headings, block models), bullets, and the links that
 * reach into the site or its glossary (internal targets, anchors, Wikipedia, the glossary opt-out).
 */
const FORUM_FORBIDS: ReadonlySet<ConstructName> = new Set<ConstructName>([
  'cadre', 'math', 'rawHtml', 'poetry',
  'list', 'table', 'rule', 'heading', 'blockModel',
  'puce', 'internalLink', 'anchor', 'wikiLink', 'glossaryOptOut',
]);

function toMap(rec: Record<string, string[]>): Map<string, Set<string>> {
  return new Map(Object.entries(rec).map(([k, v]) => [k, new Set(v)]));
}

export const PROFILES: Record<ProfileName, Profile> = {
  article: { name: 'article', constructs: ARTICLE_CONSTRUCTS, elements: toMap(ARTICLE_ELEMENTS), global: new Set(GLOBAL_ARTICLE) },
  forum: { name: 'forum', constructs: ARTICLE_CONSTRUCTS.filter((c) => !FORUM_FORBIDS.has(c)), elements: toMap(FORUM_ELEMENTS), global: new Set() },
};

/** Attributes holding URLs, checked with the URL policy. */
export const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/** A style attribute is kept only when it cannot load anything or run anything. */
export function safeStyle(value: string): boolean {
  if (value.length > 500) return false;
  if (!/^[-a-zA-Z0-9 #%.,:;!'"\t\n]*$/.test(value)) return false;
  return !/expression|url|import|javascript|behavior|binding|@/i.test(value);
}

/** Everything the renderer can emit, per profile: the allow-list plus the markup of SPIP's shortcuts. */
export function outputAllowList(name: ProfileName): Map<string, Set<string>> {
  const base = new Map<string, Set<string>>();
  const add = (el: string, attrs: string[]) => {
    const set = base.get(el) ?? new Set<string>();
    for (const a of attrs) set.add(a);
    base.set(el, set);
  };
  const profile = PROFILES[name];
  for (const [el, attrs] of profile.elements) add(el, [...attrs, ...profile.global]);
  // shortcuts common to both profiles
  add('p', []);
  add('strong', []);
  add('i', []);
  add('a', ['href', 'class', 'rel', 'title', 'hreflang', 'id', 'rev', 'name']);
  add('br', ['class']);
  add('blockquote', ['class']);
  add('code', ['class', 'dir']);
  add('div', ['class', 'style', 'dir', 'id']);
  add('span', ['class', 'title']);
  add('q', ['cite']);
  if (name === 'article') {
    for (const h of ['h2', 'hr', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'small', 'b', 'tt', 'textarea', 'figure', 'figcaption', 'img', 'iframe', 'dfn', 'abbr', 'sup'])
      add(h, ['class']);
    add('table', ['aria-describedby']);
    add('small', ['id']);
    add('th', ['id', 'scope']);
    add('td', ['headers']);
    add('tr', ['class']);
    add('textarea', ['readonly', 'cols', 'rows', 'dir']);
    add('img', ['src', 'alt', 'width', 'height', 'loading']);
    add('iframe', ['sandbox']);
    add('figure', ['class']);
    add('a', ['type', 'target']);
    add('dfn', ['title']);
    add('abbr', ['title']);
  }
  return base;
}
