// The home page: the site's presentation, its latest articles, its sections.
import type { FC } from 'hono/jsx';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import type { ArticleSummary } from '../../articles/index.ts';
import type { SiteSettings } from '../../settings/index.ts';
import type { Section } from '../../db/schema.ts';
import { Title } from './reader-title.tsx';

export const ArticleList: FC<{ articles: ArticleSummary[] }> = ({ articles }) =>
  articles.length === 0 ? (
    <p>{t('site.noArticles')}</p>
  ) : (
    <ul class="article-list">
      {articles.map((a) => (
        <li class="article-list__item">
          {a.surtitle ? (
            <p class="article-list__surtitle">
              <Title text={a.surtitle} />
            </p>
          ) : null}
          <h3 class="article-list__title">
            <a href={`/${a.slug}`}>
              <Title text={a.title} />
            </a>
          </h3>
          {a.published_at ? <p class="article-list__date"><time datetime={a.published_at}>{formatDate(a.published_at)}</time></p> : null}
          {a.description ? <p class="article-list__description">{a.description}</p> : null}
        </li>
      ))}
    </ul>
  );

export const SectionList: FC<{ sections: Section[] }> = ({ sections }) => (
  <ul class="section-list">
    {sections.map((s) => (
      <li>
        <a href={`/rubrique/${s.slug}`}>
          <Title text={s.title} />
        </a>
      </li>
    ))}
  </ul>
);

export const HomePage: FC<{ settings: SiteSettings; latest: ArticleSummary[]; sections: Section[] }> = ({ settings, latest, sections }) => (
  <>
    <h1 class="visually-hidden">
      <Title text={settings.name} />
    </h1>
    {settings.description ? <p class="home__intro">{settings.description}</p> : null}
    <section aria-labelledby="derniers-articles">
      <h2 id="derniers-articles">{t('site.latestArticles')}</h2>
      <ArticleList articles={latest} />
    </section>
    {sections.length > 0 ? (
      <section aria-labelledby="rubriques">
        <h2 id="rubriques">{t('site.mainNav')}</h2>
        <SectionList sections={sections} />
      </section>
    ) : null}
  </>
);
