// Metadata of a public page for search engines and link previews: canonical link, OpenGraph and JSON-LD, on
// the home page, sections, articles, keyword and author pages. Titles as text (typoText), never an email; the
// JSON-LD is written by the themes' json_script filter, so that no text can close its script element.
import { typoText } from '../markup/index.ts';
import { currentLang } from '../kernel/i18n/index.ts';
import { documentUrl } from '../web/markup-resolver.ts';
import type { ArticlePageData } from '../articles/index.ts';
import type { SiteSettings } from '../settings/index.ts';

export interface PageMeta {
  url: string;
  type: 'website' | 'article' | 'profile';
  site_name: string;
  title: string;
  description: string | null;
  image: string | null;
  locale: string;
  published_time: string | null;
  modified_time: string | null;
  section: string | null;
  tags: string[];
  json_ld: Record<string, unknown>;
  /** The page in other languages, itself included (hreflang links); empty on a page in one language. */
  alternates: { hreflang: string; url: string }[];
}

/** OpenGraph's locale of a language tag: a region of its own ('pt-BR' → 'pt_BR'), else the usual one of the language. */
const locale = (lang: string) => (lang.includes('-') ? lang.replace('-', '_') : lang === 'en' ? 'en_GB' : lang === 'fr' ? 'fr_FR' : lang);

/** The first image among an article's documents, as an absolute URL: its preview picture. */
export function firstImageUrl(siteUrl: string, documents: { media: string; mime_type: string; file: string }[]): string | null {
  const image = documents.find((d) => d.media === 'image' && d.mime_type !== 'image/svg+xml');
  return image ? `${siteUrl}${documentUrl(image.file)}` : null;
}

/** The site's logo as an absolute URL: the preview picture of a page that has none of its own. */
function logoUrl(siteUrl: string, settings: Pick<SiteSettings, 'logo'>): string | null {
  return settings.logo ? `${siteUrl}${documentUrl(settings.logo.file)}` : null;
}

type SiteOf = Pick<SiteSettings, 'name' | 'logo'>;

export function articleMeta(siteUrl: string, settings: SiteOf, data: ArticlePageData, sectionTitle: string | undefined): PageMeta {
  const { article } = data;
  const siteName = settings.name;
  const url = `${siteUrl}/${article.slug}`;
  const title = typoText(article.title, { lang: article.lang });
  const description = typoText(article.description, { lang: article.lang });
  const section = sectionTitle === undefined ? null : typoText(sectionTitle);
  const keywords = data.keywords.map((k) => typoText(k.title));
  const image = firstImageUrl(siteUrl, data.documents) ?? logoUrl(siteUrl, settings);
  return {
    url,
    type: 'article',
    site_name: typoText(siteName),
    title,
    description: description || null,
    image,
    locale: locale(article.lang),
    published_time: article.published_at,
    modified_time: article.updated_at,
    section,
    tags: keywords,
    alternates: [],
    json_ld: {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: title,
      ...(description ? { description } : {}),
      url,
      mainEntityOfPage: url,
      ...(image ? { image } : {}),
      ...(article.published_at ? { datePublished: article.published_at } : {}),
      dateModified: article.updated_at,
      inLanguage: article.lang,
      ...(data.authors.length ? { author: data.authors.map((a) => ({ '@type': 'Person', name: a.name, url: `${siteUrl}/auteur/${a.slug}` })) } : {}),
      publisher: { '@type': 'Organization', name: typoText(siteName) },
      ...(section ? { articleSection: section } : {}),
      ...(keywords.length ? { keywords: keywords.join(', ') } : {}),
    },
  };
}

/**
 * A page that is not an article: the home page (`WebSite`), a section, a keyword, the archive or a glossary term
 * (`CollectionPage`), an author
 * (`ProfilePage` about a `Person`).
 */
export function pageMeta(
  siteUrl: string,
  settings: SiteOf,
  page: { path: string; kind: 'home' | 'section' | 'keyword' | 'author' | 'archive' | 'glossary'; title: string; description: string },
): PageMeta {
  const siteName = settings.name;
  const url = `${siteUrl}${page.path}`;
  const title = typoText(page.title);
  const description = typoText(page.description).slice(0, 300);
  const site = { '@type': 'WebSite', name: typoText(siteName), url: `${siteUrl}/` };
  const jsonLd =
    page.kind === 'home'
      ? { '@context': 'https://schema.org', ...site, ...(description ? { description } : {}) }
      : page.kind === 'author'
        ? { '@context': 'https://schema.org', '@type': 'ProfilePage', url, mainEntity: { '@type': 'Person', name: title, url }, isPartOf: site }
        : { '@context': 'https://schema.org', '@type': 'CollectionPage', name: title, url, ...(description ? { description } : {}), isPartOf: site };
  return {
    url,
    type: page.kind === 'author' ? 'profile' : 'website',
    site_name: typoText(siteName),
    title,
    description: description || null,
    image: logoUrl(siteUrl, settings),
    locale: locale(currentLang()),
    published_time: null,
    modified_time: null,
    section: null,
    tags: [],
    json_ld: jsonLd,
    alternates: [],
  };
}
