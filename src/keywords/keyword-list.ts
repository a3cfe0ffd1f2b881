// Keywords as a list that scales (issue 18): the groups with how many keywords each holds (groups are few), and
// the keywords themselves searched on their title (accents and case aside), filtered by group, sorted by title,
// group or uses, cut into pages by the database.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fold } from '../db/french-stem.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';
import { parseAppliesTo, type KeywordGroupWithKeywords } from './keywords.ts';

export const keywordListSorts = ['titre', 'groupe', 'usages'] as const;
export type KeywordListSort = (typeof keywordListSorts)[number];

export interface KeywordListFilter {
  search?: string | undefined;
  groupId?: number | undefined;
}

export interface KeywordRow {
  id: number;
  title: string;
  groupId: number;
  groupTitle: string;
  uses: number;
}

export type KeywordGroupSummary = Omit<KeywordGroupWithKeywords, 'keywords'> & { keywordCount: number };

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every group A–Z with the number of its keywords. */
export async function listKeywordGroupSummaries(db: Db): Promise<KeywordGroupSummary[]> {
  const [groups, counts] = await Promise.all([
    db.kysely.selectFrom('keyword_groups').selectAll().execute(),
    db.kysely.selectFrom('keywords').select(['group_id', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('group_id').execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.group_id, Number(c.n)]));
  return groups
    .map((g) => ({ id: g.id, title: g.title, description: g.description, text: g.text, single: g.single === 1, required: g.required === 1, appliesTo: parseAppliesTo(g.applies_to), keywordCount: countOf.get(g.id) ?? 0 }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

export async function listKeywordPage(db: Db, request: ListRequest<KeywordListSort, KeywordListFilter>): Promise<ListPage<KeywordRow>> {
  const { filter } = request;
  const words = filter.search ? fold(filter.search.trim()) : '';
  const base = db.kysely
    .selectFrom('keywords')
    .innerJoin('keyword_groups', 'keyword_groups.id', 'keywords.group_id')
    .where((eb) => {
      const where: Expression<SqlBool>[] = [];
      if (filter.groupId !== undefined) where.push(eb('keywords.group_id', '=', filter.groupId));
      if (words) where.push(sql<SqlBool>`${db.dialect.fold(sql.ref('keywords.title'))} LIKE ${containsPattern(words)} ESCAPE '\\'`);
      return eb.and(where);
    });
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const uses = sql<number | string>`(SELECT count(*) FROM keyword_links WHERE keyword_links.keyword_id = keywords.id)`;
  const order = { titre: db.dialect.fold(sql.ref('keywords.title')), groupe: db.dialect.fold(sql.ref('keyword_groups.title')), usages: uses }[request.sort];
  const direction = request.direction === 'asc' ? sql`asc` : sql`desc`;
  const rows = await base
    .select(['keywords.id', 'keywords.title', 'keywords.group_id as groupId', 'keyword_groups.title as groupTitle', uses.as('uses')])
    .orderBy(sql`${order} ${direction}`)
    .orderBy(sql`keywords.id ${direction}`)
    .limit(request.limit)
    .offset(request.offset)
    .execute();
  return { total, rows: rows.map((row) => ({ ...row, uses: Number(row.uses) })) };
}
