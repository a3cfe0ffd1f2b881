// Which published articles use which glossary terms, for /glossaire: the terms an article's page marks (fields
// lead, text and postscript, first occurrences, opt-outs honoured). The raw text of each article goes through
// the matcher first, which is cheap; only articles with a possible hit are parsed and annotated, which is exact
// (a term inside a link or code is found by the first pass, not by the second).
import type { Db } from '../db/connect.ts';
import { memoByVersion } from '../db/memo.ts';
import { parse } from '../markup/index.ts';
import { publicArticles } from '../articles/index.ts';
import { createArticleAnnotator, type Glossary } from './annotate.ts';
import { loadGlossary } from './repository.ts';

export interface ArticleUse {
  id: number;
  slug: string;
  title: string;
  published_at: string | null;
}

/** Slug of a term → the public articles using it, most recent first. */
export async function articlesByTerm(db: Db, glossary: Glossary, now = new Date().toISOString()): Promise<Map<string, ArticleUse[]>> {
  const result = new Map<string, ArticleUse[]>();
  if (glossary.entries.size === 0) return result;
  const rows = await db.kysely
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'published_at', 'lead', 'text', 'postscript', 'lang'])
    .where(publicArticles(now))
    .where('glossary_enabled', '<>', 0)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const fields = [row.lead, row.text, row.postscript];
    if (!fields.some((field) => field !== '' && glossary.matcher.findAll(field.normalize('NFC')).length > 0)) continue;
    const annotate = createArticleAnnotator(glossary);
    for (const field of fields) if (field !== '') annotate(parse(field, { lang: row.lang || 'fr', profile: 'article' }));
    const use = { id: row.id, slug: row.slug, title: row.title, published_at: row.published_at };
    for (const slug of annotate.used) {
      const list = result.get(slug);
      if (list) list.push(use);
      else result.set(slug, [use]);
    }
  }
  return result;
}

/**
 * articlesByTerm for the site's pages (/glossaire and each term's page), read once per data version: it parses
 * every article that may use a term, far too much for each request of a page, and changes only with a write (an
 * article, a term, or a scheduled publication's job), which moves the version, as for the page cache.
 */
export const loadTermUses = memoByVersion(async (db: Db): Promise<Map<string, ArticleUse[]>> => articlesByTerm(db, await loadGlossary(db)));
