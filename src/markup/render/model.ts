// Models: `<docN>`, `<embN>` (a document block: figure with title, description, credits) and `<imgN>`
// (the image alone, inline), answered by the resolver; other models by `resolve.model`, their nodes
// filtered by the profile like raw HTML. Unknown: the tag shown as code (`<tt>&lt;…&gt;</tt>`), as SPIP
// does; a missing document is also reported in `brokenLinks`.
import type { ModelNode } from '../ast.ts';
import { escapeText, startTag, type Attrs } from '../html.ts';
import { safeUrl } from '../url.ts';
import { DOCUMENT_MODELS } from '../placed-documents.ts';
import { markBroken, type ImagePlacement, type ImageSources, type RenderState } from './state.ts';

const ALIGN = new Set(['left', 'right', 'center']);

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mio`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kio`;
  return `${bytes} octets`;
}

/** A srcset of the resolver's sizes; empty when one of their addresses would not be safe to write. */
function srcsetOf(sources: ImageSources): string {
  const entries: string[] = [];
  for (const { url, width } of sources.candidates) {
    const safe = safeUrl(url, 'resource');
    // A comma or a space would split a candidate in two: such an address is not written at all.
    if (!safe || /[\s,]/.test(safe) || !Number.isInteger(width) || width <= 0) return '';
    entries.push(`${safe} ${width}w`);
  }
  return entries.join(', ');
}

function shownAsCode(node: ModelNode, state: RenderState, cls?: string): void {
  state.out.push(`${cls ? `<tt class="${cls}">` : '<tt>'}${escapeText(node.source)}</tt>`);
}

export function renderModel(node: ModelNode, state: RenderState): void {
  if (state.profile.name === 'forum') {
    state.out.push(escapeText(node.source));
    return;
  }
  if (!DOCUMENT_MODELS.has(node.name) || node.id === null) {
    const nodes = state.options.resolve?.model?.(node.name, node.id, node.params);
    if (!nodes) return shownAsCode(node, state);
    if (!node.block) state.phrasingDepth++;
    state.renderNodes(nodes);
    if (!node.block) state.phrasingDepth--;
    return;
  }
  const doc = state.options.resolve?.document(node.id);
  if (!doc) {
    markBroken(state, { type: 'document', id: node.id });
    return shownAsCode(node, state, 'spip_lien_invalide');
  }
  const url = safeUrl(doc.url, 'resource');
  const align = node.params.find((p) => ALIGN.has(p));
  const isImage = doc.mime.startsWith('image/');
  // A size made for where the image stands when the resolver has one; the file itself otherwise.
  const img = (placement: ImagePlacement): string => {
    const sources = doc.sources?.(placement);
    const src = (sources && safeUrl(sources.src, 'resource')) || url;
    if (!src) return '';
    const attrs: Attrs = [['src', src]];
    const candidates = sources ? srcsetOf(sources) : '';
    if (sources && candidates) attrs.push(['srcset', candidates], ['sizes', sources.sizes]);
    // The alternative text entered for the image; '' says it is decorative, which a screen reader then skips.
    attrs.push(['alt', doc.alt ?? doc.title]);
    if (doc.width) attrs.push(['width', String(doc.width)]);
    if (doc.height) attrs.push(['height', String(doc.height)]);
    attrs.push(['loading', 'lazy'], ['decoding', 'async']);
    return startTag('img', attrs);
  };
  if (!node.block || state.phrasingDepth > 0) {
    // inline: the image alone, or a link to the file
    if (isImage && url) state.out.push(img('inline'));
    else if (url) state.out.push(`${startTag('a', [['href', url], ['class', 'spip_doc_lien'], ['type', doc.mime]])}${escapeText(doc.title)}</a>`);
    else state.out.push(escapeText(doc.title));
    return;
  }
  const kind = isImage ? 'image' : 'file';
  const classes = [`spip_document_${node.id}`, 'spip_document', 'spip_documents', `spip_document_${kind}`];
  if (align) classes.push(`spip_documents_${align}`, `spip_document_${align}`);
  state.out.push(`${startTag('div', [['class', classes.join(' ')]])}<figure class="spip_doc_inner">`);
  if (isImage && url) state.out.push(img(align === 'left' || align === 'right' ? 'float' : 'block'));
  else if (url) {
    state.out.push(startTag('a', [['href', url], ['class', 'spip_doc_lien'], ['type', doc.mime]]));
    const thumb = doc.thumbnailUrl ? safeUrl(doc.thumbnailUrl, 'resource') : null;
    state.out.push(thumb ? startTag('img', [['src', thumb], ['alt', ''], ['loading', 'lazy']]) : escapeText(doc.title));
    state.out.push('</a>');
  }
  const parts: string[] = [];
  if (doc.title) parts.push(`<div class="spip_doc_titre"><strong>${escapeText(doc.title)}</strong></div>`);
  if (doc.description) parts.push(`<div class="spip_doc_descriptif">${escapeText(doc.description)}</div>`);
  if (doc.credits) parts.push(`<div class="spip_doc_credits">${escapeText(doc.credits)}</div>`);
  if (!isImage) parts.push(`<div class="spip_doc_infos">${escapeText(`${doc.mime} – ${formatSize(doc.size)}`)}</div>`);
  if (parts.length) state.out.push(`<figcaption class="spip_doc_legende">${parts.join('')}</figcaption>`);
  state.out.push('</figure></div>\n');
}
