// The article page: breadcrumb, titles, date, print and forum links, body with footnotes, keywords,
// documents, the forum, related articles.
import type { FC } from 'hono/jsx';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import type { ArticlePageData } from '../../articles/index.ts';
import type { ForumMode } from '../../db/schema.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { RenderedArticle } from '../../web/render-article.ts';
import { Breadcrumb, type Crumb } from './layout.tsx';
import { ForumBlock, type ForumBlockProps } from './forum-block.tsx';
import { documentUrl } from '../../web/markup-resolver.ts';
import { Title } from './reader-title.tsx';

export interface ArticlePageProps {
  data: ArticlePageData;
  rendered: RenderedArticle;
  crumbs: Crumb[];
  forumMode: ForumMode;
  forum: ForumBlockProps;
}

export const ArticlePage: FC<ArticlePageProps> = ({ data, rendered, crumbs, forumMode, forum }) => {
  const { article, authors, keywords, related, documents, publishedMessageCount } = data;
  const attachments = documents.filter((d) => d.mode === 'document');
  return (
    <>
      <Breadcrumb crumbs={crumbs} />
      <article class="article" lang={article.lang}>
        <header class="article__header">
          {rendered.surtitle ? <p class="article__surtitle">{markupHtml(rendered.surtitle)}</p> : null}
          <h1 class="article__title">{markupHtml(rendered.title)}</h1>
          {rendered.subtitle ? <p class="article__subtitle">{markupHtml(rendered.subtitle)}</p> : null}
          <p class="article__meta">
            <a class="article__print" href={`/imprimer/${article.slug}`}>
              {t('article.print')}
            </a>
            {forumMode !== 'non' || publishedMessageCount > 0 ? (
              <a class="article__forum" href="#forum">
                {t('article.forum')}
                {publishedMessageCount > 0 ? <span class="article__forum-count"> ({publishedMessageCount})</span> : null}
              </a>
            ) : null}
            {article.published_at ? (
              <span class="article__date">
                {t('article.publishedOn')}{' '}
                <time datetime={article.published_at}>{formatDate(article.published_at)}</time>
              </span>
            ) : null}
            {authors.length > 0 ? (
              <span class="article__authors">
                {' '}par{' '}
                {authors.map((a, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`/auteur/${a.slug}`}>{a.name}</a>
                  </>
                ))}
              </span>
            ) : null}
          </p>
        </header>
        {rendered.lead ? <div class="article__lead chapo">{markupHtml(rendered.lead)}</div> : null}
        <div class="article__text texte">{markupHtml(rendered.text)}</div>
        {rendered.postscript ? <div class="article__ps ps">{markupHtml(rendered.postscript)}</div> : null}
        {article.link_url ? (
          <p class="article__link">
            {t('article.seeOnline')} : <a href={article.link_url}>{article.link_title || article.link_url}</a>
          </p>
        ) : null}
        {rendered.notes ? (
          <section class="article__notes notes" aria-labelledby="notes-titre">
            <h2 id="notes-titre" class="visually-hidden">{t('article.notes')}</h2>
            {markupHtml(rendered.notes)}
          </section>
        ) : null}
        {attachments.length > 0 ? (
          <section class="article__documents" aria-labelledby="documents-titre">
            <h2 id="documents-titre">{t('article.documents')}</h2>
            <ul>
              {attachments.map((d) => (
                <li>
                  <a href={documentUrl(d.file)}>{d.title || d.original_name}</a>{' '}
                  <span class="document__info">({d.extension.toUpperCase()}, {formatSize(d.size)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {keywords.length > 0 ? (
          <section class="article__keywords" aria-labelledby="mots-titre">
            <h2 id="mots-titre">{t('article.keywords')}</h2>
            <ul>
              {keywords.map((k) => (
                <li>
                  <a href={`/mot/${k.slug}`}>
                    <Title text={k.title} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
      <ForumBlock {...forum} />
      {related.length > 0 ? (
        <aside class="related" aria-labelledby="articles-lies">
          <h2 id="articles-lies">{t('article.related')}</h2>
          <ul>
            {related.map((r) => (
              <li>
                <a href={`/${r.slug}`}>
                  <Title text={r.title} />
                </a>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </>
  );
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}
