// The library as a list that scales (issue 18): searched on title and file name (accents and case aside),
// filtered by kind (images, other files) and by attachment (attached to nothing), sorted by date, title or size,
// cut into pages by the database, each row with how many objects it is attached to.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fold } from '../db/french-stem.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';
import { summarise, type DocumentSummary } from './library.ts';

export const librarySorts = ['date', 'titre', 'taille'] as const;
export type LibrarySort = (typeof librarySorts)[number];

export interface LibraryFilter {
  search?: string | undefined;
  media?: 'image' | 'file' | undefined;
  /** Only documents attached to nothing (candidates for deletion: texts may still show them by number). */
  unattached?: boolean | undefined;
}

const sortColumns = { date: 'documents.created_at', titre: 'documents.title', taille: 'documents.size' } as const satisfies Record<LibrarySort, string>;

export async function listLibraryDocuments(db: Db, request: ListRequest<LibrarySort, LibraryFilter>): Promise<ListPage<DocumentSummary>> {
  const { filter } = request;
  const words = filter.search ? fold(filter.search.trim()) : '';
  const base = db.kysely.selectFrom('documents').where((eb) => {
    const where: Expression<SqlBool>[] = [];
    if (filter.media === 'image') where.push(eb('documents.media', '=', 'image'));
    if (filter.media === 'file') where.push(eb('documents.media', '!=', 'image'));
    if (filter.unattached) where.push(eb.not(eb.exists(eb.selectFrom('document_links').select('document_links.document_id').whereRef('document_links.document_id', '=', 'documents.id'))));
    if (words) {
      const pattern = containsPattern(words);
      where.push(eb.or([sql<SqlBool>`${db.dialect.fold(sql.ref('documents.title'))} LIKE ${pattern} ESCAPE '\\'`, sql<SqlBool>`${db.dialect.fold(sql.ref('documents.original_name'))} LIKE ${pattern} ESCAPE '\\'`]));
    }
    return eb.and(where);
  });
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const rows = await base
    .selectAll('documents')
    .select((eb) => eb.selectFrom('document_links').select((e) => e.fn.countAll<number | string>().as('n')).whereRef('document_links.document_id', '=', 'documents.id').as('uses'))
    .orderBy(sortColumns[request.sort], request.direction)
    .orderBy('documents.id', request.direction)
    .limit(request.limit)
    .offset(request.offset)
    .execute();
  return { total, rows: rows.map(({ uses, ...doc }) => summarise(doc, Number(uses ?? 0))) };
}
