// The glossary as one article's page needs it: an annotator for its fields (lead, text, postscript) that honours
// the article's opt-out and the site's occurrence setting, and afterwards the terms it used, for the print list.
import type { Db } from '../db/connect.ts';
import type { Article, GlossaryTerm } from '../db/schema.ts';
import type { MarkupDocument } from '../markup/index.ts';
import { createArticleAnnotator, type GlossaryOccurrences } from './annotate.ts';
import { listTerms, loadGlossary } from './repository.ts';

export interface ArticleGlossary {
  /** Matches the site's Annotator type: (doc, field) → doc. */
  annotate(doc: MarkupDocument, field?: string): MarkupDocument;
  /** Slugs of the terms found so far, in order of first use. */
  readonly used: ReadonlySet<string>;
  /** The rows of the terms found, in order of first use (for the list of definitions after the article). */
  usedTerms(): Promise<GlossaryTerm[]>;
}

export interface ArticleGlossaryOptions {
  /** The site setting (glossaryOccurrences): where a term is marked, see GlossaryOccurrences. Default 'first'. */
  occurrences?: GlossaryOccurrences;
  /**
   * false: find the terms without marking them (the print version lists their definitions after the article
   * instead of tooltips in the text).
   */
  mark?: boolean;
}

export async function articleGlossary(
  db: Db,
  article: Pick<Article, 'glossary_enabled'>,
  options: ArticleGlossaryOptions = {},
): Promise<ArticleGlossary> {
  const glossary = await loadGlossary(db);
  const annotator = createArticleAnnotator(glossary, {
    occurrences: options.occurrences ?? 'first',
    enabled: article.glossary_enabled !== 0,
  });
  const mark = options.mark ?? true;
  return {
    annotate(doc) {
      const annotated = annotator(doc);
      return mark ? annotated : doc;
    },
    used: annotator.used,
    async usedTerms() {
      if (annotator.used.size === 0) return [];
      const bySlug = new Map((await listTerms(db)).map((row) => [row.slug, row]));
      return [...annotator.used].flatMap((slug) => bySlug.get(slug) ?? []);
    },
  };
}
