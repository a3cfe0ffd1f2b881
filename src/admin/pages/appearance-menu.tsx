// The main menu's form, without any script: one numbered row per item (a position to reorder, a destination:
// a section, a published article or a link, and "Retirer"), then empty rows to add items. Saving sorts the
// rows by position; an empty menu means the top-level sections, which the form says.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import type { Choice } from '../../appearance/index.ts';
import { partAnchor } from '../appearance-form.ts';
import { CsrfField, Notice } from './layout.tsx';
import { FormErrors, value, type FormState } from './form-fields.tsx';

export interface MenuFormProps {
  user: CurrentUser;
  state: FormState;
  refused: boolean;
  /** How many rows to show: the items and a few empty ones. */
  rows: number;
  sections: Choice[];
  articles: Choice[];
  /** No item stored: the site shows its top-level sections. */
  empty: boolean;
}

/** A cell's input and, when it was refused, its message (tied to the input for screen readers). */
function errorOf(state: FormState, name: string): { error: string | undefined; props: Record<string, string | undefined> } {
  const error = state.errors?.[name];
  return { error, props: { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `champ-${name}-erreur` : undefined } };
}

const CellError: FC<{ name: string; error: string | undefined }> = ({ name, error }) =>
  error ? (
    <p class="error" id={`champ-${name}-erreur`}>
      {error}
    </p>
  ) : null;

const MenuRow: FC<{ row: number; state: FormState; sections: Choice[]; articles: Choice[] }> = ({ row, state, sections, articles }) => {
  const name = (field: string) => `mainMenu.${row}.${field}`;
  const n = row + 1;
  const target = value(state, name('target'));
  const cells = {
    position: errorOf(state, name('position')),
    target: errorOf(state, name('target')),
    articleNumber: errorOf(state, name('articleNumber')),
    label: errorOf(state, name('label')),
    url: errorOf(state, name('url')),
  };
  return (
    <tr>
      <td>
        <label class="visually-hidden" for={`champ-${name('position')}`}>
          {t('admin.appearance.menuPositionOf', { n })}
        </label>
        <input type="number" min="1" class="position" id={`champ-${name('position')}`} name={name('position')} value={value(state, name('position')) || String(n)} {...cells.position.props} />
        <CellError name={name('position')} error={cells.position.error} />
      </td>
      <td>
        <label class="visually-hidden" for={`champ-${name('target')}`}>
          {t('admin.appearance.menuTargetOf', { n })}
        </label>
        <select id={`champ-${name('target')}`} name={name('target')} {...cells.target.props}>
          <option value="">{t('admin.appearance.menuNothing')}</option>
          <optgroup label={t('admin.appearance.menuSections')}>
            {sections.map((section) => (
              <option value={`section:${section.id}`} selected={target === `section:${section.id}` || undefined}>
                {section.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('admin.appearance.menuArticles')}>
            {articles.map((article) => (
              <option value={`article:${article.id}`} selected={target === `article:${article.id}` || undefined}>
                {article.label}
              </option>
            ))}
          </optgroup>
          <option value="link" selected={target === 'link' || undefined}>
            {t('admin.appearance.menuLink')}
          </option>
        </select>
        <CellError name={name('target')} error={cells.target.error} />
        <label class="menu-number" for={`champ-${name('articleNumber')}`}>
          {t('admin.appearance.orArticleNumber')}{' '}
          <input type="number" min="1" class="position" id={`champ-${name('articleNumber')}`} name={name('articleNumber')} value={value(state, name('articleNumber'))} {...cells.articleNumber.props} />
        </label>
        <CellError name={name('articleNumber')} error={cells.articleNumber.error} />
      </td>
      <td>
        <label class="visually-hidden" for={`champ-${name('label')}`}>
          {t('admin.appearance.menuLabelOf', { n })}
        </label>
        <input type="text" id={`champ-${name('label')}`} name={name('label')} value={value(state, name('label'))} maxlength={80} {...cells.label.props} />
        <CellError name={name('label')} error={cells.label.error} />
      </td>
      <td>
        <label class="visually-hidden" for={`champ-${name('url')}`}>
          {t('admin.appearance.menuUrlOf', { n })}
        </label>
        <input type="text" inputmode="url" id={`champ-${name('url')}`} name={name('url')} value={value(state, name('url'))} placeholder={t('admin.appearance.menuUrlPlaceholder')} {...cells.url.props} />
        <CellError name={name('url')} error={cells.url.error} />
      </td>
      <td>
        <input type="checkbox" id={`champ-${name('remove')}`} name={name('remove')} value="1" checked={value(state, name('remove')) === '1' || undefined} />{' '}
        <label for={`champ-${name('remove')}`}>
          {t('admin.appearance.menuRemove')}
          <span class="visually-hidden"> {t('admin.appearance.menuItemN', { n })}</span>
        </label>
      </td>
    </tr>
  );
};

export const MenuForm: FC<MenuFormProps> = (p) => (
  <section id={partAnchor.menu} class="card appearance-part" aria-labelledby={`titre-${partAnchor.menu}`}>
    <h2 id={`titre-${partAnchor.menu}`}>{t('admin.appearance.menu')}</h2>
    {p.refused ? <FormErrors state={p.state} /> : null}
    {p.empty ? <Notice>{t('admin.appearance.menuEmpty')}</Notice> : null}
    <p class="hint">{t('admin.appearance.menuHint')}</p>
    <form method="post" action="/ecrire/reglages/apparence/menu">
      <CsrfField user={p.user} />
      <div class="table-scroll">
        <table class="menu-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.appearance.menuPosition')}</th>
              <th scope="col">{t('admin.appearance.menuTarget')}</th>
              <th scope="col">{t('admin.appearance.menuLabel')}</th>
              <th scope="col">{t('admin.appearance.menuUrl')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.appearance.menuRemove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: p.rows }, (_, row) => (
              <MenuRow row={row} state={p.state} sections={p.sections} articles={p.articles} />
            ))}
          </tbody>
        </table>
      </div>
      <p class="actions">
        <button type="submit">{t('admin.appearance.saveMenu')}</button>
      </p>
    </form>
  </section>
);
