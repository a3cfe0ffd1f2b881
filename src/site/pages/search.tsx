// The search page: the form with the query, a message when the query is empty or was cut, ranked results
// with highlighted snippets (<mark>), and pagination by plain links.
import type { FC } from 'hono/jsx';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import { MAX_QUERY_LENGTH, MAX_PAGE, type SearchResults } from '../../search/index.ts';
import { Breadcrumb, SearchForm } from './layout.tsx';

export const SearchPage: FC<{ q: string; results: SearchResults | undefined; onlyStopwords: boolean }> = ({ q, results, onlyStopwords }) => {
  const pages = results ? Math.min(MAX_PAGE, Math.ceil(results.total / results.perPage)) : 0;
  const link = (page: number) => `/recherche?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;
  return (
    <section class="search" aria-labelledby="recherche-titre">
      <Breadcrumb crumbs={[{ label: t('site.home'), href: '/' }, { label: t('search.title'), href: '/recherche' }]} />
      <h1 id="recherche-titre">{t('search.title')}</h1>
      <SearchForm value={q} id="recherche-page" name={t('search.formName')} />
      {results?.query.notices.includes('truncated') ? <p class="search__notice">{t('search.truncated', { max: MAX_QUERY_LENGTH })}</p> : null}
      {results?.query.notices.includes('tooManyTerms') ? <p class="search__notice">{t('search.tooManyTerms')}</p> : null}
      {!q.trim() ? (
        <p class="search__help">{t('search.empty')}</p>
      ) : onlyStopwords ? (
        <p class="search__help">{t('search.onlyStopwords')}</p>
      ) : results && results.total === 0 ? (
        <p class="search__none" role="status">{t('search.none', { q })}</p>
      ) : results ? (
        <>
          {/* The count stops at COUNT_LIMIT (search/backend.ts): past it, the page says "more than". */}
          <p class="search__count" role="status">
            {results.totalCapped ? t('search.countCapped', { count: results.total.toLocaleString('fr-FR'), q }) : t('search.count', { count: results.total, q })}
          </p>
          <ol class="search__results" start={(results.page - 1) * results.perPage + 1}>
            {results.items.map((item) => (
              <li class={`search-result search-result--${item.kind}`}>
                <p class="search-result__kind">
                  {t(`search.kind.${item.kind}`)}
                  {item.context ? <> {t('search.inArticle', { title: item.context })}</> : null}
                </p>
                <h2 class="search-result__title">
                  <a href={item.url}>{item.titleMarks.length ? item.titleMarks.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text)) : item.title}</a>
                </h2>
                {item.snippet.length ? (
                  <p class="search-result__snippet">{item.snippet.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</p>
                ) : null}
                {item.date ? (
                  <p class="search-result__date">
                    <time datetime={item.date}>{formatDate(item.date)}</time>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {pages > 1 ? (
            <nav class="pagination" aria-label={t('search.pagination')}>
              {results.page > 1 ? <a rel="prev" href={link(results.page - 1)}>{t('search.previous')}</a> : null}
              <span class="pagination__current">{t('search.page', { page: results.page, pages })}</span>
              {results.page < pages ? <a rel="next" href={link(results.page + 1)}>{t('search.next')}</a> : null}
            </nav>
          ) : null}
          {results.page >= MAX_PAGE && results.total > MAX_PAGE * results.perPage ? <p class="search__notice">{t('search.tooDeep', { max: MAX_PAGE })}</p> : null}
        </>
      ) : null}
    </section>
  );
};
