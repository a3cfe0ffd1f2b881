// Back-office pages for the glossary: the list with a search, and the term form (create and edit).
import type { FC } from 'hono/jsx';
import type { GlossaryTerm } from '../../db/schema.ts';
import { termVariants } from '../../glossary/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { Done, Field, FormErrors, type FormState } from './form-fields.tsx';

export const GlossaryListPage: FC<{ terms: GlossaryTerm[]; search: string; done?: string | undefined }> = ({ terms, search, done }) => (
  <>
    <h1>{t('admin.glossary.title')}</h1>
    <Done message={done} />
    <p>
      <a class="button" href="/ecrire/glossaire/nouveau">
        {t('admin.glossary.new')}
      </a>
    </p>
    <form method="get" action="/ecrire/glossaire" role="search" class="search-form">
      <label for="recherche-terme">{t('admin.glossary.search')}</label>
      <input type="search" id="recherche-terme" name="q" value={search} />
      <button type="submit">{t('admin.form.search')}</button>
    </form>
    <p>{t('admin.glossary.count', { count: terms.length })}</p>
    {terms.length === 0 ? (
      <p>{t('admin.glossary.empty')}</p>
    ) : (
  <div class="table-scroll">
    <table>
          <caption class="visually-hidden">{t('admin.glossary.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.glossary.term')}</th>
              <th scope="col">{t('admin.glossary.definition')}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr>
                <td>
                  <a href={`/ecrire/glossaire/${term.id}`}>{term.term}</a>
                  {termVariants(term).length ? <span class="hint"> ({termVariants(term).join(', ')})</span> : null}
                </td>
                <td>{term.definition}</td>
              </tr>
            ))}
          </tbody>
        </table>
  </div>
    )}
  </>
);

export const GlossaryFormPage: FC<{ user: CurrentUser; term?: GlossaryTerm | undefined; state: FormState; done?: string | undefined }> = ({ user, term, state, done }) => (
  <>
    <h1>{term ? t('admin.glossary.edit', { term: term.term }) : t('admin.glossary.new')}</h1>
    <Done message={done} />
    <FormErrors state={state} />
    <form method="post" action={term ? `/ecrire/glossaire/${term.id}` : '/ecrire/glossaire/nouveau'}>
      <CsrfField user={user} />
      <Field name="term" label={t('admin.glossary.term')} state={state} required />
      <Field name="variants" label={t('admin.glossary.variants')} state={state} rows={3} />
      <Field name="definition" label={t('admin.glossary.definition')} state={state} rows={3} required />
      <Field name="presentation" label={t('admin.glossary.presentation')} state={state} rows={8} />
      <Field name="linkUrl" label={t('admin.glossary.link')} state={state} type="url" />
      <Field name="slug" label={t('admin.glossary.slug')} state={state} />
      <p class="actions">
        <button type="submit">{term ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href="/ecrire/glossaire">
          {t('admin.form.cancel')}
        </a>
      </p>
    </form>
    {term ? (
      <form method="post" action={`/ecrire/glossaire/${term.id}/supprimer`}>
        <CsrfField user={user} />
        <button type="submit" class="danger">
          {t('admin.form.delete')}
          <span class="visually-hidden"> « {term.term} »</span>
        </button>
      </form>
    ) : null}
  </>
);
