// Back-office pages for accounts: the list (search, role filter) and the account form (create and edit:
// role, restricted administrator's sections, disable).
import { SeeOnline } from './see-online.tsx';
import type { FC } from 'hono/jsx';
import type { UserSummary } from '../../users/index.ts';
import type { UserRole } from '../../db/schema.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField, Notice } from './layout.tsx';
import { Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';
import { FilterSelect, ListFilters, Pagination, SortHeader, type ListState } from './list-parts.tsx';

const roles: UserRole[] = ['administrator', 'editor', 'visitor', 'disabled'];

export const UsersPage: FC<{ users: UserSummary[]; list: ListState; role: string; done?: string | undefined }> = ({ users, list, role, done }) => (
  <>
    <h1>{t('admin.users.title')}</h1>
    <Done message={done} />
    <p>
      <a class="button" href="/ecrire/auteurs/nouveau">
        {t('admin.users.new')}
      </a>
    </p>
    <ListFilters list={list} searchLabel={t('admin.users.search')}>
      <FilterSelect name="statut" label={t('admin.users.role')} value={role} anyLabel={t('admin.users.all')} options={roles.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))} />
    </ListFilters>
    <Pagination list={list} />
    {users.length === 0 ? (
      <p>{t('admin.list.none')}</p>
    ) : (
      <div class="table-scroll">
        <table class="list-table">
          <caption class="visually-hidden">{t('admin.users.title')}</caption>
          <thead>
            <tr>
              <SortHeader list={list} column="nom" label={t('admin.users.name')} />
              <SortHeader list={list} column="statut" label={t('admin.users.role')} />
              <SortHeader list={list} column="articles" label={t('admin.users.articles')} />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <td>
                  <a href={`/ecrire/auteurs/${u.id}`}>{u.name}</a>
                  <br />
                  <span class="hint">{u.email}</span>
                </td>
                <td>{u.role === 'administrator' && u.sectionIds.length ? t('admin.users.restricted') : t(`admin.role.${u.role}`)}</td>
                <td>{u.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    {list.pages > 1 ? <Pagination list={list} withCount={false} /> : null}
  </>
);

export const UserFormPage: FC<{
  user: CurrentUser;
  account?: { id: number; name: string; role: UserRole } | undefined;
  state: FormState;
  sections: { value: string; label: string }[];
  created?: { name: string; password: string } | undefined;
  done?: string | undefined;
  /** The author's public page, when they sign a public article (public-pages.ts). */
  publicUrl?: string | undefined;
}> = ({ user, account, state, sections, created, done, publicUrl }) => (
  <>
    <h1>{account ? t('admin.users.edit', { name: account.name }) : t('admin.users.new')}</h1>
    <Done message={done} />
    {publicUrl ? <SeeOnline href={publicUrl} /> : null}
    {created ? <Notice kind="warning">{t('admin.users.passwordShown', created)}</Notice> : null}
    <FormErrors state={state} />
    <form method="post" action={account ? `/ecrire/auteurs/${account.id}` : '/ecrire/auteurs/nouveau'}>
      <CsrfField user={user} />
      <Field name="name" label={t('admin.users.name')} state={state} required autocomplete="off" />
      <Field name="email" label={t('admin.users.email')} state={state} type="email" required autocomplete="off" />
      <SelectField
        name="role"
        label={t('admin.users.role')}
        state={state}
        options={(account ? roles : roles.filter((r) => r !== 'disabled')).map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
      />
      <SelectField name="sections" label={t('admin.users.sections')} state={state} options={sections} multiple size={Math.min(8, Math.max(3, sections.length))} />
      {account ? (
        <>
          <Field name="website" label={t('admin.users.website')} state={state} type="url" />
          <Field name="bio" label={t('admin.users.bio')} state={state} rows={4} />
        </>
      ) : (
        <Field name="password" label={t('admin.users.password')} state={state} type="password" autocomplete="new-password" />
      )}
      <p class="actions">
        <button type="submit">{account ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href="/ecrire/auteurs">
          {t('admin.form.cancel')}
        </a>
      </p>
    </form>
    {account && account.role !== 'disabled' && account.id !== user.user.id ? (
      <form method="post" action={`/ecrire/auteurs/${account.id}/desactiver`}>
        <CsrfField user={user} />
        <button type="submit" class="danger">
          {t('admin.users.disable')}
        </button>
      </form>
    ) : null}
  </>
);
