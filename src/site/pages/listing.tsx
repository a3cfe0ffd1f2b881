// Keyword and author pages: who or what the page is about, its feeds, and the public articles.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { ArticleSummary } from '../../articles/index.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import { Breadcrumb, type Crumb } from './layout.tsx';
import { ArticleList } from './home.tsx';
import { Title } from './reader-title.tsx';

export interface ListingPageProps {
  crumbs: Crumb[];
  /** 'Mot-clé', 'Auteur'. */
  label: string;
  title: string;
  /** Rendered markup (keyword description, author biography). */
  presentationHtml: string;
  website?: string;
  listTitle: string;
  articles: ArticleSummary[];
  feeds?: { rss: string; atom: string };
}

export const ListingPage: FC<ListingPageProps> = ({ crumbs, label, title, presentationHtml, website, listTitle, articles, feeds }) => (
  <>
    <Breadcrumb crumbs={crumbs} />
    <p class="listing__label">{label}</p>
    <h1>
      <Title text={title} />
    </h1>
    {presentationHtml ? <div class="listing__presentation texte">{markupHtml(presentationHtml)}</div> : null}
    {website && /^https?:\/\//i.test(website) ? (
      <p class="listing__website">
        <a href={website} rel="noopener">{website}</a>
      </p>
    ) : null}
    {feeds ? (
      <p class="listing__feeds">
        {t('feed.follow')}
        <a href={feeds.rss} type="application/rss+xml">{t('feed.rss')}</a>, <a href={feeds.atom} type="application/atom+xml">{t('feed.atom')}</a>
      </p>
    ) : null}
    <section aria-labelledby="listing-articles">
      <h2 id="listing-articles">{listTitle}</h2>
      <ArticleList articles={articles} />
    </section>
  </>
);
