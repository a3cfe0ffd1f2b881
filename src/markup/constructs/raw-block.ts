// Regions SPIP protects before any shortcut runs ("échapper"): their content is taken as typed. What
// the region constructs share (code.ts, cadre.ts, math.ts, raw-html.ts, raw-text-element.ts):
//
//   <name …> content </name>
//
// Returns the region's end and its content; the construct turns it into islands.
import type { Finder } from '../finder.ts';
import type { TagToken } from '../tokens.ts';

/** Raw-text HTML whose content would be read by the browser as script, style or raw text. */
export const RAW_TEXT_HTML = new Set(['script', 'style', 'textarea', 'xmp', 'noscript', 'noembed', 'noframes', 'plaintext', 'template', 'title', 'iframe']);

export interface RawRegion {
  content: string;
  contentStart: number;
  end: number;
}

/** Finds `</name>` after the start tag; null when the region is never closed. */
export function readRawRegion(src: string, tag: TagToken, finder: Finder): RawRegion | null {
  const close = finder.nextInsensitive(`</${tag.name}`, tag.end);
  if (close < 0) return null;
  const gt = finder.next('>', close);
  if (gt < 0) return null;
  return { content: src.slice(tag.end, close), contentStart: tag.end, end: gt + 1 };
}
