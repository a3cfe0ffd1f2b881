// A section page: breadcrumb, presentation, sub-sections and the section's articles.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { ArticleSummary } from '../../articles/index.ts';
import type { Section } from '../../db/schema.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import { Breadcrumb, type Crumb } from './layout.tsx';
import { ArticleList, SectionList } from './home.tsx';

export interface SectionPageProps {
  section: Section;
  crumbs: Crumb[];
  title: string;
  descriptionHtml: string;
  textHtml: string;
  /** Named apart from JSX's `children`: hono/jsx turns a one-item `children` array into the bare item. */
  subsections: Section[];
  articles: ArticleSummary[];
}

export const SectionPage: FC<SectionPageProps> = ({ crumbs, title, descriptionHtml, textHtml, subsections, articles }) => (
  <>
    <Breadcrumb crumbs={crumbs} />
    <h1>{markupHtml(title)}</h1>
    {descriptionHtml ? <div class="section__description">{markupHtml(descriptionHtml)}</div> : null}
    {textHtml ? <div class="section__text texte">{markupHtml(textHtml)}</div> : null}
    {subsections.length > 0 ? (
      <section aria-labelledby="sous-rubriques">
        <h2 id="sous-rubriques">{t('site.subsections')}</h2>
        <SectionList sections={subsections} />
      </section>
    ) : null}
    <section aria-labelledby="articles-rubrique">
      <h2 id="articles-rubrique">{t('site.sectionArticles')}</h2>
      <ArticleList articles={articles} />
    </section>
  </>
);
