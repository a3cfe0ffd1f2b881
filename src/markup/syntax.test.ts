// The profiles as lists of parse constructs: the article profile has every construct, the forum the
// article's minus what commenters may not use, and a construct left out of a list is not read at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InlineNode } from './ast.ts';
import { parseBlocks } from './blocks.ts';
import type { ConstructName, Syntax } from './construct.ts';
import { constructNames } from './constructs/index.ts';
import { parseInline, type ParseContextWithBlocks } from './inline.ts';
import { parse, propre } from './index.ts';
import { PROFILES } from './profiles.ts';
import { scan } from './scan.ts';
import { compileSyntax } from './syntax.ts';

/** For each construct the forum leaves out: a text using it, what the article makes of it, and the forum's HTML. */
const LEFT_OUT_OF_FORUM: Record<string, [input: string, article: RegExp, forum: string]> = {
  heading: ['{{{Titre}}}', /^<h2 /, '<p><strong><i>Titre</i></strong></p>'],
  list: ['-* un', /^<ul /, '<p>-* un</p>'],
  table: ['| a | b |', /^<table /, '<p>| a | b |</p>'],
  rule: ['----', /^<hr /, '<p>----</p>'],
  puce: ['- un', /spip-puce/, '<p>- un</p>'],
  cadre: ['<cadre>x</cadre>', /^<textarea /, '<p>&lt;cadre&gt;x&lt;/cadre&gt;</p>'],
  math: ['<math>$x$</math>', /spip_code/, '<p>&lt;math&gt;$x$&lt;/math&gt;</p>'],
  rawHtml: ['<html><b>x</b></html>', /^<p><b>x<\/b><\/p>$/, '<p>&lt;html&gt;&lt;b&gt;x&lt;/b&gt;&lt;/html&gt;</p>'],
  poetry: ['<poesie>vers</poesie>', /spip_poesie/, '<p>&lt;poesie&gt;vers&lt;/poesie&gt;</p>'],
  blockModel: ['<doc5>', /^<tt /, '<p>&lt;doc5&gt;</p>'],
  internalLink: ['[->art12]', /spip_lien_invalide/, '<p>[-&gt;art12]</p>'],
  anchor: ['[ici<-]', /<a id="ici">/, '<p>[ici&lt;-]</p>'],
  wikiLink: ['[?Paris]', /wikipedia\.org/, '<p>[?Paris]</p>'],
  glossaryOptOut: ['[!glossaire] a', /^<p> a<\/p>$/, '<p>[!glossaire] a</p>'],
};

test('the article profile lists every parse construct once; the forum is the article minus what it forbids', () => {
  const all = constructNames();
  assert.equal(new Set(all).size, all.length, 'construct names are unique');
  assert.deepEqual([...PROFILES.article.constructs].sort(), [...all].sort());
  const forum = new Set(PROFILES.forum.constructs);
  const leftOut = PROFILES.article.constructs.filter((c) => !forum.has(c));
  assert.deepEqual(leftOut.sort(), Object.keys(LEFT_OUT_OF_FORUM).sort());
  for (const kept of ['htmlTag', 'code', 'quote', 'footnote', 'emphasis', 'link', 'autolink', 'manualBreak'] as const) assert.ok(forum.has(kept), kept);
});

test('what the forum leaves out is not read in a forum message: it shows as typed', () => {
  for (const [name, [input, article, forum]] of Object.entries(LEFT_OUT_OF_FORUM)) {
    assert.match(propre(input, { profile: 'article' }).html, article, `article reads ${name}`);
    assert.equal(propre(input, { profile: 'forum' }).html, forum, `forum leaves ${name} as text`);
  }
  assert.equal(parse('[!glossaire] a', { profile: 'article' }).glossaryOptOut, true);
  assert.equal(parse('[!glossaire] a', { profile: 'forum' }).glossaryOptOut, false);
});

function inlineWith(syntax: Syntax, text: string): InlineNode[] {
  const scanned = scan(text, 'fr', syntax.scan);
  const ctx: ParseContextWithBlocks = { islands: scanned.islands, syntax, lang: 'fr', references: [], referenceKeys: new Set(), glossaryOptOut: false, notes: [], depth: 0, parseBlocks };
  return parseInline(scanned.root, 0, scanned.root.text.length, ctx);
}

test('a construct removed from a list of constructs is not recognised', () => {
  const all = PROFILES.article.constructs;
  const without = (name: ConstructName) => compileSyntax(all.filter((c) => c !== name));
  // scanner: no footnote island without `footnote`
  assert.equal(scan('a[[note]] b', 'fr', compileSyntax(all).scan).islands.length, 1);
  assert.equal(scan('a[[note]] b', 'fr', without('footnote').scan).islands.length, 0);
  // inline: `{{…}}` stays text without `emphasis`, an entity without `entity`
  assert.equal(inlineWith(compileSyntax(all), '{{g}}')[0]?.type, 'strong');
  assert.deepEqual(inlineWith(without('emphasis'), '{{g}}').map((n) => n.type === 'text' && n.value), ['{{g}}']);
  assert.deepEqual(inlineWith(without('entity'), 'a &eacute;').map((n) => n.type === 'text' && n.value), ['a &eacute;']);
  // a link's variants: `[->art12]` is a link only with `internalLink`
  assert.equal(inlineWith(compileSyntax(all), '[->art12]')[0]?.type, 'link');
  assert.equal(inlineWith(without('internalLink'), '[->art12]')[0]?.type, 'text');
  // a start tag whose construct is left out is raw HTML
  const cadre = scan('<cadre>x</cadre>', 'fr', without('cadre').scan).islands;
  assert.deepEqual(cadre.map((i) => i.kind), ['tag', 'tag']);
});
