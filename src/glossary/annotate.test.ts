// Annotation of the markup AST: where terms are marked and where they never are, first occurrence across an
// article's fields, opt-outs, copy-on-write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BlockNode, InlineNode, MarkupDocument, MarkupNode } from '../markup/index.ts';
import { annotateDocument, createArticleAnnotator, createGlossary, glossaryTermsIn, type GlossaryEntry } from './annotate.ts';

const text = (value: string): InlineNode => ({ type: 'text', value });
const p = (...children: InlineNode[]): BlockNode => ({ type: 'paragraph', children });
const docOf = (...children: BlockNode[]): MarkupDocument => ({
  type: 'root',
  children,
  footnotes: [],
  references: [],
  glossaryOptOut: false,
  lang: 'fr',
  profile: 'article',
});

const entries: GlossaryEntry[] = [
  { slug: 'ptce', term: 'PTCE', definition: [text('Pôles territoriaux de coopération économique.')] },
  { slug: 'scop', term: 'SCOP', variants: ['SCOPs'], definition: [text('Société coopérative et participative')] },
  { slug: 'ess', term: 'ESS', variants: ['économie sociale et solidaire'], definition: [text('Économie sociale et solidaire')] },
  { slug: 'rse', term: 'RSE', definition: [text('Responsabilité sociale des entreprises')] },
];
const glossary = createGlossary(entries);

/** The document as a compact string: terms as [slug:text], other nodes by their text. */
function show(nodes: readonly MarkupNode[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text') return node.value;
      if (node.type === 'glossaryTerm') return `[${node.slug}:${show(node.children)}]`;
      if (node.type === 'paragraph') return `${show(node.children)}\n`;
      if ('children' in node && Array.isArray(node.children)) return `<${node.type}>${show(node.children as MarkupNode[])}</${node.type}>`;
      return '';
    })
    .join('');
}

test('marks the first occurrence of each term, keeping the text around it', () => {
  const doc = docOf(p(text('Le PTCE et l’ESS, puis le PTCE.')), p(text('Une SCOP, la RSE et l’ESS.')));
  const out = annotateDocument(doc, glossary);
  assert.equal(show(out.children), 'Le [ptce:PTCE] et l’[ess:ESS], puis le PTCE.\nUne [scop:SCOP], la [rse:RSE] et l’ESS.\n');
  const term = (out.children[0] as { children: InlineNode[] }).children[1]!;
  assert.equal(term.type, 'glossaryTerm');
  assert.equal(term.type === 'glossaryTerm' && term.term, 'PTCE');
  assert.deepEqual(term.type === 'glossaryTerm' && term.definition, [text('Pôles territoriaux de coopération économique.')]);
});

test('every occurrence when asked', () => {
  const out = annotateDocument(docOf(p(text('PTCE, PTCE et des SCOPs'))), glossary, { occurrences: 'all' });
  assert.equal(show(out.children), '[ptce:PTCE], [ptce:PTCE] et des [scop:SCOPs]\n');
});

test('a variant is marked under its term, with the text as written', () => {
  const out = annotateDocument(docOf(p(text('les SCOPs et l’économie sociale et solidaire'))), glossary);
  assert.equal(show(out.children), 'les [scop:SCOPs] et l’[ess:économie sociale et solidaire]\n');
  assert.deepEqual(glossaryTermsIn(out), ['scop', 'ess']);
});

test('inside bold, italics, lists, quotes, tables and allowed HTML', () => {
  const doc = docOf(
    p({ type: 'strong', children: [text('une SCOP')] }, text(' '), { type: 'emphasis', children: [text('la RSE')] }),
    { type: 'list', ordered: false, children: [{ type: 'listItem', children: [text('le PTCE')] }] },
    { type: 'quote', children: [p(text('l’ESS'))] },
  );
  assert.equal(
    show(annotateDocument(doc, glossary).children),
    '<strong>une [scop:SCOP]</strong> <emphasis>la [rse:RSE]</emphasis>\n<list><listItem>le [ptce:PTCE]</listItem></list><quote>l’[ess:ESS]\n</quote>',
  );
  const table: BlockNode = {
    type: 'table',
    hash: 'abcd',
    caption: [text('Les SCOP')],
    summary: null,
    head: null,
    rows: [{ type: 'tableRow', children: [{ type: 'tableCell', header: false, colspan: 1, rowspan: 1, numeric: false, column: 0, children: [text('la RSE')] }] }],
  };
  const annotated = annotateDocument(docOf(table), glossary).children[0]!;
  assert.equal(annotated.type === 'table' && show(annotated.caption!), 'Les [scop:SCOP]');
  assert.equal(annotated.type === 'table' && show(annotated.rows[0]!.children[0]!.children), 'la [rse:RSE]');
  const span: InlineNode = { type: 'element', tagName: 'span', attrs: [], children: [text('la RSE')], openSource: '<span>', closeSource: '</span>' };
  assert.equal(show(annotateDocument(docOf(p(span)), glossary).children), '<element>la [rse:RSE]</element>\n');
});

