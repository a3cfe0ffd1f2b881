// "Voir en ligne": the link from a back-office page to the public page of its object, shown only when that page
// answers (admin/public-pages.ts decides), so it never leads to a 404.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { Article } from '../../db/schema.ts';
import { articlePublicUrl } from '../public-pages.ts';

export const SeeOnline: FC<{ href: string; label?: string }> = ({ href, label }) => (
  <p class="see-online">
    <a href={href}>{label ?? t('admin.seeOnline')}</a>
  </p>
);

/** After an article's status line: " · Voir en ligne" while the article is public, nothing otherwise. */
export const SeeOnlineInline: FC<{ article: Pick<Article, 'slug' | 'status' | 'published_at'> }> = ({ article }) => {
  const href = articlePublicUrl(article);
  return href ? (
    <>
      {' · '}
      <a href={href}>{t('admin.seeOnline')}</a>
    </>
  ) : null;
};
