// Which sections readers may see. SPIP publishes a rubrique when something in it is published (its status
// follows its content), and so does Tisse: a section with no public article anywhere below it is not public —
// no page, no menu entry, no feed, not in the plan or the sitemap. An imported "Publications archivées" left
// in preparation stays out of sight until an article in it is published.
import type { Db } from '../db/connect.ts';
import { memoByVersion } from '../db/memo.ts';
import { buildSectionTree, loadSectionTree, type SectionTree } from '../sections/index.ts';
import { publicArticles } from './visibility.ts';

/**
 * The section tree as readers see it: only sections holding a public article, themselves or below. Read once per
 * data version, like the tree: a scheduled article's publication is a write (its job), so it moves the version.
 */
export const loadPublicSectionTree = memoByVersion(async (db: Db): Promise<SectionTree> => {
  const [tree, rows] = await Promise.all([
    loadSectionTree(db),
    db.kysely.selectFrom('articles').select('section_id').distinct().where(publicArticles(new Date().toISOString())).execute(),
  ]);
  const visible = new Set<number>();
  for (const { section_id } of rows) for (const section of tree.ancestry(section_id)) visible.add(section.id);
  return buildSectionTree([...tree.byId.values()].filter((section) => visible.has(section.id)));
});
