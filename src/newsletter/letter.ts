// A letter as it leaves: HTML laid out for mail clients by MJML (tables and inline styles, the site's theme
// colours and logo, every address absolute) and its plain-text part. Made once per issue when its send starts;
// each recipient's copy differs only by its unsubscribe address, put where UNSUBSCRIBE_MARKER stands.
// No tracking: no pixel, no rewritten link; the links are the articles' own addresses.
import mjml2html from 'mjml';
import type { Db } from '../db/connect.ts';
import type { NewsletterList } from '../db/schema.ts';
import { loadArticleCovers, loadArticlesByIds, isPublic } from '../articles/index.ts';
import { documentPath } from '../documents/index.ts';
import { parse, propreText, render, typoText } from '../markup/index.ts';
import { t, type Lang } from '../kernel/i18n/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { letterResolver } from './letter-resolver.ts';
import { mjml, trustedMjml } from './mjml-source.ts';

/** Stands for the recipient's own unsubscribe address in a letter's HTML and text (deliver-batch.ts fills it). */
export const UNSUBSCRIBE_MARKER = '%%TISSE_UNSUBSCRIBE_URL%%';

/** The default theme's colours, used while the site has not set its own (Réglages → Apparence). */
const DEFAULT_ACCENT = '#0f5e56';
const DEFAULT_HEADING = '#1b2a2f';

export interface LetterContent {
  subject: string;
  /** SPIP markup, rendered by the article profile. */
  body: string;
  /** Articles shown after the body, in this order, with their lead and image (unpublished ones are left out). */
  articleIds: number[];
}

export interface RenderedLetter {
  html: string;
  text: string;
}

interface LetterArticle {
  title: string;
  url: string;
  lead: string;
  image: { url: string; alt: string } | null;
}

const colour = (value: unknown, fallback: string) => (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback);

/** A lead as a short plain excerpt, cut at a word. */
function excerpt(spip: string, max = 300): string {
  const text = propreText(spip).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

async function letterArticles(db: Db, siteUrl: string, ids: number[]): Promise<LetterArticle[]> {
  const rows = (await loadArticlesByIds(db, ids)).filter((a) => isPublic(a));
  const covers = await loadArticleCovers(db, rows.map((a) => a.id));
  const byId = new Map(rows.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const cover = covers.get(a.id);
    return [{
      title: typoText(a.title),
      url: `${siteUrl}/${a.slug}`,
      lead: excerpt(a.lead || a.description || a.text),
      image: cover ? { url: siteUrl + documentPath(cover.file), alt: cover.alt || '' } : null,
    }];
  });
}

export async function renderLetter(db: Db, siteUrl: string, list: Pick<NewsletterList, 'name'>, content: LetterContent): Promise<RenderedLetter> {
  const settings = await loadSiteSettings(db);
  const lang: Lang = settings.lang;
  const accent = colour(settings.themeSettings.accent_color, DEFAULT_ACCENT);
  const heading = colour(settings.themeSettings.heading_color, DEFAULT_HEADING);
  const doc = parse(content.body, { lang, profile: 'article' });
  const bodyHtml = content.body.trim() ? render(doc, { profile: 'article', lang, resolve: await letterResolver(db, siteUrl, doc.references) }).html : '';
  const articles = await letterArticles(db, siteUrl, content.articleIds);
  const siteName = typoText(settings.name);
  const why = t('newsletter.letter.why', { list: list.name, site: siteName }, lang);
  const unsubscribe = t('newsletter.letter.unsubscribe', {}, lang);
  const logo = settings.logo ? siteUrl + documentPath(settings.logo.file) : null;

  const source = mjml`<mjml lang="${lang}">
<mj-head>
<mj-title>${content.subject}</mj-title>
<mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="16px" line-height="1.55" color="#1f2a2e" /></mj-attributes>
<mj-style>a { color: ${accent}; } h2, h3 { color: ${heading}; }</mj-style>
</mj-head>
<mj-body background-color="#f3f5f4" width="600px">
<mj-section background-color="${accent}" padding="16px 24px">
<mj-column>
${logo ? mjml`<mj-image src="${logo}" alt="${siteName}" width="160px" align="left" padding="0 0 8px" />` : ''}
<mj-text color="#ffffff" font-size="20px" font-weight="700" padding="0"><a href="${siteUrl}/" style="color:#ffffff;text-decoration:none">${siteName}</a></mj-text>
</mj-column>
</mj-section>
<mj-section background-color="#ffffff" padding="24px 24px 8px">
<mj-column>
<mj-text font-size="24px" font-weight="700" color="${heading}" padding="0 0 12px">${content.subject}</mj-text>
${bodyHtml ? mjml`<mj-text padding="0">${trustedMjml(bodyHtml)}</mj-text>` : ''}
</mj-column>
</mj-section>
${articles.map(
  (a) => mjml`<mj-section background-color="#ffffff" padding="8px 24px 16px">
<mj-column>
${a.image ? mjml`<mj-image src="${a.image.url}" alt="${a.image.alt}" href="${a.url}" padding="0 0 10px" />` : ''}
<mj-text font-size="19px" font-weight="700" padding="0 0 6px"><a href="${a.url}" style="color:${heading};text-decoration:none">${a.title}</a></mj-text>
<mj-text padding="0 0 6px">${a.lead}</mj-text>
<mj-text padding="0"><a href="${a.url}">${t('newsletter.letter.readMore', {}, lang)}</a></mj-text>
</mj-column>
</mj-section>`,
)}
<mj-section padding="16px 24px">
<mj-column>
<mj-text font-size="13px" color="#4f5b5f">${why} <a href="${UNSUBSCRIBE_MARKER}">${unsubscribe}</a></mj-text>
</mj-column>
</mj-section>
</mj-body>
</mjml>`;
  const { html } = await mjml2html(source.source, { validationLevel: 'soft', keepComments: false });

  const text = [
    content.subject,
    '',
    bodyHtml ? propreText(content.body, { lang }) : '',
    ...articles.flatMap((a) => ['', `— ${a.title}`, a.lead, a.url]),
    '',
    '--',
    why,
    `${unsubscribe} : ${UNSUBSCRIBE_MARKER}`,
    '',
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return { html, text };
}
