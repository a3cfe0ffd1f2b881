// Metadata of an article page for search engines and link previews: canonical link, OpenGraph, and
// JSON-LD `Article` (authors by name and page, never an email). The JSON is escaped so that no text of
// the article can close the script element.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { titleText } from './reader-title.tsx';

export interface ArticleMetaProps {
  url: string;
  siteName: string;
  title: string;
  description: string;
  publishedAt: string | null;
  updatedAt: string;
  authors: { name: string; url: string }[];
  section: string | undefined;
  keywords: string[];
  lang: string;
}

/** JSON for a <script> element: `<`, `>`, `&` and line separators as \u escapes, so it cannot end the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const ArticleMeta: FC<ArticleMetaProps> = (p) => {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: p.title,
    ...(p.description ? { description: p.description } : {}),
    url: p.url,
    mainEntityOfPage: p.url,
    ...(p.publishedAt ? { datePublished: p.publishedAt } : {}),
    dateModified: p.updatedAt,
    inLanguage: p.lang,
    ...(p.authors.length ? { author: p.authors.map((a) => ({ '@type': 'Person', name: a.name, url: a.url })) } : {}),
    publisher: { '@type': 'Organization', name: p.siteName },
    ...(p.section ? { articleSection: p.section } : {}),
    ...(p.keywords.length ? { keywords: p.keywords.join(', ') } : {}),
  };
  return (
    <>
      <link rel="canonical" href={p.url} />
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={p.siteName} />
      <meta property="og:title" content={p.title} />
      <meta property="og:url" content={p.url} />
      {p.description ? <meta property="og:description" content={p.description} /> : null}
      <meta property="og:locale" content={p.lang === 'en' ? 'en_GB' : 'fr_FR'} />
      {p.publishedAt ? <meta property="article:published_time" content={p.publishedAt} /> : null}
      <meta property="article:modified_time" content={p.updatedAt} />
      {p.section ? <meta property="article:section" content={p.section} /> : null}
      {p.keywords.map((k) => (
        <meta property="article:tag" content={k} />
      ))}
      <meta name="twitter:card" content="summary" />
      <script type="application/ld+json">{raw(scriptJson(jsonLd))}</script>
    </>
  );
};

/** The metadata of an article page from what the page already loaded. */
export function articleMetaFor(
  siteUrl: string,
  siteName: string,
  article: { slug: string; title: string; description: string; published_at: string | null; updated_at: string; lang: string; section_id: number },
  data: { authors: { name: string; slug: string }[]; keywords: { title: string }[] },
  sectionTitle: string | undefined,
) {
  return (
    <ArticleMeta
      url={`${siteUrl}/${article.slug}`}
      siteName={titleText(siteName)}
      title={titleText(article.title, { lang: article.lang })}
      description={titleText(article.description, { lang: article.lang })}
      publishedAt={article.published_at}
      updatedAt={article.updated_at}
      authors={data.authors.map((a) => ({ name: a.name, url: `${siteUrl}/auteur/${a.slug}` }))}
      section={sectionTitle === undefined ? undefined : titleText(sectionTitle)}
      keywords={data.keywords.map((k) => titleText(k.title))}
      lang={article.lang}
    />
  );
}
