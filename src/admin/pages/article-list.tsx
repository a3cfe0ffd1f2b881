// The back-office article list (issue 18): search on titles, filters (status, section, author, dates of last
// change), sortable columns, numbered pages, and bulk actions on the checked rows (a workflow transition or a move
// to a section), built from the parts of list-parts.tsx.
import type { FC } from 'hono/jsx';
import type { ArticleRow, SectionChoice, TransitionName } from '../../articles/index.ts';
import { articleStatuses } from '../../articles/index.ts';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { StatusBadge } from './home.tsx';
import { Notice } from './layout.tsx';
import { BulkForm, CheckAllHeader, FilterDay, FilterSelect, ListFilters, Pagination, RowCheckbox, SortHeader, type ListState } from './list-parts.tsx';

/** The transitions the list offers on checked rows (schedule needs a date per article: the editor's). */
export const bulkTransitions = ['publish', 'propose', 'withdraw', 'unpublish', 'refuse', 'reopen', 'trash', 'restore'] as const satisfies readonly TransitionName[];

export interface ArticleListProps {
  user: CurrentUser;
  list: ListState;
  rows: ArticleRow[];
  filters: { statut?: string | undefined; rubrique?: string | undefined; auteur?: string | undefined; du?: string | undefined; au?: string | undefined };
  /** Every section (filter), with its depth. */
  sections: readonly { id: number; title: string; depth: number }[];
  /** The sections articles may be moved to by this user. */
  moveTargets: readonly SectionChoice[];
  writers: readonly { id: number; name: string }[];
  canCreate: boolean;
  done?: string | undefined;
}

const indent = (depth: number) => '\u00a0\u00a0'.repeat(depth);

export const ArticleList: FC<ArticleListProps> = (p) => (
  <>
    <h1>{t('admin.article.list')}</h1>
    {p.canCreate ? (
      <p>
        <a class="button" href="/ecrire/articles/nouveau">{t('admin.article.new')}</a>
      </p>
    ) : null}
    {p.done ? <Notice>{p.done}</Notice> : null}
    <ListFilters list={p.list} searchLabel={t('admin.articles.search')}>
      <FilterSelect
        name="statut"
        label={t('admin.article.status')}
        value={p.filters.statut}
        anyLabel={t('admin.articles.allStatuses')}
        options={articleStatuses.map((s) => ({ value: s, label: t(`admin.status.${s}`) }))}
      />
      <FilterSelect name="rubrique" label={t('admin.article.section')} value={p.filters.rubrique} options={p.sections.map((s) => ({ value: String(s.id), label: indent(s.depth) + s.title }))} />
      <FilterSelect name="auteur" label={t('admin.articles.filterAuthor')} value={p.filters.auteur} options={p.writers.map((w) => ({ value: String(w.id), label: w.name }))} />
      <FilterDay name="du" label={t('admin.articles.changedFrom')} value={p.filters.du} />
      <FilterDay name="au" label={t('admin.articles.changedTo')} value={p.filters.au} />
    </ListFilters>
    <Pagination list={p.list} />
    {p.rows.length === 0 ? (
      <p>{t('admin.list.none')}</p>
    ) : (
      <BulkForm
        user={p.user}
        action="/ecrire/articles/lot"
        list={p.list}
        controls={
          <>
            <div class="field">
              <label for="lot-action">{t('admin.list.bulkAction')}</label>
              <select id="lot-action" name="action" required>
                <option value="">{t('admin.list.chooseAction')}</option>
                {bulkTransitions.map((name) => (
                  <option value={name}>{t(`admin.action.${name}`)}</option>
                ))}
                <option value="move">{t('admin.articles.moveTo')}</option>
              </select>
            </div>
            <div class="field">
              <label for="lot-rubrique">{t('admin.articles.moveSection')}</label>
              <select id="lot-rubrique" name="sectionId">
                <option value="">—</option>
                {p.moveTargets.map((choice) => (
                  <option value={String(choice.section.id)} disabled={!choice.usable}>{indent(choice.depth) + choice.section.title}</option>
                ))}
              </select>
            </div>
          </>
        }
      >
        <div class="table-scroll">
          <table class="list-table">
            <caption class="visually-hidden">{t('admin.article.list')}</caption>
            <thead>
              <tr>
                <CheckAllHeader />
                <SortHeader list={p.list} column="titre" label={t('admin.article.title')} />
                <th scope="col">{t('admin.article.section')}</th>
                <th scope="col">{t('admin.article.authors')}</th>
                <SortHeader list={p.list} column="statut" label={t('admin.article.status')} />
                <SortHeader list={p.list} column="publication" label={t('admin.articles.published')} />
                <SortHeader list={p.list} column="maj" label={t('admin.article.updated')} />
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <RowCheckbox id={row.id} label={row.title} />
                  <td>
                    <a href={`/ecrire/articles/${row.id}`}>{row.title}</a>
                  </td>
                  <td>{row.section_title}</td>
                  <td>{row.authorNames.join(', ')}</td>
                  <td>
                    <StatusBadge status={row.status} publishedAt={row.published_at} />
                  </td>
                  <td>{row.published_at ? formatDate(row.published_at) : '—'}</td>
                  <td>{formatDate(row.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </BulkForm>
    )}
    {p.list.pages > 1 ? <Pagination list={p.list} withCount={false} /> : null}
  </>
);
