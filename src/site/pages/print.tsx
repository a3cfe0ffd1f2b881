// The print version: the article alone, clean, with its footnotes and the address of every link printed.
import type { Child, FC } from 'hono/jsx';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import type { SiteSettings } from '../../settings/index.ts';
import type { ArticlePageData } from '../../articles/index.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { RenderedArticle } from '../../web/render-article.ts';
import { assetUrl } from '../assets.ts';
import { titleText } from './reader-title.tsx';

export interface PrintPageProps {
  settings: SiteSettings;
  data: ArticlePageData;
  rendered: RenderedArticle;
  canonicalUrl: string;
  breadcrumb: string[];
  /** Extra content after the notes (the glossary's definitions of the terms used). */
  appendix?: Child;
}

export const PrintPage: FC<PrintPageProps> = ({ settings, data, rendered, canonicalUrl, breadcrumb, appendix }) => (
  <html lang={data.article.lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{`${titleText(data.article.title, { lang: data.article.lang })} — ${t('print.title')} — ${titleText(settings.name)}`}</title>
      <link rel="canonical" href={canonicalUrl} />
      <link rel="stylesheet" href={assetUrl('print.css')} />
    </head>
    <body class="print">
      <main>
        <p class="print__site">
          {settings.name}
          {breadcrumb.length ? ` — ${breadcrumb.join(' > ')}` : ''}
        </p>
        <article>
          {rendered.surtitle ? <p class="article__surtitle">{markupHtml(rendered.surtitle)}</p> : null}
          <h1>{markupHtml(rendered.title)}</h1>
          {rendered.subtitle ? <p class="article__subtitle">{markupHtml(rendered.subtitle)}</p> : null}
          <p class="article__meta">
            {data.article.published_at ? `${t('article.publishedOn')} ${formatDate(data.article.published_at)}` : null}
            {data.authors.length ? `, par ${data.authors.map((a) => a.name).join(', ')}` : null}
          </p>
          {rendered.lead ? <div class="chapo">{markupHtml(rendered.lead)}</div> : null}
          <div class="texte">{markupHtml(rendered.text)}</div>
          {rendered.postscript ? <div class="ps">{markupHtml(rendered.postscript)}</div> : null}
          {rendered.notes ? (
            <section class="notes">
              <h2>{t('article.notes')}</h2>
              {markupHtml(rendered.notes)}
            </section>
          ) : null}
          {appendix}
        </article>
        <p class="print__source">{t('article.printedFrom', { url: canonicalUrl })}</p>
        <p class="print__back no-print">
          <a href={new URL(canonicalUrl).pathname}>{t('print.back')}</a>
        </p>
      </main>
    </body>
  </html>
);
