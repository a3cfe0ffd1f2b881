// Error pages: a 404 that helps (search box, way home) and short pages for other errors.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { SearchForm } from './layout.tsx';

export const NotFoundPage: FC = () => (
  <section class="error-page">
    <h1>{t('notFound.title')}</h1>
    <p>{t('notFound.text')}</p>
    <SearchForm id="recherche-404" />
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
