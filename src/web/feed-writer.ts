// The site's one feed writer: a feed (articles of the site, a section or a keyword; forum messages) written as
// RSS 2.0 or Atom 1.0 from the same description. Written here rather than taken from the `feed` package: that
// one wraps titles in CDATA and (through xml-js) escapes only the first `]]>` of a text, so a commenter's title
// holding two of them closed the section and injected markup into the feed (decision 005). Here every text is
// entity-escaped, never in CDATA, and characters XML 1.0 forbids are dropped, so any stored text gives a
// well-formed document. Authors appear by name only, never by email.

export interface FeedItem {
  title: string;
  /** The item's page; also its id. */
  link: string;
  /** HTML of the item (escaped here, as feed readers expect). */
  html: string;
  /** Names only. RSS writes one dc:creator each (none when empty); Atom, which requires one, the feed's title. */
  authors: string[];
  published: Date;
  /** Defaults to `published`. */
  updated?: Date;
}

export interface Feed {
  title: string;
  description: string;
  /** The page the feed follows. */
  link: string;
  /** This feed's own address (RSS's atom:link rel="self", Atom's self link and id). */
  self: string;
  language: string;
  /** When the feed last changed; defaults to the newest item's date. */
  updated?: Date;
  items: FeedItem[];
}

export type FeedFormat = 'rss' | 'atom';

export const feedContentType: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export function renderFeed(feed: Feed, format: FeedFormat): string {
  return format === 'rss' ? renderRss(feed) : renderAtom(feed);
}

// Control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF: not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const element = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlText(text)}</${name}>`;

function lastChange(feed: Feed): Date {
  if (feed.updated) return feed.updated;
  let newest = new Date(0);
  for (const item of feed.items) {
    const date = item.updated ?? item.published;
    if (date > newest) newest = date;
  }
  return newest;
}

export function renderRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.link),
      `<guid isPermaLink="true">${xmlText(item.link)}</guid>`,
      element('pubDate', item.published.toUTCString()),
      ...item.authors.filter((name) => name.trim() !== '').map((name) => element('dc:creator', name)),
      element('description', item.html),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.link),
    element('description', feed.description || feed.title),
    element('language', feed.language),
    element('lastBuildDate', lastChange(feed).toUTCString()),
    `<atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function renderAtom(feed: Feed): string {
  const entries = feed.items.map((item) => {
    const authors = item.authors.filter((name) => name.trim() !== '');
    return [
      '<entry>',
      element('title', item.title),
      `<link rel="alternate" type="text/html" href="${xmlText(item.link)}"/>`,
      element('id', item.link),
      element('published', item.published.toISOString()),
      element('updated', (item.updated && item.updated > item.published ? item.updated : item.published).toISOString()),
      // Atom requires an author; the feed's title (the site) stands in when the item has none.
      ...(authors.length ? authors : [feed.title]).map((name) => `<author>${element('name', name)}</author>`),
      element('content', item.html, ' type="html"'),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    element('title', feed.title),
    ...(feed.description ? [element('subtitle', feed.description)] : []),
    `<link rel="alternate" type="text/html" href="${xmlText(feed.link)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    element('id', feed.self),
    element('updated', lastChange(feed).toISOString()),
    element('generator', 'Tisse'),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
