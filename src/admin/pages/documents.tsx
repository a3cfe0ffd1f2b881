// Back-office pages for documents: the library (thumbnails, how to use each one in a text), the upload
// form, and a document's page (edit its texts, attach it to an article or detach it, delete it).
import type { FC } from 'hono/jsx';
import type { Document } from '../../db/schema.ts';
import { formatSize, type DocumentSummary } from '../../documents/index.ts';
import { documentUrl } from '../../web/markup-resolver.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField, Notice } from './layout.tsx';
import { BulkForm, CheckAllHeader, FilterSelect, ListFilters, Pagination, RowCheckbox, SortHeader, type ListState } from './list-parts.tsx';
import { Done, Field, FormErrors, type FormState } from './form-fields.tsx';

export interface UploadLimits {
  types: string[];
  maxBytes: number;
}

const Thumbnail: FC<{ doc: DocumentSummary }> = ({ doc }) =>
  doc.thumbnail ? <img src={documentUrl(doc.thumbnail)} alt="" width={120} loading="lazy" /> : <span class="doc-ext">{doc.extension.toUpperCase()}</span>;

export const DocumentsPage: FC<{
  user: CurrentUser;
  docs: DocumentSummary[];
  list: ListState;
  media: string;
  usage: string;
  limits: UploadLimits;
  state: FormState;
  done?: string | undefined;
  /** The confirmation of a bulk deletion. */
  bulkDone?: string | undefined;
}> = ({ user, docs, list, media, usage, limits, state, done, bulkDone }) => (
  <>
    <h1>{t('admin.documents.title')}</h1>
    <Done message={done} />
    {bulkDone ? <Notice>{bulkDone}</Notice> : null}
    <section aria-labelledby="ajout-document" class="card">
      <h2 id="ajout-document">{t('admin.documents.upload')}</h2>
      <FormErrors state={state} />
      <form method="post" action="/ecrire/documents/ajouter" enctype="multipart/form-data">
        <CsrfField user={user} />
        <div class="field">
          <label for="champ-file">{t('admin.documents.file')}</label>
          <p class="hint" id="champ-file-aide">
            {t('admin.documents.limits', { types: limits.types.join(', '), size: formatSize(limits.maxBytes) })}
          </p>
          {state.errors?.file ? (
            <p class="error" id="champ-file-erreur">
              {state.errors.file}
            </p>
          ) : null}
          <input
            type="file"
            id="champ-file"
            name="file"
            required
            accept={limits.types.map((x) => `.${x}`).join(',')}
            aria-describedby={state.errors?.file ? 'champ-file-aide champ-file-erreur' : 'champ-file-aide'}
          />
        </div>
        <Field name="title" label={t('admin.documents.docTitle')} state={state} />
        <Field name="alt" label={t('admin.documents.alt')} state={state} />
        <Field name="credits" label={t('admin.documents.credits')} state={state} />
        <Field name="description" label={t('admin.documents.description')} state={state} rows={3} />
        <Field name="articleId" label={t('admin.documents.article')} state={state} type="number" />
        <p class="actions">
          <button type="submit">{t('admin.documents.upload')}</button>
        </p>
      </form>
    </section>
    <ListFilters list={list} searchLabel={t('admin.documents.search')}>
      <FilterSelect name="media" label={t('admin.documents.kind')} value={media} anyLabel={t('admin.documents.all')} options={[{ value: 'image', label: t('admin.documents.images') }, { value: 'file', label: t('admin.documents.files') }]} />
      <FilterSelect name="usage" label={t('admin.documents.usage')} value={usage} options={[{ value: 'libre', label: t('admin.documents.unattached') }]} />
    </ListFilters>
    <Pagination list={list} />
    {docs.length === 0 ? (
      <p>{t('admin.documents.empty')}</p>
    ) : (
      <BulkForm user={user} action="/ecrire/documents/lot" list={list} applyLabel={t('admin.documents.deleteUnused')} controls={<p class="hint">{t('admin.documents.deleteUnusedHint')}</p>}>
        <DocumentTable docs={docs} list={list} />
      </BulkForm>
    )}
    {list.pages > 1 ? <Pagination list={list} withCount={false} /> : null}
  </>
);

