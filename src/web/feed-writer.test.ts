// The forum's RSS writer: any text a commenter may type gives a well-formed feed that reads back as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xml2js, type Element as XmlElement } from 'xml-js';
import { renderRss } from './feed-writer.ts';

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
    items: hostile.map((text, k) => ({ title: text, link: `https://site.example/a#forum${k}`, descriptionHtml: `<p>${text}</p>`, creator: text, date: new Date('2024-01-02T03:04:05Z') })),
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
