// Back-office pages for keywords: the groups with their keywords, the group form and the keyword form.
import { SeeOnline } from './see-online.tsx';
import type { FC } from 'hono/jsx';
import type { KeywordGroupSummary, KeywordRow } from '../../keywords/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { CheckField, Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';
import { FilterSelect, ListFilters, Pagination, SortHeader, type ListState } from './list-parts.tsx';

export const KeywordsPage: FC<{ groups: KeywordGroupSummary[]; keywords: KeywordRow[]; list: ListState; groupId: string; done?: string | undefined }> = ({ groups, keywords, list, groupId, done }) => (
  <>
    <h1>{t('admin.keywords.title')}</h1>
    <Done message={done} />
    <p class="actions">
      <a class="button" href="/ecrire/mots/groupes/nouveau">
        {t('admin.keywords.newGroup')}
      </a>
      {groups.length ? (
        <a class="button secondary" href="/ecrire/mots/nouveau">
          {t('admin.keywords.newKeyword')}
        </a>
      ) : null}
    </p>
    {groups.length === 0 ? <p>{t('admin.keywords.empty')}</p> : null}
    {groups.map((g) => (
      <section class="card" aria-labelledby={`groupe${g.id}`}>
        <h2 id={`groupe${g.id}`}>
          <a href={`/ecrire/mots/groupes/${g.id}`}>{g.title}</a>
        </h2>
        <p class="hint">
          {g.appliesTo.map((a) => t(a === 'section' ? 'admin.keywords.sections' : 'admin.keywords.articles')).join(', ')}
          {g.single ? ` — ${t('admin.keywords.single')}` : ''}
          {g.required ? ` — ${t('admin.keywords.required')}` : ''}
        </p>
        <p>
          {g.keywordCount === 0 ? t('admin.keywords.groupEmpty') : <a href={`/ecrire/mots?groupe=${g.id}#mots`}>{t('admin.keywords.groupCount', { count: g.keywordCount })}</a>}
          {' — '}
          <a href={`/ecrire/mots/nouveau?groupe=${g.id}`}>
            {t('admin.keywords.newKeyword')}
            <span class="visually-hidden"> ({g.title})</span>
          </a>
        </p>
      </section>
    ))}
    {groups.length ? (
      <section aria-labelledby="mots">
        <h2 id="mots">{t('admin.keywords.all')}</h2>
        <ListFilters list={list} searchLabel={t('admin.keywords.search')}>
          <FilterSelect name="groupe" label={t('admin.keywords.group')} value={groupId} options={groups.map((g) => ({ value: String(g.id), label: g.title }))} />
        </ListFilters>
        <Pagination list={list} />
        {keywords.length === 0 ? (
          <p>{t('admin.list.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="list-table">
              <caption class="visually-hidden">{t('admin.keywords.all')}</caption>
              <thead>
                <tr>
                  <SortHeader list={list} column="titre" label={t('admin.keywords.keywordTitle')} />
                  <SortHeader list={list} column="groupe" label={t('admin.keywords.group')} />
                  <SortHeader list={list} column="usages" label={t('admin.keywords.usesColumn')} />
                </tr>
              </thead>
              <tbody>
                {keywords.map((k) => (
                  <tr>
                    <td><a href={`/ecrire/mots/${k.id}`}>{k.title}</a></td>
                    <td>{k.groupTitle}</td>
                    <td>{t('admin.keywords.uses', { count: k.uses })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.pages > 1 ? <Pagination list={list} withCount={false} /> : null}
      </section>
    ) : null}
  </>
);

export const KeywordGroupFormPage: FC<{ user: CurrentUser; group?: { id: number; title: string } | undefined; state: FormState; done?: string | undefined }> = ({ user, group, state, done }) => (
  <>
    <h1>{group ? t('admin.keywords.editGroup', { title: group.title }) : t('admin.keywords.newGroup')}</h1>
    <Done message={done} />
    <FormErrors state={state} />
    <form method="post" action={group ? `/ecrire/mots/groupes/${group.id}` : '/ecrire/mots/groupes/nouveau'}>
      <CsrfField user={user} />
      <Field name="title" label={t('admin.keywords.groupTitle')} state={state} required />
      <Field name="description" label={t('admin.keywords.description')} state={state} rows={3} />
      <fieldset class="field">
        <legend>{t('admin.keywords.appliesTo')}</legend>
        {state.errors?.appliesTo ? <p class="error">{state.errors.appliesTo}</p> : null}
        <CheckField name="appliesTo" value="article" label={t('admin.keywords.articles')} state={state} />
        <CheckField name="appliesTo" value="section" label={t('admin.keywords.sections')} state={state} />
      </fieldset>
      {state.errors?.single ? <p class="error">{state.errors.single}</p> : null}
      <CheckField name="single" label={t('admin.keywords.single')} state={state} />
      <CheckField name="required" label={t('admin.keywords.required')} state={state} />
      <p class="actions">
        <button type="submit">{group ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href="/ecrire/mots">
          {t('admin.form.cancel')}
        </a>
      </p>
    </form>
    {group ? (
      <form method="post" action={`/ecrire/mots/groupes/${group.id}/supprimer`}>
        <CsrfField user={user} />
        <button type="submit" class="danger">
          {t('admin.form.delete')}
          <span class="visually-hidden"> « {group.title} »</span>
        </button>
      </form>
    ) : null}
  </>
);

export const KeywordFormPage: FC<{
  user: CurrentUser;
  keyword?: { id: number; title: string } | undefined;
  groups: { value: string; label: string }[];
  state: FormState;
  done?: string | undefined;
  /** The keyword's public page (public-pages.ts). */
  publicUrl?: string | undefined;
}> = ({ user, keyword, groups, state, done, publicUrl }) => (
  <>
    <h1>{keyword ? t('admin.keywords.editKeyword', { title: keyword.title }) : t('admin.keywords.newKeyword')}</h1>
    <Done message={done} />
    {publicUrl ? <SeeOnline href={publicUrl} /> : null}
    <FormErrors state={state} />
    <form method="post" action={keyword ? `/ecrire/mots/${keyword.id}` : '/ecrire/mots/nouveau'}>
      <CsrfField user={user} />
      <Field name="title" label={t('admin.keywords.keywordTitle')} state={state} required />
      <SelectField name="groupId" label={t('admin.keywords.group')} state={state} options={groups} />
      <Field name="description" label={t('admin.keywords.description')} state={state} rows={3} />
      <Field name="text" label={t('admin.keywords.text')} state={state} rows={6} />
      <Field name="slug" label={t('admin.sections.fieldSlug')} state={state} />
      <p class="actions">
        <button type="submit">{keyword ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href="/ecrire/mots">
          {t('admin.form.cancel')}
        </a>
      </p>
    </form>
    {keyword ? (
      <form method="post" action={`/ecrire/mots/${keyword.id}/supprimer`}>
        <CsrfField user={user} />
        <button type="submit" class="danger">
          {t('admin.form.delete')}
          <span class="visually-hidden"> « {keyword.title} »</span>
        </button>
      </form>
    ) : null}
  </>
);
