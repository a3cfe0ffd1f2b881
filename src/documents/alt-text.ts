// The alternative text a page gives an image document: the one entered for it, else its title; with neither,
// the image is taken as decorative (alt="", which screen readers skip), never named after its file.
import type { Document } from '../db/schema.ts';

export function imageAlt(document: Pick<Document, 'alt' | 'title'>): string {
  return document.alt.trim() || document.title.trim();
}
