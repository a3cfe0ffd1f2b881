// Behaviour of the engine beyond SPIP's fixtures: the API shapes other modules rely on, profiles,
// the resolver, footnotes, references, the glossary opt-out, the walker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { executableParts } from '../../test/helpers/markup-conformance.ts';
import { parse, placedDocuments, propre, render, transformText, typo, visit, isInside, type DocumentTarget, type ImagePlacement, type Resolver } from './index.ts';

const resolve: Resolver = {
  link: (type, id) => (type === 'article' && id === 12 ? { url: '/article/12', title: 'Mon article' } : undefined),
  document: (id) => (id === 5 ? { url: '/IMG/photo.jpg', title: 'Photo', mime: 'image/jpeg', size: 1000, width: 640, height: 480 } : undefined),
};

test('paragraphs, bold, italic, links', () => {
  assert.equal(propre('Du {{gras}} et de l\'{italique}.').html, '<p>Du <strong>gras</strong> et de l’<i>italique</i>.</p>');
  assert.equal(propre('p1\n\np2').html, '<p>p1</p>\n<p>p2</p>');
  assert.equal(propre('[lien->https://example.org]').html, '<p><a href="https://example.org" class="spip_out" rel="external">lien</a></p>');
  assert.equal(propre('a < b & c').html, '<p>a &lt; b &amp; c</p>');
});

test('references are collected at parse time, resolved at render time', () => {
  const doc = parse('[->art12] [texte->rub3] <doc5|left> [->art12] <img7>');
  assert.deepEqual(doc.references, [
    { type: 'article', id: 12 },
    { type: 'section', id: 3 },
    { type: 'document', id: 5 },
    { type: 'document', id: 7 },
  ]);
  const out = render(doc, { profile: 'article', resolve });
  assert.match(out.html, /<a href="\/article\/12" class="spip_in">Mon article<\/a>/);
  assert.match(out.html, /<span class="spip_lien_invalide">texte<\/span>/);
  assert.match(out.html, /<img src="\/IMG\/photo.jpg"/);
  assert.deepEqual(out.brokenLinks, [{ type: 'section', id: 3 }, { type: 'document', id: 7 }]);
});

