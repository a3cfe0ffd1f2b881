// What every render handler receives: the output being built, the profile, the resolver, and the
// little context that changes how a node renders (inside a link, inside phrasing-only content).
import type { MarkupDocument, MarkupNode, Reference } from '../ast.ts';
import type { Profile } from '../profiles.ts';

export interface LinkTarget {
  url: string;
  title: string;
  lang?: string;
}

export interface DocumentTarget {
  url: string;
  title: string;
  description?: string;
  credits?: string;
  mime: string;
  size: number;
  width?: number | null;
  height?: number | null;
  thumbnailUrl?: string;
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

/**
 * The output as pieces, flattened into one string each time they add up to CHUNK_CHARS characters.
 * Not `+=` on one string: on long texts that keeps a rope of millions of small pieces alive until the
 * end. Not one array of every piece either: a long-lived array in old space pointing to young strings
 * made each scavenge slower (measured: prose 160 → 280 ms per 0.8 MB). A chunk is large enough to be
 * allocated outside the young generation (which copies what survives it, twice) and small enough that
 * its pieces are joined while they are young.
 */
const CHUNK_CHARS = 256 * 1024;

export class Output {
  private parts: string[] = [];
  private size = 0;
  private chunks: string[] = [];

  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.parts.join(''));
    this.parts.length = 0;
    this.size = 0;
  }

  /** Appends another output's content (fostered table content, a footnote). */
  append(other: Output): void {
    this.push(other.toString());
  }

  toString(): string {
    if (this.chunks.length === 0) return this.parts.join('');
    // one flat string: `a + b` would make a rope that the caller's first `trimEnd` copies whole
    this.flush();
    const s = this.chunks.join('');
    this.chunks = [s];
    return s;
  }
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
