// Reading documents for the back office: the library (newest first, with a search and a media filter)
// and the documents attached to one article, in order.
import type { Db } from '../db/connect.ts';
import type { Document } from '../db/schema.ts';
import { thumbnailFileName } from './storage.ts';

export interface DocumentSummary extends Document {
  /** Path of the thumbnail under /documents/, for images. */
  thumbnail: string | null;
  /** Number of articles it is attached to. */
  uses: number;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export async function listDocuments(db: Db, options: { search?: string; media?: string; limit?: number } = {}): Promise<DocumentSummary[]> {
  let query = db.kysely.selectFrom('documents').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (options.media) query = query.where('media', '=', options.media);
  const [rows, uses] = await Promise.all([
    query.execute(),
    db.kysely
      .selectFrom('document_links')
      .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('document_id')
      .execute(),
  ]);
  const useCount = new Map(uses.map((u) => [u.document_id, Number(u.n)]));
  const needle = options.search?.trim() ? fold(options.search.trim()) : undefined;
  return rows
    .filter((d) => !needle || fold(`${d.title} ${d.original_name} ${d.description} ${d.credits}`).includes(needle))
    .slice(0, options.limit ?? 500)
    .map((d) => summarise(d, useCount.get(d.id) ?? 0));
}

export async function articleDocuments(db: Db, articleId: number): Promise<DocumentSummary[]> {
  const rows = await db.kysely
    .selectFrom('document_links')
    .innerJoin('documents', 'documents.id', 'document_links.document_id')
    .selectAll('documents')
    .where('document_links.object_type', '=', 'article')
    .where('document_links.object_id', '=', articleId)
    .orderBy('document_links.position')
    .execute();
  return rows.map((d) => summarise(d, 1));
}

export function summarise(d: Document, uses: number): DocumentSummary {
  return { ...d, thumbnail: d.media === 'image' && d.width !== null ? thumbnailFileName(d.file) : null, uses };
}

export async function loadDocument(db: Db, id: number): Promise<Document | undefined> {
  return db.kysely.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The document stored under `file` (its path below documents/), if any. */
export async function findDocumentByFile(db: Db, file: string): Promise<Pick<Document, 'id' | 'file'> | undefined> {
  return db.kysely.selectFrom('documents').select(['id', 'file']).where('file', '=', file).executeTakeFirst();
}

/** The articles a document is attached to, by id. */
export async function articlesUsingDocument(db: Db, documentId: number): Promise<{ id: number; title: string }[]> {
  return db.kysely
    .selectFrom('document_links')
    .innerJoin('articles', 'articles.id', 'document_links.object_id')
    .select(['articles.id', 'articles.title'])
    .where('document_links.object_type', '=', 'article')
    .where('document_links.document_id', '=', documentId)
    .orderBy('articles.id')
    .execute();
}
