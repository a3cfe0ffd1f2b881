// What the Apparence page offers to choose from: the sections (the tree, in its order) and a bounded list of
// published articles (for a menu "page" and the featured article), with the articles already chosen kept in it.
import type { Db } from '../db/connect.ts';
import { listPublicArticles, loadArticlesByIds } from '../articles/index.ts';
import { loadSectionTree } from '../sections/index.ts';

/** The most recent published articles offered; an older one is still reachable by its number. */
const ARTICLE_CHOICES = 100;

export interface Choice {
  id: number;
  /** Sections: indented by depth with "— ". */
  label: string;
}

/** Every section, parents before their children, indented by depth. */
export async function sectionChoices(db: Db): Promise<Choice[]> {
  const tree = await loadSectionTree(db);
  const out: Choice[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const section of tree.children(parentId)) {
      out.push({ id: section.id, label: `${'— '.repeat(depth)}${section.title}` });
      walk(section.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The latest public articles, newest first, then those of `chosen` not among them (whatever their status now). */
export async function articleChoices(db: Db, chosen: readonly number[]): Promise<Choice[]> {
  const latest = await listPublicArticles(db, { limit: ARTICLE_CHOICES });
  const out: Choice[] = latest.map((article) => ({ id: article.id, label: `n° ${article.id} — ${article.title}` }));
  const shown = new Set(out.map((c) => c.id));
  const missing = [...new Set(chosen)].filter((id) => !shown.has(id));
  for (const article of await loadArticlesByIds(db, missing)) out.push({ id: article.id, label: `n° ${article.id} — ${article.title}` });
  return out;
}
