// The section tree: loaded whole (a site has tens or hundreds of sections), walked in memory for
// breadcrumbs, menus and restricted-administrator checks.
import type { Db } from '../db/connect.ts';
import type { Section } from '../db/schema.ts';
import { memoByVersion } from '../db/memo.ts';

export interface SectionTree {
  byId: Map<number, Section>;
  children(parentId: number | null): Section[];
  /** From the top-level section down to `id` itself. */
  ancestry(id: number): Section[];
  /** `id` and every section below it. */
  subtree(id: number): number[];
}

/** The whole tree, read once per data version (see db/memo.ts). */
export const loadSectionTree = memoByVersion(readSectionTree);

async function readSectionTree(db: Db): Promise<SectionTree> {
  const rows = await db.kysely.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  return buildSectionTree(rows);
}

export function buildSectionTree(rows: Section[]): SectionTree {
  const byId = new Map(rows.map((s) => [s.id, s]));
  const byParent = new Map<number | null, Section[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id) ?? [];
    siblings.push(row);
    byParent.set(row.parent_id, siblings);
  }
  return {
    byId,
    children: (parentId) => byParent.get(parentId) ?? [],
    ancestry(id) {
      const chain: Section[] = [];
      const seen = new Set<number>();
      for (let current = byId.get(id); current && !seen.has(current.id); current = current.parent_id === null ? undefined : byId.get(current.parent_id)) {
        seen.add(current.id);
        chain.unshift(current);
      }
      return chain;
    },
    subtree(id) {
      const out: number[] = [];
      const stack = [id];
      while (stack.length) {
        const next = stack.pop()!;
        if (out.includes(next)) continue;
        out.push(next);
        for (const child of byParent.get(next) ?? []) stack.push(child.id);
      }
      return out;
    },
  };
}

export async function loadSection(db: Db, id: number): Promise<Section | undefined> {
  return db.kysely.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many articles (any status) each section holds directly: section id → count. */
export async function countArticlesBySection(db: Db): Promise<Map<number, number>> {
  const rows = await db.kysely.selectFrom('articles').select(['section_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('section_id').execute();
  return new Map(rows.map((r) => [r.section_id, Number(r.n)]));
}
