// What each database's search implementation provides: ranked ids of visible objects, and a full rebuild.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ParsedQuery } from './query.ts';

export type SearchKind = 'article' | 'section' | 'glossary' | 'forum';
/** Codes stored in the index (see db/migrations/010-search.ts). */
export const kindCodes: Record<SearchKind, number> = { article: 0, section: 1, glossary: 2, forum: 3 };
export const kindOfCode: SearchKind[] = ['article', 'section', 'glossary', 'forum'];

export interface RankedHit {
  kind: SearchKind;
  id: number;
  score: number;
}

export interface RankOptions {
  limit: number;
  offset: number;
  /** Articles published after this instant are not visible yet. */
  now: string;
}

export interface SearchBackend {
  /** Visible objects matching every word and phrase of the query, best first, and how many there are. */
  rank(db: Db, query: ParsedQuery, options: RankOptions): Promise<{ hits: RankedHit[]; total: number }>;
  /** Empties the index and fills it again from the tables; reports progress as rows done out of a total. */
  reindex(db: Db, progress: (done: number, total: number) => void): Promise<{ indexed: number }>;
}

/** SQL (for either database) keeping only visible objects; `kind` and `objectId` are SQL over the index row. */
export function visibleEntry(kind: string, objectId: string, now: string): RawBuilder<unknown> {
  const k = sql.raw(kind);
  const id = sql.raw(objectId);
  return sql`(
    (${k} = 0 AND EXISTS (SELECT 1 FROM articles a WHERE a.id = ${id} AND a.status = 'published' AND a.published_at <= ${now}))
    OR ${k} IN (1, 2)
    OR (${k} = 3 AND EXISTS (SELECT 1 FROM forum_messages m JOIN articles ma ON ma.id = m.article_id
         WHERE m.id = ${id} AND m.kind = 'public' AND m.status = 'published' AND ma.status = 'published' AND ma.published_at <= ${now}))
  )`;
}
