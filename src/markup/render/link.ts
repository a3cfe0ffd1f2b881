// Links. External `[text->http://…]` get `spip_out` and `rel="external"`, generated texts `spip_url`,
// mail `spip_mail`, anchors `spip_ancre`, autolinks `auto` and `nofollow`; internal targets
// (`art12`, `rub3`, `doc5`…) are answered by the resolver, and an unknown one is plain text marked
// `spip_lien_invalide` and reported in `brokenLinks`. A URL the policy refuses leaves only the text.
import type { LinkNode } from '../ast.ts';
import { escapeText, startTag, type Attrs } from '../html.ts';
import { typography } from '../typography.ts';
import { safeUrl } from '../url.ts';
import { markBroken, type RenderState } from './state.ts';

const TYPE_LABEL: Record<string, string> = {
  article: 'article',
  section: 'rubrique',
  document: 'document',
  author: 'auteur',
  keyword: 'mot',
  breve: 'breve',
  site: 'site',
};

function children(node: LinkNode, state: RenderState, fallback: string): void {
  if (node.generatedText || node.children.length === 0) state.out.push(escapeText(fallback));
  else state.renderNodes(node.children);
}

export function renderLink(node: LinkNode, state: RenderState): void {
  const forum = state.profile.name === 'forum';
  let href: string | null = null;
  const classes: string[] = [];
  const rel: string[] = [];
  let fallback = node.target;
  let hreflang = node.hreflang;
  let title = node.title;

  switch (node.kind) {
    case 'internal': {
      const ref = node.ref;
      if (!ref) return;
      const target = ref.type === 'document' ? state.options.resolve?.document(ref.id) : state.options.resolve?.link(ref.type, ref.id);
      if (!target) {
        markBroken(state, ref);
        state.out.push('<span class="spip_lien_invalide">');
        children(node, state, `${TYPE_LABEL[ref.type] ?? ref.type} ${ref.id}`);
        state.out.push('</span>');
        return;
      }
      href = safeUrl(ref.anchor ? `${target.url}#${ref.anchor}` : target.url);
      fallback = target.title;
      classes.push('spip_in');
      if (!hreflang && 'lang' in target && target.lang && target.lang !== state.lang) hreflang = target.lang;
      break;
    }
    case 'mail':
      href = safeUrl(node.target);
      fallback = node.target.replace(/^mailto:/i, '');
      classes.push('spip_mail');
      break;
    case 'anchor':
      href = safeUrl(node.target);
      classes.push('spip_ancre');
      break;
    case 'relative':
      href = safeUrl(node.target);
      if (node.generatedText) classes.push('spip_url');
      break;
    case 'wiki':
      href = safeUrl(node.target);
      classes.push('spip_glossaire');
      rel.push('external');
      fallback = '';
      break;
    case 'auto':
      href = safeUrl(node.target);
      classes.push('spip_url', 'spip_out');
      if (!node.bracketed) {
        classes.push('auto');
        rel.push('nofollow');
      }
      rel.push('external');
      break;
    default:
      href = safeUrl(node.target);
      if (node.generatedText) classes.push('spip_url');
      classes.push('spip_out');
      rel.push('external');
      break;
  }
  if (forum && node.kind !== 'anchor' && !rel.includes('nofollow')) rel.unshift('nofollow');
  if (href === null || state.linkDepth > 0) {
    if (node.kind === 'auto') state.renderNodes(node.children);
    else children(node, state, node.kind === 'mail' ? fallback : node.target);
    return;
  }
  const attrs: Attrs = [['href', href]];
  if (classes.length) attrs.push(['class', classes.join(' ')]);
  if (hreflang) attrs.push(['hreflang', hreflang]);
  if (title) attrs.push(['title', typography(title, state.lang)]);
  if (rel.length) attrs.push(['rel', rel.join(' ')]);
  if (node.bracketed) state.out.push('<span class="ressource spip_out">&lt;');
  state.out.push(startTag('a', attrs));
  state.linkDepth++;
  // `[Text!{de}->url]`: the writer says the text is in another language, so its typography is that
  // language's (as SPIP: no French space before `!` in a German text)
  const lang = state.lang;
  if (node.hreflang) state.lang = node.hreflang;
  if (node.kind === 'wiki' || node.kind === 'auto') state.renderNodes(node.children);
  else children(node, state, fallback);
  state.lang = lang;
  state.linkDepth--;
  state.out.push('</a>');
  if (node.bracketed) state.out.push('&gt;</span>');
}
