// Runs SPIP's own test cases (test/fixtures/spip-conformance/spip-fixtures.jsonl) through the engine and says which
// pass: normalised HTML equal to the case's `expected` or to `oracle` (what SPIP 4.1 produced). Shared by
// the conformance test and the report in docs/markup-conformance.md.
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { MarkupNode } from '../../src/markup/ast.ts';
import { propre, typo, type Resolver } from '../../src/markup/index.ts';
import { readFixtureJsonLines } from './fixtures.ts';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

export interface Fixture {
  id: string;
  fn: 'propre' | 'typo' | 'traiter_raccourcis' | 'typographie_fr' | 'interdire_scripts';
  input: unknown;
  args?: unknown[];
  options?: { lang?: string; globals?: Record<string, unknown>; notes?: string; check?: string };
  expected: string | boolean | { preg_match: string; result: boolean };
  oracle?: string;
  oracle_notes?: string;
}

export interface CaseResult {
  id: string;
  fn: Fixture['fn'];
  status: 'pass' | 'fail' | 'skip';
  actual: string;
  reason?: string;
}

export function loadFixtures(): Fixture[] {
  return readFixtureJsonLines<Fixture>('spip-conformance', 'spip-fixtures.jsonl');
}

/** The oracle's test database: article 12 "Mon article", article 1, section 3, author 1; URLs in `page` style. */
export const oracleResolver: Resolver = {
  link(type, id) {
    if (type === 'article' && id === 12) return { url: 'spip.php?article12', title: 'Mon article' };
    if (type === 'article' && id === 1) return { url: 'spip.php?article1', title: 'Article 1' };
    if (type === 'section' && id === 3) return { url: 'spip.php?rubrique3', title: 'Ma rubrique' };
    if (type === 'author' && id === 1) return { url: 'spip.php?auteur1', title: 'Jean Dupont' };
    return undefined;
  },
  document() {
    return undefined;
  },
  // TextWheel's test model `<textwheel1|block>` / `<textwheel1|inline>`
  model(name, id, params): MarkupNode[] | undefined {
    if (name !== 'textwheel') return undefined;
    const block = params.includes('block');
    return [
      {
        type: 'element',
        tagName: block ? 'div' : 'span',
        attrs: [],
        children: [{ type: 'text', value: `${block ? 'Block' : 'Inline'} test model #${id ?? ''}`, literal: true }],
        openSource: '',
        closeSource: '',
      },
    ];
  },
};

const BLOCK = new Set([
  'p', 'div', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'blockquote', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'textarea', 'br', 'section',
]);

/** Canonical form: entities decoded, whitespace collapsed (and dropped next to block tags), attributes sorted, ids renamed. */
export function normaliseHtml(html: string): string {
  const tokens: { kind: 'open' | 'close' | 'text'; name?: string; s: string }[] = [];
  const walk = (nodes: P5Node[]) => {
    for (const n of nodes) {
      if (n.nodeName === '#text') tokens.push({ kind: 'text', s: (n as DefaultTreeAdapterMap['textNode']).value });
      else if (n.nodeName === '#comment') continue;
      else if ('tagName' in n) {
        const el = n as P5Element;
        const attrs = [...el.attrs]
          .map((a) => {
            let v = a.value.replace(/\s+/g, ' ').trim();
            if (a.name === 'class') v = v.split(' ').sort().join(' ');
            // header ids are `id<hash>_c<n>`: `\b` would not end the hash before the `_`
            v = v.replace(/\b(id|dby)[0-9a-f]{4}(?![0-9A-Za-z])/g, '$1XXXX');
            return `${a.name}="${v}"`;
          })
          .sort();
        tokens.push({ kind: 'open', name: el.tagName, s: `<${el.tagName}${attrs.length ? ` ${attrs.join(' ')}` : ''}>` });
        const content = el.tagName === 'template' ? [] : el.childNodes;
        walk(content);
        tokens.push({ kind: 'close', name: el.tagName, s: `</${el.tagName}>` });
      }
    }
  };
  walk(parseFragment(html).childNodes);
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as (typeof tokens)[number];
    if (t.kind !== 'text') {
      out += t.s;
      continue;
    }
    let s = t.s.replace(/[ \t\n\r\f]+/g, ' ');
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (!prev || (prev.kind !== 'text' && BLOCK.has(prev.name ?? ''))) s = s.replace(/^ /, '');
    if (!next || (next.kind !== 'text' && BLOCK.has(next.name ?? ''))) s = s.replace(/ $/, '');
    out += s;
  }
  return out;
}

