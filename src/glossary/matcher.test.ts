// The matcher's rules: word boundaries, French elision, case per form, accents, variants, longest hit, and
// agreement with a naive reference on random inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildMatcher, isAcronym, type MatcherTerm } from './matcher.ts';

const terms: MatcherTerm[] = [
  { slug: 'ess', term: 'ESS', variants: ['économie sociale et solidaire'] },
  { slug: 'scop', term: 'SCOP', variants: ['SCOPs', 'société coopérative et participative'] },
  { slug: 'ptce', term: 'PTCE', variants: ['pôle territorial de coopération économique'] },
  { slug: 'rse', term: 'RSE' },
  { slug: 'economie-sociale', term: 'économie sociale' },
  { slug: 'mutuelle', term: 'mutuelle', variants: ['mutuelles'] },
];
const matcher = buildMatcher(terms);

function slugs(text: string): string[] {
  return matcher.findAll(text).map((m) => m.slug);
}

function texts(text: string): string[] {
  return matcher.findAll(text).map((m) => text.slice(m.start, m.end));
}

test('whole words, with French elision and punctuation', () => {
  assert.deepEqual(texts('Le Labo de l’ESS et l\'ESS.'), ['ESS', 'ESS']);
  assert.deepEqual(texts('le siège d\'une SCOP, puis d’une SCOP'), ['SCOP', 'SCOP']);
  assert.deepEqual(texts('SCOP, SCOP; (SCOP) «\u00a0SCOP\u00a0» SCOP…'), ['SCOP', 'SCOP', 'SCOP', 'SCOP', 'SCOP']);
  assert.deepEqual(texts('un ESSAI, des ESSs, PRSE, RSEX, l’ESSOR'), []);
  assert.deepEqual(texts('ESS'), ['ESS']);
  assert.deepEqual(texts('ESS-Lab et RSE/ESS'), ['ESS', 'RSE', 'ESS']);
});

test('letters with accents and digits count as word characters', () => {
  assert.deepEqual(texts('éESS ESSé 2ESS ESS2 ESS_'), []);
  assert.deepEqual(texts('mutuelleé mutuelle'), ['mutuelle']);
});

test('acronyms match in capitals only; words in any case', () => {
  assert.deepEqual(texts('ess Ess eSS ESS'), ['ESS']);
  assert.deepEqual(texts('Scop scop SCOP'), ['SCOP']);
  assert.deepEqual(texts('Mutuelle, MUTUELLE, mutuelle'), ['Mutuelle', 'MUTUELLE', 'mutuelle']);
  assert.deepEqual(slugs('L’Économie Sociale et Solidaire'), ['ess']);
});

test('accents matter', () => {
  assert.deepEqual(texts('economie sociale et solidaire'), []);
  assert.deepEqual(texts('Economie sociale'), []);
  assert.deepEqual(texts('économie sociale'), ['économie sociale']);
  assert.deepEqual(texts('pole territorial de cooperation economique'), []);
});

test('variants map to their term', () => {
  assert.deepEqual(
    matcher.findAll('des SCOPs et une société coopérative et participative').map((m) => [m.slug, m.form]),
    [
      ['scop', 'SCOPs'],
      ['scop', 'société coopérative et participative'],
    ],
  );
  assert.deepEqual(slugs('les mutuelles'), ['mutuelle']);
});

test('overlapping terms: the longest wins', () => {
  assert.deepEqual(texts('l’économie sociale et solidaire'), ['économie sociale et solidaire']);
  assert.deepEqual(slugs('l’économie sociale et solidaire'), ['ess']);
  assert.deepEqual(texts('l’économie sociale et le reste'), ['économie sociale']);
  // A longer form that fails at its end falls back to the shorter one.
  assert.deepEqual(texts('économie sociale et solidaires'), ['économie sociale']);
});

