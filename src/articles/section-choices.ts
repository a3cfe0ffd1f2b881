// The sections the editor offers for an article: those where the actor may start one (article.create: a
// restricted administrator's own sections, every section for the others), plus the article's current section so
// that saving never moves it by itself. Their ancestors come along, unusable, so the tree still reads as a tree.
import type { Section } from '../db/schema.ts';
import type { SectionTree } from '../sections/index.ts';
import { can, type Actor } from '../users/index.ts';

export interface SectionChoice {
  section: Section;
  depth: number;
  /** False for an ancestor shown only to place its sub-sections. */
  usable: boolean;
}

export function sectionChoices(tree: SectionTree, actor: Actor, currentSectionId?: number): SectionChoice[] {
  const walk = (parentId: number | null, depth: number): SectionChoice[] =>
    tree.children(parentId).flatMap((section) => {
      const below = walk(section.id, depth + 1);
      const usable = section.id === currentSectionId || can(actor, 'article.create', { sectionId: section.id });
      return usable || below.length ? [{ section, depth, usable }, ...below] : [];
    });
  return walk(null, 0);
}

/** The section a new article starts in: the one asked for when the actor may use it, else the first they may. */
export function defaultSectionId(choices: readonly SectionChoice[], wanted?: number): number | undefined {
  const usable = choices.filter((choice) => choice.usable);
  return (usable.find((choice) => choice.section.id === wanted) ?? usable[0])?.section.id;
}
