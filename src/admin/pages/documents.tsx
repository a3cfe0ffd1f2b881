// Back-office pages for documents: the library (thumbnails, how to use each one in a text), the upload
// form, and a document's page (edit its texts, attach it to an article or detach it, delete it).
import type { FC } from 'hono/jsx';
import type { Document } from '../../db/schema.ts';
import { formatSize, type DocumentSummary } from '../../documents/index.ts';
import { documentUrl } from '../../web/markup-resolver.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
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
  search: string;
  media: string;
  limits: UploadLimits;
  state: FormState;
  done?: string | undefined;
}> = ({ user, docs, search, media, limits, state, done }) => (
  <>
    <h1>{t('admin.documents.title')}</h1>
    <Done message={done} />
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
    <form method="get" action="/ecrire/documents" role="search" class="search-form">
      <label for="recherche-document">{t('admin.documents.search')}</label>
      <input type="search" id="recherche-document" name="q" value={search} />
      <label for="filtre-media" class="visually-hidden">
        {t('admin.documents.title')}
      </label>
      <select id="filtre-media" name="media">
        <option value="" selected={media === '' || undefined}>
          {t('admin.documents.all')}
        </option>
        <option value="image" selected={media === 'image' || undefined}>
          {t('admin.documents.images')}
        </option>
        <option value="file" selected={media === 'file' || undefined}>
          {t('admin.documents.files')}
        </option>
      </select>
      <button type="submit">{t('admin.form.search')}</button>
    </form>
    {docs.length === 0 ? <p>{t('admin.documents.empty')}</p> : <DocumentTable docs={docs} />}
  </>
);

export const DocumentTable: FC<{ docs: DocumentSummary[] }> = ({ docs }) => (
  <div class="table-scroll">
    <table>
      <caption class="visually-hidden">{t('admin.documents.title')}</caption>
      <thead>
        <tr>
          <th scope="col">n°</th>
          <th scope="col">{t('admin.documents.file')}</th>
          <th scope="col">{t('admin.documents.docTitle')}</th>
          <th scope="col">{t('admin.documents.size')}</th>
        </tr>
      </thead>
      <tbody>
        {docs.map((doc) => (
          <tr>
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