test('typographic equivalents: non-breaking and repeated line breaks, curly apostrophes', () => {
  const m = buildMatcher([{ slug: 'ge', term: "groupement d'employeurs" }]);
  assert.equal(m.findAll('un groupement d’employeurs').length, 1);
  assert.equal(m.findAll('un groupement\u00a0d\'employeurs').length, 1);
  assert.equal(m.findAll('un groupement d employeurs').length, 0, 'a space is not an apostrophe');
  assert.equal(buildMatcher([{ slug: 'es', term: 'économie sociale' }]).findAll('économie\nsociale').length, 1);
  assert.equal(buildMatcher([{ slug: 'es', term: 'économie  sociale' }]).findAll('économie\u202fsociale').length, 1);
});

test('offsets are UTF-16 offsets into the original text, also after astral characters', () => {
  const text = '🎉 ESS 🎉RSE🎉';
  const hits = matcher.findAll(text);
  assert.deepEqual(
    hits.map((h) => [h.start, h.end, text.slice(h.start, h.end)]),
    [
      [3, 6, 'ESS'],
      [9, 12, 'RSE'],
    ],
  );
});

test('hits are never overlapping, and a suffix term inside a longer hit is not reported', () => {
  const m = buildMatcher([
    { slug: 'a', term: 'coopération économique' },
    { slug: 'b', term: 'économique' },
    { slug: 'c', term: 'pôle territorial de coopération' },
  ]);
  assert.deepEqual(
    m.findAll('pôle territorial de coopération économique').map((h) => h.slug),
    ['c', 'b'],
  );
});

test('shared forms: the first term given keeps it; empty forms are ignored', () => {
  const m = buildMatcher([
    { slug: 'one', term: 'coopérative', variants: ['', '  '] },
    { slug: 'two', term: 'Coopérative' },
  ]);
  assert.equal(m.formCount, 1);
  assert.deepEqual(m.findAll('Coopérative').map((h) => h.slug), ['one']);
});

test('isAcronym', () => {
  assert.equal(isAcronym('ESS'), true);
  assert.equal(isAcronym('PTCEs'), true);
  assert.equal(isAcronym('CO2'), true);
  assert.equal(isAcronym('Scop'), false);
  assert.equal(isAcronym('A'), false);
  assert.equal(isAcronym('économie'), false);
});

test('an empty glossary finds nothing', () => {
  assert.deepEqual(buildMatcher([]).findAll('ESS SCOP'), []);
});

// Reference: try every form at every position, keep leftmost-longest. Quadratic, obviously right.
function naive(list: MatcherTerm[], text: string): [number, number, string][] {
  const clean = (f: string) => f.trim().replace(/ +/g, ' ');
  const word = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}\p{M}_]/u.test(text[i]!);
  const out: [number, number, string][] = [];
  let i = 0;
  while (i < text.length) {
    let best: [number, number, string] | undefined;
    const seen = new Set<string>();
    for (const t of list) {
      for (const f of [t.term, ...(t.variants ?? [])].map(clean)) {
        if (f === '') continue;
        const exact = isAcronym(f);
        const key = exact ? `A${f}` : `w${f.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const slice = text.slice(i, i + f.length);
        const same = exact ? slice === f : slice.toLowerCase() === f.toLowerCase();
        if (same && !word(i - 1) && !word(i + f.length) && (!best || f.length > best[1] - best[0])) {
          best = [i, i + f.length, t.slug];
        }
      }
    }
    if (best) {
      out.push(best);
      i = best[1];
    } else i++;
  }
  return out;
}

test('agrees with a naive matcher on random texts (property)', () => {
  const alphabet = ['a', 'b', 'A', 'B', 'é', ' ', "'", ','];
  const word = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((a) => a.join('').trim());
  fc.assert(
    fc.property(
      fc.array(fc.tuple(word, fc.array(word, { maxLength: 2 })), { minLength: 1, maxLength: 6 }),
      fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join('')),
      (raw, text) => {
        const list: MatcherTerm[] = raw.map(([term, variants], k) => ({ slug: `t${k}`, term, variants }));
        // Shared forms go to the first term in both implementations, so slugs are comparable.
        const got = buildMatcher(list).findAll(text).map((h): [number, number, string] => [h.start, h.end, h.slug]);
        assert.deepEqual(got, naive(list, text));
      },
    ),
    { numRuns: 500 },
  );
});