// Issue 18: the alternative text written for an image is the one the resolver gives (entered for the document),
// '' for a decorative image; the title is only the fallback of a resolver that knows no alt.
test('an image’s alt is the alternative text given for it, empty when decorative, never the caption’s title then', () => {
  const photo = (extra: Partial<DocumentTarget>): Resolver => ({ link: () => undefined, document: () => ({ url: '/documents/jpg/maison.jpg', title: 'La Maison', mime: 'image/jpeg', size: 1000, width: 1200, height: 800, ...extra }) });
  const html = (text: string, extra: Partial<DocumentTarget>) => propre(text, { resolve: photo(extra) }).html;
  assert.match(html('<img5>', { alt: 'Façade de la Maison de l’ESS' }), /<img src="\/documents\/jpg\/maison.jpg" alt="Façade de la Maison de l’ESS" width="1200" height="800"/);
  assert.match(html('<doc5|left>', { alt: 'Façade' }), /alt="Façade"[^>]*>.*<div class="spip_doc_titre"><strong>La Maison<\/strong>/s);
  assert.match(html('<img5>', { alt: '' }), /<img [^>]*alt=""/);
  assert.match(html('<doc5>', { alt: '', title: '' }), /<img [^>]*alt=""/);
  assert.doesNotMatch(html('<doc5>', { alt: '', title: '' }), /spip_doc_titre/);
  assert.match(html('<img5>', {}), /alt="La Maison"/);
  assert.match(html('<img5>', { alt: '"><script>alert(1)</script>' }), /alt="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
});

test('an image’s sizes come from the resolver for where the text places it: src, srcset and sizes', () => {
  const asked: ImagePlacement[] = [];
  const resolve: Resolver = {
    link: () => undefined,
    document: () => ({
      url: '/documents/jpg/grande.jpg',
      title: '',
      alt: 'Une grande photo',
      mime: 'image/jpeg',
      size: 5_000_000,
      width: 3000,
      height: 2000,
      sources: (placement) => {
        asked.push(placement);
        const width = placement === 'float' ? 640 : 960;
        return { src: `/images/${width}/jpg/grande.jpg`, candidates: [320, 640, 960].map((w) => ({ url: `/images/${w}/jpg/grande.jpg`, width: w })), sizes: `${placement}-sizes` };
      },
    }),
  };
  const img = (text: string) => /<img [^>]*>/.exec(propre(text, { resolve }).html)?.[0];
  assert.equal(
    img('<doc5|left>'),
    '<img src="/images/640/jpg/grande.jpg" srcset="/images/320/jpg/grande.jpg 320w, /images/640/jpg/grande.jpg 640w, /images/960/jpg/grande.jpg 960w" sizes="float-sizes" alt="Une grande photo" width="3000" height="2000" loading="lazy" decoding="async">',
  );
  assert.match(img('<doc5|center>')!, /src="\/images\/960\/jpg\/grande.jpg"[^>]*sizes="block-sizes"/);
  assert.match(img('Dans la ligne <img5> ici.')!, /sizes="inline-sizes"/);
  assert.deepEqual(asked, ['float', 'block', 'inline']);
  // The whole file is never written while sizes exist.
  assert.doesNotMatch(propre('<doc5> <img5|right>', { resolve }).html, /\/documents\/jpg\/grande.jpg/);
});

test('sizes whose addresses are not safe to write leave the file alone, with no srcset', () => {
  const resolve = (src: string, url: string): Resolver => ({
    link: () => undefined,
    document: () => ({ url: '/documents/png/x.png', title: 'X', alt: 'X', mime: 'image/png', size: 10, width: 800, height: 600, sources: () => ({ src, candidates: [{ url, width: 640 }], sizes: '100vw' }) }),
  });
  const img = (src: string, url: string) => /<img [^>]*>/.exec(propre('<img5>', { resolve: resolve(src, url) }).html)?.[0] ?? '';
  assert.match(img('javascript:alert(1)', '/images/640/png/x.png'), /src="\/documents\/png\/x.png" srcset="\/images\/640\/png\/x.png 640w"/);
  assert.doesNotMatch(img('/images/640/png/x.png', 'javascript:alert(1)'), /srcset|javascript/);
  assert.doesNotMatch(img('/images/640/png/x.png', '/images/640/a b.png, /evil.png'), /srcset|evil/);
});

test('the documents a text shows are the models that place them, not links to them', () => {
  assert.deepEqual(placedDocuments(parse('<doc5|left> [voir->doc7] <img3>\n\n<emb9> et <doc5|right>[[Voir <img4>.]] <modele12> <doc|x>')), [5, 3, 9, 4]);
  assert.deepEqual(placedDocuments(parse('[->doc5] <code><doc6></code>')), []);
});

test('footnotes: numbering, custom labels, the notes block, id prefix', () => {
  const out = propre('a[[première]] b[[<x>seconde]] c[[troisième]]', { noteIdPrefix: 'lead-' });
  assert.match(out.html, /href="#lead-nb1"/);
  assert.match(out.html, />x<\/a>/);
  assert.match(out.html, />2<\/a>/);
  assert.match(out.notes, /<div id="lead-nb1">/);
  assert.match(out.notes, /première<\/p>/);
  assert.equal(propre('sans note').notes, '');
});

test('forum profile: only its shortcuts; the rest shows as text', () => {
  const out = propre('{{g}} {i} [x->http://a.b] [->art12] <q>c</q> <b>b</b> {{{T}}}\n\n-* li\n\n| a |', { profile: 'forum' });
  assert.match(out.html, /<strong>g<\/strong>/);
  assert.match(out.html, /<q>c<\/q>/);
  assert.match(out.html, /&lt;b&gt;b&lt;\/b&gt;/);
  assert.match(out.html, /rel="nofollow external"/);
  assert.doesNotMatch(out.html, /<ul|<table|<h2/);
  assert.match(out.html, /\[-&gt;art12\]/);
});

test('scripts, handlers and javascript: URLs never come out', () => {
  for (const profile of ['article', 'forum'] as const) {
    const out = propre('<script>alert(1)</script> <a href="javascript:alert(1)" onclick="x()">l</a> [x->javascript:alert(1)] <img src=x onerror=alert(1)>', { profile }).html;
    assert.deepEqual(executableParts(out), []);
  }
});

test('typo(): typography and HTML, shortcuts stay as typed', () => {
  assert.equal(typo('{{gras}} [lien->http://a.b] l\'été : oui !'), '{{gras}} [lien-&gt;http://a.b] l’été&nbsp;: oui&nbsp;!');
  assert.equal(typo('Hello ; world !', { lang: 'en' }), 'Hello ; world !');
});

test('[!glossaire] opts out and renders nothing', () => {
  const doc = parse('Texte [!glossaire] suite');
  assert.equal(doc.glossaryOptOut, true);
  assert.equal(render(doc, { profile: 'article' }).html, '<p>Texte  suite</p>');
});

test('walker: ancestors and text transformation into glossary terms', () => {
  const doc = parse('{{{Titre SPIP}}}\n\nLe SPIP et [SPIP->http://spip.net]');
  const seen: string[] = [];
  visit(doc, (node, ancestors) => {
    if (node.type === 'text') seen.push(`${node.value}|${isInside(ancestors, ['heading', 'link'])}`);
  });
  assert.ok(seen.includes('Titre SPIP|true'));
  transformText(doc, (node, ancestors) => {
    if (isInside(ancestors, ['heading', 'link']) || !node.value.includes('SPIP')) return undefined;
    const [before, after] = node.value.split('SPIP');
    return [
      { type: 'text', value: before ?? '' },
      { type: 'glossaryTerm', slug: 'spip', term: 'SPIP', definition: [{ type: 'text', value: 'Un CMS' }], children: [{ type: 'text', value: 'SPIP' }] },
      { type: 'text', value: after ?? '' },
    ];
  });
  const html = render(doc, { profile: 'article' }).html;
  // the term's markup belongs to src/glossary (render/glossary-term.ts); here: annotated once, not in the heading
  assert.match(html, /href="\/glossaire#spip"/);
  assert.match(html, /Un CMS/);
  assert.match(html, /<h2 class="spip">Titre SPIP<\/h2>/);
});

test('positions point into the source', () => {
  const src = 'Intro\n\nDu {{gras}} ici';
  const doc = parse(src);
  const p = doc.children[1];
  assert.equal(p?.type, 'paragraph');
  const strong = p?.type === 'paragraph' ? p.children.find((n) => n.type === 'strong') : undefined;
  assert.ok(strong?.position);
  assert.equal(src.slice(strong.position.start, strong.position.end), '{{gras}}');
});

test('iframes only from allowed hosts, sandboxed', () => {
  const text = '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n<iframe src="https://evil.example/x"></iframe>';
  const out = propre(text, { iframeHosts: ['youtube.com'] }).html;
  assert.match(out, /<iframe src="https:\/\/www.youtube.com\/embed\/x" sandbox="[^"]+"><\/iframe>/);
  assert.match(out, /&lt;iframe src="https:\/\/evil.example\/x"&gt;/);
});

test('footnotes are numbered in text order, whatever block reads them first', () => {
  // the list is read before the paragraph above it is parsed
  const out = propre('Avant[[première]].\n-* item[[deuxième]]\n\nAprès[[troisième]]');
  const labels = [...out.notes.matchAll(/<div id="nb(\d+)">\n<p>.*?<\/span>([^<]*)<\/p>/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(labels, ['1:première', '2:deuxième', '3:troisième']);
  assert.match(out.html, /Avant<span class="spip_note_ref">&nbsp;\[<a href="#nb1"/);
  assert.match(out.html, /item<span class="spip_note_ref">&nbsp;\[<a href="#nb2"/);
});

test('a note call is titled with the note’s text after typography', () => {
  assert.match(propre("a[[Une note sur l'ESS.]]").html, /title="Une note sur l’ESS\."/);
});

test('a long note’s call is titled with its first words, cut on a word as SPIP’s couper() does', () => {
  const title = (text: string) => /title="([^"]*)"/.exec(propre(text).html)?.[1];
  const words = Array.from({ length: 4000 }, (_, i) => `mot${i}`).join(' ');
  // one text node of 30,000 characters, then the same words spread over a paragraph break and spaces
  assert.equal(title(`a[[${words}]]`), 'mot0 mot1 mot2 mot3 mot4 mot5 mot6 mot7 mot8 mot9 mot10 mot11 mot12&nbsp;(...)');
  assert.equal(title(`a[[mot0 ${' '.repeat(5000)}mot1 mot2\n\n{{mot3}} mot4 mot5 mot6 mot7 mot8 mot9 mot10 mot11 mot12 ${words}]]`), 'mot0 mot1 mot2 mot3 mot4 mot5 mot6 mot7 mot8 mot9 mot10 mot11 mot12&nbsp;(...)');
  // textebrut() turns no-break spaces into spaces
  assert.equal(title('a[[Note : courte !]]'), 'Note : courte !');
});

test('a link text in another language gets that language’s typography; a `{…}` title is a title unless it reads as a language', () => {
  assert.equal(propre('[Hallo!{de}->http://example.com]').html, '<p><a href="http://example.com" class="spip_out" hreflang="de" rel="external">Hallo!</a></p>');
  assert.equal(propre('[Salut!{fr}->http://example.com]').html, '<p><a href="http://example.com" class="spip_out" hreflang="fr" rel="external">Salut&nbsp;!</a></p>');
  assert.match(propre('[lien|{une bulle}->http://example.com]').html, />lien<\/a>/);
  assert.match(propre('[lien|{une bulle}->http://example.com]').html, /title="une bulle"/);
  assert.match(propre('[lien|{em}->http://example.com]').html, />lien\|<i>em<\/i><\/a>/);
});

test('a cadre is as many rows high as SPIP makes it: a row per started 60 bytes of each escaped line', () => {
  const rows = (text: string) => /rows="(\d+)"/.exec(propre(`<cadre>${text}</cadre>`).html)?.[1];
  assert.equal(rows('x'), '2');
  assert.equal(rows('a\nb\nc'), '3');
  assert.equal(rows('x'.repeat(130)), '3');
  // 30 é are 60 bytes; 12 `<` are 48 bytes once escaped (`&lt;`), then 12 more characters
  assert.equal(rows(`${'é'.repeat(30)}\nz`), '3');
  assert.equal(rows(`${'<'.repeat(12)}${'y'.repeat(12)}\nz`), '3');
});

test('code keeps its spaces and tabs as SPIP shows them; pre drops leading newlines', () => {
  assert.equal(propre('<code>a  b\tc</code>').html, '<p><code class="spip_code" dir="ltr">a &nbsp;b&nbsp; &nbsp; &nbsp; &nbsp; c</code></p>');
  assert.match(propre('<code>\nx :\n  y\n</code>').html, /<code>x :<br>\n &nbsp;y<\/code>/);
  assert.equal(propre('<pre>\n\nx</pre>').html, '<pre>x</pre>');
});

test('anchors are written with an id only, as SPIP 4.1 does', () => {
  assert.equal(propre('[ici<-]texte').html, '<p><a id="ici"></a>texte</p>');
});

test('an unclosed <quote> shows as typed, in its paragraph', () => {
  assert.equal(propre('a <quote> b <quote> c').html, '<p>a &lt;quote&gt; b &lt;quote&gt; c</p>');
  assert.equal(propre('a </quote> b').html, '<p>a &lt;/quote&gt; b</p>');
});

test('a table line ends a list, as in SPIP', () => {
  const html = propre('-* item\n| a | b |\n| c | d |').html;
  assert.match(html, /<\/li><\/ul>\n?<table/);
  assert.doesNotMatch(html, /<li>[^]*\|/);
});

test('table columns are numeric as SPIP decides: digits and spaces, one decimal mark, no unit', () => {
  assert.match(propre('| 10 000 |\n| 12,5 |').html, /<td class="numeric ?"/);
  assert.doesNotMatch(propre('| 10 000 |\n| 12,5 % |').html, /numeric/);
});

test('French typography: a `»` right after ` %` or `:` gets no space of its own, as in SPIP', () => {
  assert.equal(typo('« 12,5 %»'), '«&nbsp;12,5&nbsp;%»');
  assert.equal(typo('« voir :»'), '«&nbsp;voir&nbsp;:»');
  assert.equal(typo('« voir : »'), '«&nbsp;voir&nbsp;:&nbsp;»');
});
