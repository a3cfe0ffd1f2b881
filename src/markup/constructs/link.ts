// Link shortcuts, read between `[` and the next `]` (no `[` inside):
//
//   [ text ( | title )? ( {lang} )? -> target ]     [->target]
//   [ name <- ]          anchor
//   [ ? term ( #lang )? ] wikipedia ("glossaire" in SPIP)
//   [!glossaire]          glossary opt-out marker (Tisse)
//
// Each kind is a construct of its own name (link, internalLink, anchor, wikiLink, glossaryOptOut): a
// profile that leaves one out shows that shortcut as text.
import type { InlineNode, LinkNode, Position, Reference, ReferenceType } from '../ast.ts';
import type { ConstructName, InlineConstruct, InlineState, ParseContext } from '../construct.ts';
import { addReference } from '../context.ts';
import { plainText, resolvePlaceholders } from '../plain-text.ts';

export type LinkShortcut =
  | { kind: 'link'; textStart: number; textEnd: number; targetStart: number; title?: string; hreflang?: string; target: string }
  | { kind: 'anchor'; name: string }
  | { kind: 'wiki'; term: string; lang?: string }
  | { kind: 'optout' };

/** Languages SPIP recognises in `{xx}`; anything else is read as italics (`[link{em}->…]`). */
export const LANGS = new Set(
  'ar ast bg br bs ca co cpf cs cy da de el en eo es et eu fa fi fo fr fy ga gd gl gu he hi hr hu hy id is it ja ka kk km kn ko ku la lb lo lt lu lv mg mk ml mn mr ms mt nb nl nn no oc pa pl ps pt pt_br ro ru se sk sl sq sr sv sw ta te th tl tr tt uk ur uz vi wa wo zh zh_tw'.split(' '),
);

/** `content` is the text between the brackets; offsets returned are relative to it. */
export function readLinkShortcut(content: string): LinkShortcut | null {
  if (content === '!glossaire') return { kind: 'optout' };
  if (content.startsWith('?')) {
    const hash = content.indexOf('#');
    const term = (hash >= 0 ? content.slice(1, hash) : content.slice(1)).trim();
    if (!term) return null;
    const lang = hash >= 0 ? content.slice(hash + 1).trim() : undefined;
    return lang ? { kind: 'wiki', term, lang } : { kind: 'wiki', term };
  }
  const arrow = content.indexOf('->');
  if (arrow < 0) {
    if (content.endsWith('<-')) {
      const name = content.slice(0, -2).trim();
      if (/^[A-Za-z0-9_.:-]{1,100}$/.test(name)) return { kind: 'anchor', name };
    }
    return null;
  }
  const target = content.slice(arrow + 2).trim();
  let textEnd = arrow;
  let title: string | undefined;
  let hreflang: string | undefined;
  const pipe = content.lastIndexOf('|', arrow);
  let tail = pipe >= 0 ? content.slice(pipe + 1, arrow) : null;
  // a title holding markup, or only a `{word}` that is no language, is not a title: the `|` belongs to
  // the text (SPIP reads `{em}` there as a language; `{em avec des mots}` is a title)
  if (tail !== null && (tail.includes('\uE000') || (/^\s*\{[a-z_]+\}\s*$/.test(tail) && !LANGS.has(tail.trim().slice(1, -1))))) tail = null;
  if (tail !== null) {
    textEnd = pipe;
    const lm = /\{([a-z]{2,3}(?:_[a-z]{2})?)\}\s*$/.exec(tail);
    if (lm && LANGS.has(lm[1] as string)) {
      hreflang = lm[1];
      tail = tail.slice(0, lm.index);
    }
    const t = tail.replace(/[{}]/g, '').trim();
    if (t !== '') title = t;
  } else {
    const lm = /\{([a-z]{2,3}(?:_[a-z]{2})?)\}\s*$/.exec(content.slice(0, arrow));
    if (lm && LANGS.has(lm[1] as string)) {
      hreflang = lm[1];
      textEnd = lm.index;
    }
  }
  const link: LinkShortcut = { kind: 'link', textStart: 0, textEnd, targetStart: arrow + 2, target };
  if (title !== undefined) link.title = title;
  if (hreflang !== undefined) link.hreflang = hreflang;
  return link;
}