test('never inside headings, links, code, formulas, abbreviations, citations or glossary marks', () => {
  const element = (tagName: string): InlineNode => ({ type: 'element', tagName, attrs: [], children: [text('SCOP')], openSource: `<${tagName}>`, closeSource: `</${tagName}>` });
  const doc = docOf(
    { type: 'heading', level: 3, children: [text('Le PTCE')] },
    p(
      { type: 'link', kind: 'external', target: 'https://example.org', generatedText: false, children: [text('l’ESS')] },
      { type: 'inlineCode', value: 'SCOP' },
      { type: 'math', value: 'RSE' },
      element('abbr'),
      element('acronym'),
      element('code'),
      element('cite'),
      element('A'),
      { type: 'glossaryTerm', slug: 'autre', term: 'RSE', definition: [], children: [text('RSE')] },
      { type: 'text', value: 'PTCE', literal: true },
    ),
    { type: 'codeBlock', value: 'ESS\nSCOP' },
    { type: 'cadre', value: 'PTCE' },
  );
  const out = annotateDocument(doc, glossary);
  assert.deepEqual(glossaryTermsIn(out), ['autre']);
  assert.equal(out, doc, 'nothing marked: the very same document comes back');
});

test('a term split over adjacent text nodes is found', () => {
  const out = annotateDocument(docOf(p(text('l’économie soci'), text('ale et solidaire'))), glossary);
  assert.equal(show(out.children), 'l’[ess:économie sociale et solidaire]\n');
});

test('first occurrence counts across the fields of one article, then footnotes after the text', () => {
  const annotate = createArticleAnnotator(glossary);
  const lead = annotate(docOf(p(text('Une SCOP.'))));
  const body = { ...docOf(p(text('La SCOP et le PTCE.'))), footnotes: [{ label: '1', children: [p(text('RSE et PTCE'))] }] };
  const main = annotate(body);
  assert.equal(show(lead.children), 'Une [scop:SCOP].\n');
  assert.equal(show(main.children), 'La SCOP et le [ptce:PTCE].\n');
  assert.equal(show(main.footnotes[0]!.children), '[rse:RSE] et PTCE\n');
  assert.deepEqual([...annotate.used], ['scop', 'ptce', 'rse']);
});

test('field: the first occurrence in each field (lead, text, postscript), as SPIP marks #CHAPO and #TEXTE apart', () => {
  const annotate = createArticleAnnotator(glossary, { occurrences: 'field' });
  const lead = annotate(docOf(p(text('Le PTCE, le PTCE.'))));
  const body = { ...docOf(p(text('La SCOP et le PTCE.')), p(text('La SCOP, le PTCE.'))), footnotes: [{ label: '1', children: [p(text('SCOP et RSE'))] }] };
  const main = annotate(body);
  assert.equal(show(lead.children), 'Le [ptce:PTCE], le PTCE.\n');
  assert.equal(show(main.children), 'La [scop:SCOP] et le [ptce:PTCE].\nLa SCOP, le PTCE.\n');
  assert.equal(show(main.footnotes[0]!.children), 'SCOP et [rse:RSE]\n');
  assert.deepEqual([...annotate.used], ['ptce', 'scop', 'rse']);
});

test('paragraph: once in each paragraph, list item, table cell and footnote', () => {
  const li = (...children: InlineNode[]) => ({ type: 'listItem', children }) as unknown as BlockNode;
  const list = { type: 'list', ordered: false, children: [li(text('SCOP, SCOP')), li(text('SCOP'))] } as unknown as BlockNode;
  const doc = { ...docOf(p(text('PTCE et PTCE, ')), p(text('le PTCE et la SCOP.')), list), footnotes: [{ label: '1', children: [p(text('PTCE, PTCE'))] }] };
  const out = annotateDocument(doc, glossary, { occurrences: 'paragraph' });
  assert.equal(show(out.children), '[ptce:PTCE] et PTCE, \nle [ptce:PTCE] et la [scop:SCOP].\n<list><listItem>[scop:SCOP], SCOP</listItem><listItem>[scop:SCOP]</listItem></list>');
  assert.equal(show(out.footnotes[0]!.children), '[ptce:PTCE], PTCE\n');
});

test('opt-outs: the article setting and [!glossaire]', () => {
  const doc = docOf(p(text('Une SCOP.')));
  assert.equal(annotateDocument(doc, glossary, { enabled: false }), doc);
  const optedOut = { ...doc, glossaryOptOut: true };
  assert.equal(annotateDocument(optedOut, glossary), optedOut);
  assert.equal(annotateDocument(doc, createGlossary([])), doc);
});

test('copy-on-write: the input document is left untouched and unchanged branches are shared', () => {
  const untouched = p(text('Rien ici.'));
  const doc = docOf(untouched, p(text('Une SCOP.')));
  const before = JSON.stringify(doc);
  const out = annotateDocument(doc, glossary);
  assert.equal(JSON.stringify(doc), before);
  assert.notEqual(out, doc);
  assert.equal(out.children[0], untouched);
});

test('decomposed accents (NFD) in the text still match', () => {
  const out = annotateDocument(docOf(p(text('l’e\u0301conomie sociale et solidaire'.normalize('NFD')))), glossary);
  assert.equal(show(out.children), 'l’[ess:économie sociale et solidaire]\n');
});

