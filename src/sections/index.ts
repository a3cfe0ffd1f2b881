// Sections (rubriques): the memoised section tree and the operations that create, edit, move, reorder and
// delete them. The only door into this module.
export { createSection } from './operations/create-section.ts';
export { deleteSection } from './operations/delete-section.ts';
export { moveSection } from './operations/move-section.ts';
export { reorderSections, stepOrder } from './operations/reorder-sections.ts';
export { updateSection } from './operations/update-section.ts';
export { buildSectionTree, loadSectionTree } from './sections.ts';
export type { SectionTree } from './sections.ts';
export { countArticlesBySection, loadSection } from './sections.ts';
