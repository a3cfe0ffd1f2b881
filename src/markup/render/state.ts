// What every render handler receives: the output being built, the profile, the resolver, and the
// little context that changes how a node renders (inside a link, inside phrasing-only content).
import type { MarkupDocument, MarkupNode, Reference } from '../ast.ts';
import type { Output } from '../output.ts';
import type { Profile } from '../profiles.ts';

export interface LinkTarget {
  url: string;
  title: string;
  lang?: string;
}

export interface DocumentTarget {
  /** The file itself. */
  url: string;
  /** What the caption shows, and what a link to a file says. */
  title: string;
  /** An image's alternative text, as written on the page: '' for a decorative image. Absent: the title. */
  alt?: string;
  description?: string;
  credits?: string;
  mime: string;
  size: number;
  width?: number | null;
  height?: number | null;
  thumbnailUrl?: string;
  /** The sizes of an image a page may show instead of the file, for where the text places it (absent: the file). */
  sources?(placement: ImagePlacement): ImageSources | undefined;
}

/** Where a text places an image: in a line, floated beside the text (`|left`, `|right`), or as a block of its own. */
export type ImagePlacement = 'inline' | 'float' | 'block';

/** An image as a browser may choose it: the address of one size, every size with its width, and how wide it shows. */
export interface ImageSources {
  src: string;
  candidates: { url: string; width: number }[];
  /** The `sizes` attribute: the width the image takes on the page, by viewport. */
  sizes: string;
}

export interface Resolver {
  link(type: Reference['type'], id: number): LinkTarget | undefined;
  document(id: number): DocumentTarget | undefined;
  /** Models other than doc/img/emb (`<nom5|…>`): AST nodes, filtered by the profile like raw HTML. */
  model?(name: string, id: number | null, params: string[]): MarkupNode[] | undefined;
}

export interface RenderOptions {
  profile: 'article' | 'forum';
  resolve?: Resolver;
  lang?: string;
  /** Prefix for footnote ids when several texts share a page (`nb1` → `<prefix>nb1`). */
  noteIdPrefix?: string;
  /** Hosts whose `<iframe>` embeds the site accepts (site settings); none by default. */
  iframeHosts?: string[];
  /** SPIP's `$class_spip_plus`: the class of lists (default `spip`; some SPIP sites blank it). */
  classSpipPlus?: string;
}

export interface RenderState {
  /** The output being built; handlers only ever push to it. */
  out: Output;
  profile: Profile;
  options: RenderOptions;
  lang: string;
  doc: MarkupDocument;
  /** > 0 inside a link: no nested `<a>`. */
  linkDepth: number;
  /** > 0 where only phrasing content may go (a paragraph, a heading): block tags are dropped. */
  phrasingDepth: number;
  /** Inside a list item (or a definition) with no list in between: a nested `<li>` (`<dd>`) would close it. */
  inListItem: boolean;
  inDefinition: boolean;
  /** Inside a heading: a nested heading would close it. */
  headingDepth: number;
  brokenLinks: Reference[];
  brokenKeys: Set<string>;
  renderNodes(nodes: readonly MarkupNode[]): void;
}

export function markBroken(state: RenderState, ref: Reference): void {
  const key = `${ref.type}:${ref.id}`;
  if (state.brokenKeys.has(key)) return;
  state.brokenKeys.add(key);
  state.brokenLinks.push({ type: ref.type, id: ref.id });
}
