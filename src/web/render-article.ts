// Turns an article's SPIP-markup fields into HTML for its page: parse every field, load every internal
// target they mention at once, annotate (glossary), then render with the article profile.
import { parse, placedDocuments, render, typo, type MarkupDocument } from '../markup/index.ts';
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { loadResolver, type Reference } from './markup-resolver.ts';

export interface RenderedArticle {
  surtitle: string;
  title: string;
  subtitle: string;
  lead: string;
  text: string;
  postscript: string;
  /** Footnote blocks of lead, text and postscript, in that order. */
  notes: string;
  brokenLinks: { type: string; id: number }[];
  /** The documents lead, text and postscript show where they stand (`<doc5>`, `<img3>`): the page lists the others apart. */
  placedDocumentIds: number[];
  /** Every internal target lead, text and postscript mention, resolved or not ([->art12], <doc5>…). */
  references: Reference[];
}

/** A transformation of the parsed text before rendering (the glossary marks its terms this way). */
export type Annotator = (doc: MarkupDocument, field: 'lead' | 'text' | 'postscript') => MarkupDocument;

/**
 * The most text a preview renders on request (about a third of a second of the event loop): the markup engine
 * is linear but not free, and an editor's keystrokes must not make every reader wait. Longer texts are
 * refused (413) and shown once saved, when their page is rendered once and cached.
 */
export const PREVIEW_MAX_CHARS = 200_000;

/** Whether these fields are short enough to render as a preview (PREVIEW_MAX_CHARS in all). */
export function previewable(fields: Partial<Record<'surtitle' | 'title' | 'subtitle' | 'lead' | 'text' | 'postscript', string>>): boolean {
  let total = 0;
  for (const value of Object.values(fields)) total += value?.length ?? 0;
  return total <= PREVIEW_MAX_CHARS;
}

export async function renderArticle(db: Db, article: Article, annotate?: Annotator, now = new Date().toISOString()): Promise<RenderedArticle> {
  const lang = article.lang || 'fr';
  const blocks = (['lead', 'text', 'postscript'] as const).map((field) => ({ field, doc: parse(article[field], { lang, profile: 'article' }) }));
  const references = blocks.flatMap((b) => b.doc.references);
  const resolve = await loadResolver(db, references, now);
  const out = { lead: '', text: '', postscript: '' };
  let notes = '';
  const brokenLinks: RenderedArticle['brokenLinks'] = [];
  const placed = new Set(blocks.flatMap((b) => placedDocuments(b.doc)));
  for (const { field, doc } of blocks) {
    const annotated = annotate ? annotate(doc, field) : doc;
    const result = render(annotated, { profile: 'article', resolve, lang, noteIdPrefix: field === 'text' ? '' : `${field}-` });
    out[field] = result.html;
    notes += result.notes;
    brokenLinks.push(...result.brokenLinks);
  }
  return {
    surtitle: typo(article.surtitle, { lang }),
    title: typo(article.title, { lang }),
    subtitle: typo(article.subtitle, { lang }),
    ...out,
    notes,
    brokenLinks,
    placedDocumentIds: [...placed],
    references,
  };
}
