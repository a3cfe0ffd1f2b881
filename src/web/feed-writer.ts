// A small RSS 2.0 writer for the forum feeds. Written here rather than taken from the `feed` package: that one wraps
// titles in CDATA and (through xml-js) escapes only the first `]]>` of a text, so a commenter's title holding two of
// them closed the section and injected markup into the feed. Here every text is entity-escaped, never in CDATA, and
// characters XML 1.0 forbids are dropped, so any stored message gives a well-formed document.

export interface RssItem {
  title: string;
  link: string;
  /** HTML of the item (escaped here, as RSS readers expect). */
  descriptionHtml: string;
  /** Shown by name only, as dc:creator: RSS's own <author> is an email address, which a feed never shows. */
  creator: string;
  date: Date;
}

export interface RssChannel {
  title: string;
  link: string;
  description: string;
  language: string;
  /** This feed's own address (atom:link rel="self"). */
  self: string;
  updated: Date;
  items: RssItem[];
}

// Control characters other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF: not allowed in XML 1.0.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

export function renderRss(channel: RssChannel): string {
  const items = channel.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.link),
      `<guid isPermaLink="true">${xmlText(item.link)}</guid>`,
      element('pubDate', item.date.toUTCString()),
      element('dc:creator', item.creator),
      element('description', item.descriptionHtml),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    element('language', channel.language),
    element('lastBuildDate', channel.updated.toUTCString()),
    `<atom:link href="${xmlText(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
