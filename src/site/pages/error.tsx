// Error pages: a 404 that helps (the pages whose title is close to the address asked for, a search box, the way
// home) and short pages for other errors.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { Breadcrumb, SearchForm } from './layout.tsx';
import { Title } from './reader-title.tsx';

export interface Suggestion {
  title: string;
  url: string;
}

export const NotFoundPage: FC<{ path: string; suggestions: Suggestion[] }> = ({ path, suggestions }) => (
  <section class="error-page">
    <Breadcrumb crumbs={[{ label: t('site.home'), href: '/' }, { label: t('notFound.title'), href: path }]} />
    <h1>{t('notFound.title')}</h1>
    {suggestions.length ? (
      <>
        <p>{t('notFound.suggestions')}</p>
        <ul class="error-page__suggestions">
          {suggestions.map((s) => (
            <li>
              <a href={s.url}>
                <Title text={s.title} />
              </a>
            </li>
          ))}
        </ul>
        <p>{t('notFound.orSearch')}</p>
      </>
    ) : (
      <p>{t('notFound.text')}</p>
    )}
    <SearchForm id="recherche-404" name={t('notFound.searchName')} />
    <p>
      <a href="/">{t('notFound.backHome')}</a>
    </p>
  </section>
);

export const ErrorPage: FC<{ title: string; message: string }> = ({ title, message }) => (
  <section class="error-page">
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/">{t('notFound.backHome')}</a>
    </p>
  </section>
);