const TYPES: Record<string, ReferenceType> = {
  '': 'article',
  art: 'article',
  article: 'article',
  rub: 'section',
  rubrique: 'section',
  br: 'breve',
  breve: 'breve',
  aut: 'author',
  auteur: 'author',
  doc: 'document',
  document: 'document',
  im: 'document',
  img: 'document',
  image: 'document',
  emb: 'document',
  mot: 'keyword',
  site: 'site',
  syndic: 'site',
};

export type TargetClass =
  | { kind: 'internal'; ref: Reference & { anchor?: string } }
  | { kind: 'anchor'; url: string }
  | { kind: 'mail'; url: string }
  | { kind: 'external'; url: string }
  | { kind: 'relative'; url: string };

export function classifyTarget(target: string): TargetClass {
  const m = /^([a-z]*)\s*(\d{1,12})(?:#([^\s]*))?$/i.exec(target);
  if (m) {
    const type = TYPES[(m[1] ?? '').toLowerCase()];
    if (type) {
      const ref: Reference & { anchor?: string } = { type, id: Number(m[2]) };
      if (m[3]) ref.anchor = m[3];
      return { kind: 'internal', ref };
    }
  }
  if (target.startsWith('#')) return { kind: 'anchor', url: target };
  if (/^mailto:/i.test(target)) return { kind: 'mail', url: target };
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(target)) return { kind: 'mail', url: `mailto:${target}` };
  if (/^www\./i.test(target)) return { kind: 'external', url: `http://${target}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { kind: 'external', url: target };
  return { kind: 'relative', url: target };
}

/** The construct name of each shortcut kind (a link to an internal target is `internalLink`). */
const KIND_NAMES: Record<LinkShortcut['kind'], ConstructName> = { link: 'link', anchor: 'anchor', wiki: 'wikiLink', optout: 'glossaryOptOut' };

export const link: InlineConstruct = {
  name: 'link',
  starts: '[',
  inLinkText: false,
  inTypo: false,
  variants: ['internalLink', 'anchor', 'wikiLink', 'glossaryOptOut'],
  tokenize(parser, p) {
    // the content runs to the next `]`, with no `[` before it
    const q = parser.findClose(p + 1);
    if (q < 0) return -1;
    const o = parser.findOpen(p + 1);
    if (o >= 0 && o < q) return -1;
    const sc = readLinkShortcut(parser.text.slice(p + 1, q));
    if (!sc || !parser.table.allowed.has(KIND_NAMES[sc.kind])) return -1;
    const node = buildLink(sc, parser, p, q, parser.pos(p, q + 1));
    if (!node) return -1;
    parser.push(node, p);
    return (parser.bufStart = q + 1);
  },
};

function buildLink(sc: LinkShortcut, parser: InlineState, p: number, q: number, position: Position): InlineNode | null {
  const ctx: ParseContext = parser.ctx;
  if (sc.kind === 'optout') {
    ctx.glossaryOptOut = true;
    return { type: 'glossaryOptOut', position };
  }
  if (sc.kind === 'anchor') return { type: 'anchor', name: sc.name, position };
  if (sc.kind === 'wiki') {
    const lang = sc.lang && /^[a-z]{2,3}$/.test(sc.lang) ? sc.lang : ctx.lang;
    const node: LinkNode = {
      type: 'link',
      kind: 'wiki',
      target: `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(sc.term.replace(/ /g, '_'))}`,
      generatedText: true,
      children: [{ type: 'text', value: sc.term }],
      position,
    };
    if (sc.lang) node.title = sc.lang;
    return node;
  }
  const base = p + 1;
  const target = plainText(parser.w, base + sc.targetStart, q, ctx).trim();
  if (target === '') return null;
  const cls = classifyTarget(target);
  if (cls.kind === 'internal' && !parser.table.allowed.has('internalLink')) return null;
  const children = parser.nested(base + sc.textStart, base + sc.textEnd, { inLink: true });
  const empty = children.every((n) => n.type === 'text' && n.value.trim() === '');
  const node: LinkNode = {
    type: 'link',
    kind: cls.kind,
    target: cls.kind === 'internal' ? target : cls.url,
    generatedText: empty,
    children: empty ? [] : children,
    position,
  };
  if (cls.kind === 'internal') {
    node.ref = cls.ref;
    addReference(ctx, { type: cls.ref.type, id: cls.ref.id }, position.start);
  }
  if (sc.title !== undefined) node.title = resolvePlaceholders(sc.title, ctx);
  if (sc.hreflang !== undefined) node.hreflang = sc.hreflang;
  return node;
}
