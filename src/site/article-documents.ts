// What an article's page lists of its documents besides its text, as SPIP's portfolio and "documents joints" do:
// the images its text does not place (`<img5>`, `<doc5|left>` place them) form its gallery, the other files it does
// not place are its attachments. What the text places is shown there and not listed again. Whatever the page
// shows, the article's cover in lists stays its first image (articles/ loadArticleCovers), placed or not.
import type { Document } from '../db/schema.ts';
import { imageAlt } from '../documents/index.ts';

/** An image of the gallery as templates read it: its file and size for image_url and srcset, and its texts. */
export function galleryImageView(d: Document) {
  return { id: d.id, file: d.file, width: d.width, height: d.height, mime_type: d.mime_type, alt: imageAlt(d), title: d.title, description: d.description, credits: d.credits };
}

/** The article's documents, in their order, split into its gallery and its attachments. */
export function articleDocumentsView(documents: Document[], placedIds: readonly number[]) {
  const placed = new Set(placedIds);
  const listed = documents.filter((d) => !placed.has(d.id));
  return {
    gallery: listed.filter((d) => d.media === 'image').map(galleryImageView),
    attachments: listed.filter((d) => d.media !== 'image'),
  };
}
