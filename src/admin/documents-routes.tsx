// /ecrire/documents: the library, uploads (editors and administrators), a document's page; edit and delete
// for whoever administers everything the document is attached to (the operations check); attach and detach
// for whoever may edit the article.
import { submitForm, field, fieldList, formFields, refusedForm, type FormState } from '../web/form-action.ts';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { uploadedFile } from './uploaded-file.ts';
import { doneMessage, positiveId } from './form-state.ts';
import { DocumentPage, DocumentsPage } from './pages/documents.tsx';
import { can, loadArticleTarget, loadDocumentTarget } from '../users/index.ts';
import { loadDocument, articlesUsingDocument, listLibraryDocuments, librarySorts, deleteUnusedDocuments, type LibrarySort, uploadDocument, updateDocument, deleteDocument, attachDocument, detachDocument, DEFAULT_MAX_UPLOAD_BYTES, acceptedExtensions } from '../documents/index.ts';
import type { Document } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const documentsAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/documents';
const limits = { types: acceptedExtensions, maxBytes: DEFAULT_MAX_UPLOAD_BYTES };

const libraryFilters = { media: listFilters.oneOf(['image', 'file'] as const), usage: listFilters.oneOf(['libre'] as const) };
const libraryList: ListDefinition<LibrarySort, typeof libraryFilters> = { sorts: librarySorts, defaultSort: 'date', defaultDirection: 'desc', filters: libraryFilters };

/** The confirmation of a bulk deletion, from the library's address (?fait=supprimes&nombre=<n>). */
function bulkDoneMessage(c: Context<AdminEnv>): string | undefined {
  const count = positiveId(c.req.query('nombre'));
  if (c.req.query('fait') !== 'supprimes' || count === undefined) return undefined;
  return t(count === 1 ? 'admin.documents.bulkDeleted.one' : 'admin.documents.bulkDeleted.many', { count });
}

async function renderLibrary(c: Context<AdminEnv>, state: FormState, status?: number): Promise<Response> {
  const user = requirePermission(c, 'document.upload');
  const query = parseListQuery(c, libraryList);
  const page = await listLibraryDocuments(c.get('app').db, {
    filter: { search: query.q, media: query.filters.media, unattached: query.filters.usage === 'libre' },
    sort: query.sort,
    direction: query.direction,
    offset: (query.page - 1) * LIST_PAGE_SIZE,
    limit: LIST_PAGE_SIZE,
  });
  const nearest = status === undefined ? listPageOutOfRange(current, query, page.total) : undefined;
  if (nearest) return c.redirect(nearest, 302);
  const list = { base: current, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total };
  return renderAdmin(c, {
    title: t('admin.documents.title'),
    current,
    status,
    scripts: ['list.js'],
    body: <DocumentsPage user={user} docs={page.rows} list={list} media={query.filters.media ?? ''} usage={query.filters.usage ?? ''} limits={limits} state={state} done={doneMessage(c)} bulkDone={bulkDoneMessage(c)} />,
  });
}

documentsAdminRoutes.get('/', (c) => renderLibrary(c, { values: {} }));

