// RSS 2.0 and Atom 1.0 feeds of public articles (the site, a section, a keyword). Every text is
// entity-escaped (never CDATA: see web/feed-writer.ts), authors appear by name only, never by email.
// With the full-text option an item carries the article's rendered HTML; otherwise its summary.
import { renderRss, xmlText } from '../web/feed-writer.ts';
import type { FeedArticle } from '../search/index.ts';

export interface FeedEntry {
  article: FeedArticle;
  /** HTML of the item: the summary, or the whole article with the full-text option. */
  html: string;
  authors: string[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  siteUrl: string;
  language: string;
  entries: FeedEntry[];
}

const latest = (channel: FeedChannel) =>
  channel.entries.reduce((max, e) => (e.article.updated_at > max ? e.article.updated_at : max), channel.entries[0]?.article.published_at ?? '1970-01-01T00:00:00.000Z');

export function rss(channel: FeedChannel): string {
  return renderRss({
    title: channel.title,
    link: channel.link,
    description: channel.description || channel.title,
    language: channel.language,
    self: channel.self,
    updated: new Date(latest(channel)),
    items: channel.entries.map((e) => ({
      title: e.article.title,
      link: `${channel.siteUrl}/${e.article.slug}`,
      descriptionHtml: e.html,
      creator: e.authors.join(', '),
      date: new Date(e.article.published_at!),
    })),
  });
}

export function atom(channel: FeedChannel): string {
  const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlText(text)}</${name}>`;
  const entries = channel.entries.map((e) => {
    const link = `${channel.siteUrl}/${e.article.slug}`;
    return [
      '<entry>',
      el('title', e.article.title),
      `<link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      el('id', link),
      el('published', e.article.published_at!),
      el('updated', e.article.updated_at > e.article.published_at! ? e.article.updated_at : e.article.published_at!),
      // Atom requires an author; the site stands in when the article has none.
      ...(e.authors.length ? e.authors : [channel.title]).map((name) => `<author>${el('name', name)}</author>`),
      el('content', e.html, ' type="html"'),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(channel.language)}">`,
    el('title', channel.title),
    ...(channel.description ? [el('subtitle', channel.description)] : []),
    `<link rel="alternate" type="text/html" href="${xmlText(channel.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(channel.self)}"/>`,
    el('id', channel.self),
    el('updated', latest(channel)),
    el('generator', 'Tisse'),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