test('positions follow the source when the text maps onto it', () => {
  const doc = docOf({ type: 'paragraph', children: [{ type: 'text', value: 'Une SCOP.', position: { start: 10, end: 19 } }] });
  const para = annotateDocument(doc, glossary).children[0]!;
  assert.ok(para.type === 'paragraph');
  assert.deepEqual(
    para.children.map((n) => n.position),
    [
      { start: 10, end: 14 },
      { start: 14, end: 18 },
      { start: 18, end: 19 },
    ],
  );
});

// ---------------------------------------------------------------- with the real markup engine

test('demo article: PTCE, SCOP, ESS and RSE are each marked once, and rendered accessibly', async () => {
  const { readFileSync } = await import('node:fs');
  const { parse, render } = await import('../markup/index.ts');
  const { definitionNodes } = await import('./repository.ts');
  const source = readFileSync(new URL('./fixtures/niort-article.spip', import.meta.url), 'utf8');
  const demo = createGlossary(
    [
      ['PTCE', 'Pôles territoriaux de coopération économique.'],
      ['SCOP', 'Société coopérative et participative'],
      ['ESS', 'Qu’est-ce que l’Économie sociale et solidaire (ESS) ? Définition et présentation de cette économie différente'],
      ['RSE', 'Responsabilité sociale des entreprises'],
    ].map(([term, definition]) => ({ slug: term!.toLowerCase(), term: term!, definition: definitionNodes(definition!) })),
  );
  const doc = annotateDocument(parse(source, { lang: 'fr', profile: 'article' }), demo);
  const marked: string[] = [];
  const walk = (nodes: readonly MarkupNode[]) => {
    for (const node of nodes) {
      if (node.type === 'glossaryTerm') marked.push(node.slug);
      if ('children' in node && Array.isArray(node.children)) walk(node.children as MarkupNode[]);
    }
  };
  walk(doc.children);
  assert.deepEqual(marked, ['ptce', 'scop', 'ess', 'rse']);

  const html = render(doc, { profile: 'article', lang: 'fr' }).html;
  assert.equal(html.split('class="glossary-term__link"').length - 1, 4);
  assert.match(
    html,
    /<span class="glossary-term"><a href="\/glossaire#scop" class="glossary-term__link" aria-describedby="glossaire-scop-2">SCOP<\/a><span class="glossary-term__sep"> \(<\/span><span class="glossary-term__tip" role="tooltip" id="glossaire-scop-2">Société coopérative et participative<\/span><span class="glossary-term__sep">\)<\/span><\/span>/,
  );
  // Elision and typography around the term survive.
  assert.match(html, /l’<span class="glossary-term"><a href="\/glossaire#ess"/);
});

test('seed page: with its first paragraph as the chapô and the field rule, PTCE is marked twice, as SPIP did', async () => {
  const { readFileSync } = await import('node:fs');
  const { parse } = await import('../markup/index.ts');
  const source = readFileSync(new URL('./fixtures/niort-article.spip', import.meta.url), 'utf8');
  const [chapo, ...rest] = source.split('\n\n');
  // The seed site's terms: ESS has no variant there (« l’économie sociale et solidaire » is not marked).
  const seed = createGlossary(entries.map(({ variants: _, ...entry }) => entry));
  const annotate = createArticleAnnotator(seed, { occurrences: 'field' });
  const marked = [chapo!, rest.join('\n\n')].flatMap((field) => {
    const doc = annotate(parse(field, { lang: 'fr', profile: 'article' }));
    return [...show(doc.children).matchAll(/\[([a-z]+):/g)].map((m) => m[1]);
  });
  // test/fixtures/seed/labo-ess-niort-article.txt: « (PTCE PTCE Pôles… ) » in the first paragraph, then SCOP, ESS,
  // « niortais (PTCE PTCE Pôles… ) » and RSE.
  assert.deepEqual(marked, ['ptce', 'scop', 'ess', 'ptce', 'rse']);
});

test('[!glossaire] in the text opts the article out, and never shows', async () => {
  const { parse, render } = await import('../markup/index.ts');
  const doc = parse('Une SCOP.\n\n[!glossaire]', { lang: 'fr', profile: 'article' });
  assert.equal(doc.glossaryOptOut, true);
  const out = annotateDocument(doc, glossary);
  assert.equal(out, doc);
  const html = render(out, { profile: 'article', lang: 'fr' }).html;
  assert.doesNotMatch(html, /glossaire|glossary/);
});

test('a term inside a SPIP link, heading, code or quote of code is not marked; inside {{bold}} it is', async () => {
  const { parse } = await import('../markup/index.ts');
  const source = '{{{Le PTCE}}}\n\n[La SCOP->https://example.org] <code>RSE</code> <cadre>ESS</cadre>\n\n{{la RSE}} et <abbr title="x">ESS</abbr>';
  const out = annotateDocument(parse(source, { lang: 'fr', profile: 'article' }), glossary);
  assert.deepEqual(glossaryTermsIn(out), ['rse']);
});