const URLISH = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'cite', 'background', 'poster', 'srcset', 'codebase', 'dynsrc', 'lowsrc']);

/** What can run in the output: script-ish elements, event handlers, javascript:/data:/vbscript: URLs. */
export function executableParts(html: string): string[] {
  const found: string[] = [];
  const walk = (nodes: P5Node[]) => {
    for (const n of nodes) {
      if (!('tagName' in n)) continue;
      const el = n as P5Element;
      if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'meta', 'link', 'style', 'form', 'svg', 'math'].includes(el.tagName)) found.push(`<${el.tagName}>`);
      for (const a of el.attrs) {
        if (a.name.startsWith('on')) found.push(`${el.tagName}[${a.name}]`);
        if (URLISH.has(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\t\n\r]/g, ''))) found.push(`${el.tagName}[${a.name}=${a.value.slice(0, 30)}]`);
      }
      walk(el.childNodes);
    }
  };
  walk(parseFragment(html).childNodes);
  return found;
}

function pregToRegExp(preg: string): RegExp {
  const delim = preg[0] as string;
  const end = preg.lastIndexOf(delim);
  let body = preg.slice(1, end);
  const flags = preg.slice(end + 1);
  if (flags.includes('U')) body = body.replace(/([*+?}])(?!\?)/g, (m, q, offset, all: string) => (all[offset - 1] === '\\' || (q === '?' && all[offset - 1] === '(') ? m : `${q}?`));
  return new RegExp(body, [...flags].filter((f) => 'ims'.includes(f)).join(''));
}

export function runFixture(f: Fixture): CaseResult {
  const lang = f.options?.lang ?? 'fr';
  const input = typeof f.input === 'string' ? f.input : typeof f.input === 'number' ? String(f.input) : '';
  const globals = f.options?.globals ?? {};
  let actual: string;
  if (f.fn === 'typo' || f.fn === 'typographie_fr' || f.fn === 'interdire_scripts') {
    actual = typo(input, { lang });
  } else {
    const r = propre(input, { lang, resolve: oracleResolver, classSpipPlus: typeof globals.class_spip_plus === 'string' ? globals.class_spip_plus : 'spip' });
    actual = r.html;
    if (f.options?.notes === 'append_div' && r.notes) actual += `<div class='notes'>${r.notes}</div>`;
  }
  const result: CaseResult = { id: f.id, fn: f.fn, status: 'fail', actual };
  if (f.fn === 'interdire_scripts') {
    const bad = executableParts(actual);
    result.status = bad.length === 0 ? 'pass' : 'fail';
    if (bad.length) result.reason = `executable: ${bad.join(', ')}`;
    return result;
  }
  if (f.options?.check === 'nonempty') {
    result.status = actual.trim() !== '' ? 'pass' : 'fail';
    return result;
  }
  if (typeof f.expected === 'object' && f.expected !== null && 'preg_match' in f.expected) {
    const matched = pregToRegExp(f.expected.preg_match).test(actual);
    result.status = matched === f.expected.result ? 'pass' : 'fail';
    if (result.status === 'fail') result.reason = `regex ${f.expected.preg_match} should ${f.expected.result ? '' : 'not '}match`;
    return result;
  }
  const mine = normaliseHtml(actual);
  const candidates = [f.expected, f.oracle].filter((x): x is string => typeof x === 'string');
  if (candidates.some((c) => normaliseHtml(c) === mine)) result.status = 'pass';
  else if (globals.toujours_paragrapher === false) {
    result.status = 'skip';
    result.reason = 'needs toujours_paragrapher=false (text without paragraphs), not modelled';
  }
  return result;
}

export function runConformance(): { results: CaseResult[]; passed: number; skipped: number; total: number; rate: number } {
  const results = loadFixtures().map(runFixture);
  const passed = results.filter((r) => r.status === 'pass').length;
  const skipped = results.filter((r) => r.status === 'skip').length;
  const total = results.length;
  return { results, passed, skipped, total, rate: passed / (total - skipped) };
}
