// The feed writer: any text a commenter may type gives a well-formed feed that reads back as typed, in RSS and
// Atom; an item without author writes no empty dc:creator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xml2js, type Element as XmlElement } from 'xml-js';
import { renderAtom, renderRss, type Feed } from './feed-writer.ts';

function itemTexts(xml: string): Record<string, string>[] {
  const doc = xml2js(xml, { compact: false }) as XmlElement;
  const channel = doc.elements?.[0]?.elements?.find((e) => e.name === 'channel');
  return (channel?.elements ?? [])
    .filter((e) => e.name === 'item')
    .map((item) => Object.fromEntries((item.elements ?? []).map((e) => [e.name!, (e.elements ?? []).map((n) => String(n.text ?? n.cdata ?? '')).join('')])));
}

test('titles, names and HTML that try to close a CDATA section or hold forbidden characters stay text in a well-formed feed', () => {
  const hostile = ['a ]]> b ]]> <script>alert(1)</script>', '</title></item><item><title>injecté', 'ctrl \u0001\u0008\u000b\ufffe fin', 'demi \ud800 surrogate', 'emoji 😀 & « guillemets »'];
  const xml = renderRss({
    title: 'Forum ]]> <b>',
    link: 'https://site.example/a#forum',
    description: '',
    language: 'fr',
    self: 'https://site.example/forum/rss.xml?x=1&y=2',
    updated: new Date('2024-01-02T03:04:05Z'),
    items: hostile.map((text, k) => ({ title: text, link: `https://site.example/a#forum${k}`, html: `<p>${text}</p>`, authors: [text], published: new Date('2024-01-02T03:04:05Z') })),
  });
  const items = itemTexts(xml);
  assert.equal(items.length, hostile.length, 'no item injected');
  const clean = (s: string) => s.replace(/[\u0001\u0008\u000b\ufffe]/g, '').replace(/\ud800(?![\udc00-\udfff])/g, '');
  for (const [k, text] of hostile.entries()) {
    assert.equal(items[k]!.title, clean(text));
    assert.equal(items[k]!['dc:creator'], clean(text));
    assert.equal(items[k]!.description, `<p>${clean(text)}</p>`);
    assert.equal(items[k]!.pubDate, 'Tue, 02 Jan 2024 03:04:05 GMT');
  }
  assert.doesNotMatch(xml, /CDATA/);
});

const plainFeed = (authors: string[][]): Feed => ({
  title: 'Le Labo',
  description: '',
  link: 'https://site.example/',
  self: 'https://site.example/rss.xml',
  language: 'fr',
  items: authors.map((names, k) => ({ title: `Article ${k}`, link: `https://site.example/a${k}`, html: '<p>x</p>', authors: names, published: new Date('2024-01-02T03:04:05Z') })),
});

test('RSS writes one dc:creator per author and none for an article without author, never an empty one', () => {
  const xml = renderRss(plainFeed([[], ['Anne', 'Basile'], ['']]));
  assert.doesNotMatch(xml, /<dc:creator><\/dc:creator>/);
  const items = xml.split('<item>').slice(1);
  assert.equal(items[0]!.match(/<dc:creator>/g), null);
  assert.deepEqual(items[1]!.match(/<dc:creator>[^<]*<\/dc:creator>/g), ['<dc:creator>Anne</dc:creator>', '<dc:creator>Basile</dc:creator>']);
  assert.equal(items[2]!.match(/<dc:creator>/g), null);
});

test('Atom gives every entry an author: its own, or the feed\'s title when it has none', () => {
  const xml = renderAtom(plainFeed([[], ['Anne']]));
  const entries = xml.split('<entry>').slice(1);
  assert.match(entries[0]!, /<author><name>Le Labo<\/name><\/author>/);
  assert.match(entries[1]!, /<author><name>Anne<\/name><\/author>/);
  assert.match(xml, /<updated>2024-01-02T03:04:05.000Z<\/updated>/);
});