/** The library address a bulk action came from, checked to be the library's own (no open redirect). */
function returnAddress(raw: string): string {
  return /^\/ecrire\/documents(\?[^#\s]*)?$/.test(raw) ? raw : current;
}

// Before the /:id routes, which would take "lot" for a document's number.
documentsAdminRoutes.post('/lot', async (c) => {
  const user = requirePermission(c, 'document.upload');
  const fields = await formFields(c);
  const ids = fieldList(fields, 'ids').map((raw) => positiveId(raw));
  if (ids.some((id) => id === undefined)) throw new TisseError('BAD_INPUT', 'errors.list.checkedNotFound');
  const { deleted } = await deleteUnusedDocuments(c.get('app').db, user.actor, ids as number[], { storage: c.get('app').storage });
  c.get('app').log.info({ user: user.user.id, ids }, `documents: ${deleted} unused deleted in bulk`);
  const back = returnAddress(field(fields, 'retour'));
  return c.redirect(`${back}${back.includes('?') ? '&' : '?'}fait=supprimes&nombre=${deleted}`, 303);
});

documentsAdminRoutes.post('/ajouter', async (c) => {
  requirePermission(c, 'document.upload');
  // The text fields are read strictly first (UTF-8, no NUL); the file comes from the same parsed body.
  await formFields(c);
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const name of ['title', 'alt', 'credits', 'description', 'articleId']) values[name] = typeof body[name] === 'string' ? (body[name] as string) : '';
  try {
    const file = await uploadedFile(body.file, limits.maxBytes);
    const articleId = values.articleId!.trim() ? positiveId(values.articleId!.trim()) : undefined;
    if (values.articleId!.trim() && articleId === undefined) throw new TisseError('BAD_INPUT', 'errors.documents.badArticleNumber', { fields: { articleId: 'errors.field.invalidNumber' } });
    if (articleId !== undefined) await requireArticleEdit(c, articleId);
    const doc = await uploadDocument(
      c.get('app').db,
      { originalName: file.name, bytes: file.bytes, title: values.title, alt: values.alt, credits: values.credits, description: values.description, ...(articleId ? { articleId } : {}) },
      { storage: c.get('app').storage, maxBytes: limits.maxBytes },
    );
    return c.redirect(`/ecrire/documents/${doc.id}?fait=created`, 303);
  } catch (error) {
    const state = refusedForm(values, error);
    return renderLibrary(c, state, state.status);
  }
});

async function requireArticleEdit(c: Context<AdminEnv>, articleId: number): Promise<void> {
  const target = await loadArticleTarget(c.get('app').db, articleId);
  if (!target) throw new TisseError('BAD_INPUT', 'errors.articles.notFound', { fields: { articleId: 'errors.field.unknown' } });
  requirePermission(c, 'article.edit', target);
}

async function requestedDocument(c: Context<AdminEnv>): Promise<Document> {
  const id = positiveId(c.req.param('id'));
  const doc = id === undefined ? undefined : await loadDocument(c.get('app').db, id);
  if (!doc) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
  return doc;
}

async function renderDocument(c: Context<AdminEnv>, doc: Document, state: FormState, status?: number): Promise<Response> {
  const user = requirePermission(c, 'document.upload');
  const [articles, target] = await Promise.all([articlesUsingDocument(c.get('app').db, doc.id), loadDocumentTarget(c.get('app').db, doc.id)]);
  return renderAdmin(c, {
    title: t('admin.documents.edit', { id: doc.id }),
    current,
    status,
    body: <DocumentPage user={user} doc={doc} articles={articles} state={state} canManage={can(user.actor, 'document.manage', target)} done={doneMessage(c)} />,
  });
}

documentsAdminRoutes.get('/:id', async (c) => {
  const doc = await requestedDocument(c);
  return renderDocument(c, doc, { values: { title: doc.title, alt: doc.alt, credits: doc.credits, description: doc.description } });
});

documentsAdminRoutes.post('/:id', async (c) => {
  const user = requirePermission(c, 'document.upload');
  const doc = await requestedDocument(c);
  return submitForm(c, {
    run: (fields) => updateDocument(c.get('app').db, user.actor, doc.id, { title: field(fields, 'title'), alt: field(fields, 'alt'), credits: field(fields, 'credits'), description: field(fields, 'description') }),
    then: () => `/ecrire/documents/${doc.id}?fait=saved`,
    refused: (state, status) => renderDocument(c, doc, state, status),
  });
});

for (const [path, operation] of [
  ['joindre', attachDocument],
  ['detacher', detachDocument],
] as const) {
  documentsAdminRoutes.post(`/:id/${path}`, async (c) => {
    const doc = await requestedDocument(c);
    const articleId = positiveId(field(await formFields(c), 'articleId').trim());
    if (articleId === undefined) throw new TisseError('BAD_INPUT', 'errors.documents.badArticleNumber');
    await requireArticleEdit(c, articleId);
    await operation(c.get('app').db, doc.id, articleId);
    return c.redirect(`/ecrire/documents/${doc.id}?fait=saved`, 303);
  });
}

documentsAdminRoutes.post('/:id/supprimer', async (c) => {
  const user = requirePermission(c, 'document.upload');
  const doc = await requestedDocument(c);
  await deleteDocument(c.get('app').db, user.actor, doc.id, { storage: c.get('app').storage });
  return c.redirect('/ecrire/documents?fait=deleted', 303);
});