export const DocumentTable: FC<{ docs: DocumentSummary[]; list: ListState }> = ({ docs, list }) => (
  <div class="table-scroll">
    <table class="list-table">
      <caption class="visually-hidden">{t('admin.documents.title')}</caption>
      <thead>
        <tr>
          <CheckAllHeader />
          <SortHeader list={list} column="date" label="n°" />
          <th scope="col">{t('admin.documents.file')}</th>
          <SortHeader list={list} column="titre" label={t('admin.documents.docTitle')} />
          <SortHeader list={list} column="taille" label={t('admin.documents.size')} />
          <th scope="col">{t('admin.documents.uses')}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((doc) => (
          <tr>
            <RowCheckbox id={doc.id} label={doc.title || doc.original_name} />
            <td>{doc.id}</td>
            <td>
              <Thumbnail doc={doc} />
            </td>
            <td>
              <a href={`/ecrire/documents/${doc.id}`}>{doc.title || doc.original_name}</a>
              <br />
              <span class="hint">{t('admin.documents.useInText', { code: `<doc${doc.id}|left>` })}</span>
            </td>
            <td>
              {formatSize(doc.size)}
              {doc.width && doc.height ? (
                <>
                  <br />
                  {t('admin.documents.dimensions', { width: doc.width, height: doc.height })}
                </>
              ) : null}
            </td>
            <td>{doc.uses}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const DocumentPage: FC<{
  user: CurrentUser;
  doc: Document;
  articles: { id: number; title: string }[];
  state: FormState;
  canManage: boolean;
  done?: string | undefined;
}> = ({ user, doc, articles, state, canManage, done }) => (
  <>
    <h1>{t('admin.documents.edit', { id: doc.id })}</h1>
    <Done message={done} />
    <p>
      <a href={documentUrl(doc.file)}>{doc.original_name}</a> — {formatSize(doc.size)}
      {doc.width && doc.height ? <> — {t('admin.documents.dimensions', { width: doc.width, height: doc.height })}</> : null}
    </p>
    <p>{t('admin.documents.useInText', { code: `<doc${doc.id}|left>` })}</p>
    {canManage ? (
      <>
        <FormErrors state={state} />
        <form method="post" action={`/ecrire/documents/${doc.id}`}>
          <CsrfField user={user} />
          <Field name="title" label={t('admin.documents.docTitle')} state={state} />
          <Field name="alt" label={t('admin.documents.alt')} state={state} />
          <Field name="credits" label={t('admin.documents.credits')} state={state} />
          <Field name="description" label={t('admin.documents.description')} state={state} rows={3} />
          <p class="actions">
            <button type="submit">{t('admin.form.save')}</button>
          </p>
        </form>
      </>
    ) : null}
    <h2>{t('admin.documents.attached', { count: articles.length })}</h2>
    <ul>
      {articles.map((a) => (
        <li>
          <a href={`/ecrire/articles/${a.id}`}>{a.title}</a>{' '}
          <form method="post" action={`/ecrire/documents/${doc.id}/detacher`} class="inline-form">
            <CsrfField user={user} />
            <input type="hidden" name="articleId" value={String(a.id)} />
            <button type="submit" class="secondary small">
              {t('admin.documents.detach')}
              <span class="visually-hidden"> « {a.title} »</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
    <form method="post" action={`/ecrire/documents/${doc.id}/joindre`}>
      <CsrfField user={user} />
      <div class="field">
        <label for="champ-joindre">{t('admin.documents.article')}</label>
        <input type="number" id="champ-joindre" name="articleId" min="1" required />
      </div>
      <button type="submit" class="secondary">
        {t('admin.documents.attach')}
      </button>
    </form>
    {canManage ? (
      <form method="post" action={`/ecrire/documents/${doc.id}/supprimer`}>
        <CsrfField user={user} />
        <p class="actions">
          <button type="submit" class="danger">
            {t('admin.form.delete')}
          </button>
        </p>
      </form>
    ) : null}
  </>
);
