// The public page frame: site name and tagline, search, sections menu, content, follow-us block.
import type { Child, FC } from 'hono/jsx';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import type { SiteSettings } from '../../settings/index.ts';
import type { Section } from '../../db/schema.ts';
import { assetUrl } from '../assets.ts';
import { Title, titleText } from './reader-title.tsx';

export interface LayoutProps {
  settings: SiteSettings;
  title: string;
  description?: string;
  topSections: Section[];
  lang?: Lang;
  /** Extra elements for <head> (canonical link, feeds, metadata). */
  head?: Child;
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ settings, title, description, topSections, lang = 'fr', head, children }) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title === settings.name ? titleText(title) : `${titleText(title)} — ${titleText(settings.name)}`}</title>
      {description ? <meta name="description" content={description} /> : null}
      <link rel="stylesheet" href={assetUrl('site.css')} />
      <link rel="stylesheet" href={assetUrl('print.css')} media="print" />
      <link rel="stylesheet" href={assetUrl('glossary.css')} />
      <script src={assetUrl('glossary.js')} defer></script>
      <link rel="alternate" type="application/rss+xml" title={`${settings.name} — RSS`} href="/rss.xml" />
      <link rel="alternate" type="application/atom+xml" title={`${settings.name} — Atom`} href="/atom.xml" />
      {head}
    </head>
    <body>
      <a class="skip-link" href="#contenu">{t('site.skipToContent', {}, lang)}</a>
      <header class="site-header">
        <div class="site-header__inner">
          <p class="site-name">
            <a href="/">
              <Title text={settings.name} />
            </a>
          </p>
          {settings.tagline ? (
            <p class="site-tagline">
              <Title text={settings.tagline} />
            </p>
          ) : null}
          <SearchForm lang={lang} />
        </div>
        {topSections.length > 0 ? (
          <nav class="site-nav" aria-label={t('site.mainNav', {}, lang)}>
            <ul>
              {topSections.map((s) => (
                <li>
                  <a href={`/rubrique/${s.slug}`}>
                    <Title text={s.title} />
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="contenu" class="site-main">
        {children}
      </main>
      <footer class="site-footer">
        <FollowUs settings={settings} lang={lang} />
        <ul class="site-footer__links">
          <li><a href="/plan">{t('site.sitemap', {}, lang)}</a></li>
          <li><a href="/glossaire">{t('site.glossary', {}, lang)}</a></li>
          <li><a href="/ecrire/">Espace privé</a></li>
        </ul>
        <p class="site-footer__credit">{t('site.poweredBy', {}, lang)}</p>
      </footer>
    </body>
  </html>
);

/** `name` tells this search landmark from the header's one, for screen readers (a page may hold two). */
export const SearchForm: FC<{ lang?: Lang; value?: string; id?: string; name?: string }> = ({ lang = 'fr', value = '', id = 'champ-recherche', name }) => (
  <form class="search-form" role="search" aria-label={name ?? t('site.searchSite', {}, lang)} action="/recherche" method="get">
    <label for={id} class="visually-hidden">
      {t('site.searchLabel', {}, lang)}
    </label>
    <input type="search" id={id} name="q" value={value} placeholder={t('site.searchPlaceholder', {}, lang)} maxlength={200} />
    <button type="submit">{t('site.search', {}, lang)}</button>
  </form>
);

/** The site's own feeds, offered whenever the settings do not list a feed already (an imported site has no links). */
function followLinksOf(settings: SiteSettings, lang: Lang): SiteSettings['followLinks'] {
  const links = settings.followLinks;
  if (links.some((link) => link.kind === 'rss' || link.kind === 'atom')) return links;
  return [...links, { label: t('site.feedRss', {}, lang), url: '/rss.xml', kind: 'rss' }, { label: t('site.feedAtom', {}, lang), url: '/atom.xml', kind: 'atom' }];
}

const FollowUs: FC<{ settings: SiteSettings; lang: Lang }> = ({ settings, lang }) => (
  <section class="follow-us" aria-labelledby="nous-suivre">
    <h2 id="nous-suivre">{t('site.followUs', {}, lang)}</h2>
    <ul>
      {followLinksOf(settings, lang).map((link) => (
        <li class={`follow-us__${link.kind}`}>
          <a href={link.url} rel={link.url.startsWith('/') ? undefined : 'me noopener'}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  </section>
);

export interface Crumb {
  label: string;
  href: string;
}

/** Every level is a link; the last one is the current page. */
export const Breadcrumb: FC<{ crumbs: Crumb[]; lang?: Lang }> = ({ crumbs, lang = 'fr' }) => (
  <nav class="breadcrumb" aria-label={t('site.breadcrumb', {}, lang)}>
    <ol>
      {crumbs.map((crumb, index) => (
        <li>
          <a href={crumb.href} aria-current={index === crumbs.length - 1 ? 'page' : undefined}>
            <Title text={crumb.label} />
          </a>
        </li>
      ))}
    </ol>
  </nav>
);
