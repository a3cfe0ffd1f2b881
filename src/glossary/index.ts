// The glossary: terms and their variants, the matcher that finds them in a text, the annotation of an
// article's AST, and the operations on terms (save, update, CSV import). The only door into this module.
export { articleGlossary } from './article-glossary.ts';
export { importGlossaryCsv, splitVariants } from './operations/import-csv.ts';
export { deleteTerm, saveTerm } from './operations/save-term.ts';
export type { TermInput } from './operations/save-term.ts';
export { updateTerm } from './operations/update-term.ts';
export { listTerms, loadGlossary, termVariants } from './repository.ts';
export { articlesByTerm, loadTermUses } from './usage.ts';
export type { ArticleUse } from './usage.ts';
export type { GlossaryOccurrences } from './annotate.ts';
export { findTermBySlug, loadTerm } from './repository.ts';
