// Back-office pages for the section tree: the tree with order buttons, and the section form (create and
// edit), with a separate form to move a section elsewhere in the tree.
import { SeeOnline } from './see-online.tsx';
import type { FC } from 'hono/jsx';
import type { Section } from '../../db/schema.ts';
import type { SectionTree } from '../../sections/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';

export interface SectionRowInfo {
  articles: number;
  manageable: boolean;
}

export const SectionsPage: FC<{ user: CurrentUser; tree: SectionTree; info: Map<number, SectionRowInfo>; done?: string | undefined; canCreateTop: boolean }> = ({
  user,
  tree,
  info,
  done,
  canCreateTop,
}) => {
  const branch = (parentId: number | null) => {
    const children = tree.children(parentId);
    if (children.length === 0) return null;
    return (
      <ul class="section-tree">
        {children.map((s, index) => {
          const row = info.get(s.id);
          return (
            <li>
              <span class="section-tree__item">
                {row?.manageable ? <a href={`/ecrire/rubriques/${s.id}`}>{s.title}</a> : <span>{s.title}</span>}{' '}
                <span class="hint">{t('admin.sections.articles', { count: row?.articles ?? 0 })}</span>
                {row?.manageable ? (
                  <form method="post" action={`/ecrire/rubriques/${s.id}/ordre`} class="inline-form">
                    <CsrfField user={user} />
                    <button type="submit" name="sens" value="-1" class="secondary small" disabled={index === 0 || undefined}>
                      {t('admin.sections.up')}
                      <span class="visually-hidden"> « {s.title} »</span>
                    </button>{' '}
                    <button type="submit" name="sens" value="1" class="secondary small" disabled={index === children.length - 1 || undefined}>
                      {t('admin.sections.down')}
                      <span class="visually-hidden"> « {s.title} »</span>
                    </button>
                  </form>
                ) : null}
              </span>
              {branch(s.id)}
            </li>
          );
        })}
      </ul>
    );
  };
  return (
    <>
      <h1>{t('admin.sections.title')}</h1>
      <Done message={done} />
      {canCreateTop ? (
        <p>
          <a class="button" href="/ecrire/rubriques/nouvelle">
            {t('admin.sections.new')}
          </a>
        </p>
      ) : null}
      <nav aria-label={t('admin.sections.tree')}>{tree.children(null).length ? branch(null) : <p>{t('admin.sections.empty')}</p>}</nav>
    </>
  );
};

/** Options for a parent select: every section, indented by depth, except `exclude` and its branch. */
export function parentOptions(tree: SectionTree, allowed: (id: number) => boolean, exclude?: number, withTop = true): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = withTop ? [{ value: '', label: t('admin.sections.top') }] : [];
  const banned = new Set(exclude ? tree.subtree(exclude) : []);
  const walk = (parentId: number | null, depth: number) => {
    for (const s of tree.children(parentId)) {
      if (banned.has(s.id)) continue;
      if (allowed(s.id)) out.push({ value: String(s.id), label: `${'— '.repeat(depth)}${s.title}` });
      walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export const SectionFormPage: FC<{
  user: CurrentUser;
  section?: Section | undefined;
  state: FormState;
  parents: { value: string; label: string }[];
  moveState?: FormState | undefined;
  done?: string | undefined;
  publicPath?: string | undefined;
}> = ({ user, section, state, parents, moveState, done, publicPath }) => (
  <>
    <h1>{section ? t('admin.sections.edit', { title: section.title }) : t('admin.sections.new')}</h1>
    <Done message={done} />
    {publicPath ? <SeeOnline href={publicPath} /> : null}
    <FormErrors state={state} />
    <form method="post" action={section ? `/ecrire/rubriques/${section.id}` : '/ecrire/rubriques/nouvelle'}>
      <CsrfField user={user} />
      <Field name="title" label={t('admin.sections.fieldTitle')} state={state} required />
      {section ? null : <SelectField name="parentId" label={t('admin.sections.fieldParent')} state={state} options={parents} />}
      <Field name="description" label={t('admin.sections.fieldDescription')} state={state} rows={3} />
      <Field name="text" label={t('admin.sections.fieldText')} state={state} rows={8} />
      <Field name="slug" label={t('admin.sections.fieldSlug')} state={state} />
      <Field name="lang" label={t('admin.sections.fieldLang')} hint={t('admin.sections.langHint', { lang: section && !section.lang_chosen ? section.lang : t('admin.sections.langOfParent') })} state={state} />
      <p class="actions">
        <button type="submit">{section ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href="/ecrire/rubriques">
          {t('admin.form.cancel')}
        </a>
      </p>
    </form>
    {section && moveState ? (
      <>
        <h2>{t('admin.sections.move')}</h2>
        <FormErrors state={moveState} />
        <form method="post" action={`/ecrire/rubriques/${section.id}/deplacer`}>
          <CsrfField user={user} />
          <SelectField name="parentId" label={t('admin.sections.fieldParent')} state={moveState} options={parents} />
          <p class="actions">
            <button type="submit" class="secondary">
              {t('admin.sections.move')}
            </button>
          </p>
        </form>
        <h2>{t('admin.form.delete')}</h2>
        <form method="post" action={`/ecrire/rubriques/${section.id}/supprimer`}>
          <CsrfField user={user} />
          <p class="hint">{t('admin.sections.deleteHint')}</p>
          <button type="submit" class="danger">
            {t('admin.form.delete')}
            <span class="visually-hidden"> « {section.title} »</span>
          </button>
        </form>
      </>
    ) : null}
  </>
);
