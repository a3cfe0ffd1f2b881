// The documents a text shows where it stands (`<doc5|left>`, `<img3>`, `<emb2>`). A page lists the others apart,
// as SPIP's portfolio and "documents joints" do: their {doublons} leave out what the text already showed. A link
// to a document (`[->doc5]`) does not show it.
import type { MarkupDocument } from './ast.ts';
import { visit } from './walk.ts';

/** The models that show a document, as SPIP's medias plugin names them. */
export const DOCUMENT_MODELS: ReadonlySet<string> = new Set(['doc', 'img', 'emb', 'document', 'image']);

/** The ids of the documents `doc` shows, notes included, each once, in text order. */
export function placedDocuments(doc: MarkupDocument): number[] {
  const ids = new Set<number>();
  visit(doc, (node) => {
    if (node.type === 'model' && node.id !== null && DOCUMENT_MODELS.has(node.name)) ids.add(node.id);
  });
  return [...ids];
}
