// Finds glossary terms in plain text: one Aho-Corasick automaton over every form of every term, so a text is
// scanned once whatever the number of terms. Pure: no I/O, no AST (annotate.ts walks the AST).
//
// Rules, decided here once for every caller:
// - whole words only: the characters around a hit must not be letters, digits or combining marks, so the
//   apostrophe of a French elision is a boundary (« l’ESS », « d'une SCOP ») while « ESSAI » is not a hit;
// - case, per form: an acronym (all capitals, optionally a plural « s », e.g. « SCOP », « PTCEs ») matches in
//   capitals only; any other form matches in any case. Accents always matter (« economie » ≠ « économie »);
// - typographic equivalents are one character: every space (incl. non-breaking) is « », ’ and ʼ are « ' »;
// - a variant is reported under its term's slug;
// - overlapping hits: the leftmost wins, then the longest (« économie sociale et solidaire » over « économie
//   sociale »), and hits never overlap.
//
// Text is expected in NFC (the markup parser normalises); forms are normalised to NFC here.

export interface MatcherTerm {
  /** The term's anchor on /glossaire; what a hit reports. */
  slug: string;
  term: string;
  variants?: readonly string[];
}

export interface GlossaryMatch {
  /** UTF-16 offsets of the hit in the scanned text: [start, end). */
  start: number;
  end: number;
  slug: string;
  /** The form (term or variant, as written in the glossary) that matched. */
  form: string;
}

export interface GlossaryMatcher {
  /** Every hit in `text`, in order, non-overlapping. */
  findAll(text: string): GlossaryMatch[];
  /** Number of distinct forms in the automaton. */
  readonly formCount: number;
}

interface Form {
  slug: string;
  form: string;
  /** The form with shape folding only (spaces, apostrophes), compared to the text for acronyms. */
  shaped: string;
  exactCase: boolean;
}

// Lazily filled per UTF-16 code unit; 0 means "not computed yet" (code unit 0 folds to itself, so recomputing it
// is harmless). Two tables: shape folding, and shape + case folding.
const shapeTable = new Uint16Array(65536);
const foldTable = new Uint16Array(65536);
// 0 unknown, 1 word character, 2 not a word character.
const wordTable = new Uint8Array(65536);

const SPACES = /^[\s\u00a0\u2007\u202f]$/u;
const APOSTROPHES = new Set([0x2019, 0x02bc, 0x2018]);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;

function shapeOf(code: number): number {
  let shaped = shapeTable[code]!;
  if (shaped === 0 && code !== 0) {
    const ch = String.fromCharCode(code);
    shaped = SPACES.test(ch) ? 0x20 : APOSTROPHES.has(code) ? 0x27 : code;
    shapeTable[code] = shaped;
  }
  return shaped;
}

function foldOf(code: number): number {
  let folded = foldTable[code]!;
  if (folded === 0 && code !== 0) {
    const shaped = shapeOf(code);
    const lower = String.fromCharCode(shaped).toLowerCase();
    // Keeping offsets aligned with the text matters more than the rare letters whose lower case is two units.
    folded = lower.length === 1 ? lower.charCodeAt(0) : shaped;
    foldTable[code] = folded;
  }
  return folded;
}

/** True when the code point at `index` of `text` is part of a word (so a hit may not touch it). */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdfff) {
    const point = text.codePointAt(code >= 0xdc00 ? index - 1 : index) ?? code;
    return WORD_CHAR.test(String.fromCodePoint(point));
  }
  let known = wordTable[code]!;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = known;
  }
  return known === 1;
}

function normaliseForm(raw: string): string {
  return raw.normalize('NFC').trim().replace(/[\s\u00a0\u2007\u202f]+/gu, ' ');
}

/** An acronym: at least two letters, all capitals, optionally followed by a plural « s ». */
export function isAcronym(form: string): boolean {
  const body = form.endsWith('s') ? form.slice(0, -1) : form;
  let letters = 0;
  for (const ch of body) {
    if (/\p{Ll}/u.test(ch)) return false;
    if (/\p{Lu}/u.test(ch)) letters++;
  }
  return letters >= 2;
}

function mapString(text: string, map: (code: number) => number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(map(text.charCodeAt(i)));
  return out;
}

/**
 * Builds the automaton. Cost is linear in the total length of the forms. When two terms share a form, the first
 * one given keeps it.
 */
export function buildMatcher(terms: Iterable<MatcherTerm>): GlossaryMatcher {
  const forms: Form[] = [];
  const seen = new Set<string>();
  // Trie under construction: one Map of children per node.
  const children: Map<number, number>[] = [new Map()];
  // For each node, the forms that end exactly there (a case-insensitive form and an acronym can fold alike).
  const ending: number[][] = [[]];

  for (const { slug, term, variants = [] } of terms) {
    for (const raw of [term, ...variants]) {
      const form = normaliseForm(raw);
      if (form === '') continue;
      const exactCase = isAcronym(form);
      const shaped = mapString(form, shapeOf);
      const key = `${exactCase ? 'A' : 'w'}${exactCase ? shaped : mapString(form, foldOf)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const id = forms.push({ slug, form, shaped, exactCase }) - 1;
      let node = 0;
      for (let i = 0; i < form.length; i++) {
        const c = foldOf(form.charCodeAt(i));
        let next = children[node]!.get(c);
        if (next === undefined) {
          next = children.push(new Map()) - 1;
          ending.push([]);
          children[node]!.set(c, next);
        }
        node = next;
      }
      ending[node]!.push(id);
    }
  }

  return compile(forms, children, ending);
}

function compile(forms: Form[], children: Map<number, number>[], ending: number[][]): GlossaryMatcher {
  const nodeCount = children.length;
  // Edges flattened in breadth-first order, each node's edges sorted by character for binary search.
  const edgeStart = new Int32Array(nodeCount + 1);
  const edgeChar = new Uint16Array(nodeCount);
  const edgeTarget = new Int32Array(nodeCount);
  const depth = new Int32Array(nodeCount);
  const fail = new Int32Array(nodeCount);
  // Nearest node on the failure chain (itself excluded) where some form ends, or -1.
  const outputLink = new Int32Array(nodeCount).fill(-1);
  // The root's edges as a direct table: most text characters are looked up from the root.
  const rootNext = new Int32Array(65536).fill(0);

  let edges = 0;
  for (let node = 0; node < nodeCount; node++) {
    edgeStart[node] = edges;
    const sorted = [...children[node]!.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, target] of sorted) {
      edgeChar[edges] = c;
      edgeTarget[edges] = target;
      edges++;
    }
  }
  edgeStart[nodeCount] = edges;

  const step = (node: number, c: number): number => {
    if (node === 0) return rootNext[c]!;
    let lo = edgeStart[node]!;
    let hi = edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = edgeChar[mid]!;
      if (at === c) return edgeTarget[mid]!;
      if (at < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  for (const [c, target] of children[0]!) rootNext[c] = target;

  // Breadth-first: a node's failure link points to a shallower node, already computed.
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const target of children[0]!.values()) {
    fail[target] = 0;
    depth[target] = 1;
    queue[tail++] = target;
  }
  while (head < tail) {
    const node = queue[head++]!;
    for (const [c, target] of children[node]!) {
      let f = fail[node]!;
      let next = step(f, c);
      while (next < 0) {
        f = fail[f]!;
        next = step(f, c);
      }
      // From the root, a missing edge stays at the root (rootNext holds 0).
      fail[target] = next;
      depth[target] = depth[node]! + 1;
      outputLink[target] = ending[next]!.length > 0 ? next : outputLink[next]!;
      queue[tail++] = target;
    }
  }

  // Compact per-node output lists.
  const outStart = new Int32Array(nodeCount + 1);
  let outs = 0;
  for (let node = 0; node < nodeCount; node++) {
    outStart[node] = outs;
    outs += ending[node]!.length;
  }
  outStart[nodeCount] = outs;
  const outForm = new Int32Array(outs);
  for (let node = 0; node < nodeCount; node++) outForm.set(ending[node]!, outStart[node]!);

  const accepts = (form: Form, text: string, start: number, end: number): boolean => {
    if (start > 0 && isWordAt(text, start - 1)) return false;
    if (end < text.length && isWordAt(text, end)) return false;
    if (form.exactCase) {
      for (let i = 0; i < form.shaped.length; i++) {
        if (shapeOf(text.charCodeAt(start + i)) !== form.shaped.charCodeAt(i)) return false;
      }
    }
    return true;
  };

  const findAll = (text: string): GlossaryMatch[] => {
    // Hits are gathered as (start, end, form) triples, then the leftmost-longest non-overlapping ones are kept.
    const hits: number[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = foldOf(text.charCodeAt(i));
      let next = step(node, c);
      while (next < 0) {
        node = fail[node]!;
        next = step(node, c);
      }
      node = next;
      let out = outStart[node] === outStart[node + 1] ? outputLink[node]! : node;
      while (out > 0) {
        const end = i + 1;
        const start = end - depth[out]!;
        for (let k = outStart[out]!; k < outStart[out + 1]!; k++) {
          const id = outForm[k]!;
          if (accepts(forms[id]!, text, start, end)) {
            hits.push(start, end, id);
            break;
          }
        }
        out = outputLink[out]!;
      }
    }
    return selectLongest(hits, forms);
  };

  return { findAll, formCount: forms.length };
}

function selectLongest(hits: number[], forms: Form[]): GlossaryMatch[] {
  const count = hits.length / 3;
  if (count === 0) return [];
  const order = Array.from({ length: count }, (_, k) => k);
  order.sort((a, b) => hits[a * 3]! - hits[b * 3]! || hits[b * 3 + 1]! - hits[a * 3 + 1]!);
  const result: GlossaryMatch[] = [];
  let reached = 0;
  for (const k of order) {
    const start = hits[k * 3]!;
    if (start < reached) continue;
    const end = hits[k * 3 + 1]!;
    const form = forms[hits[k * 3 + 2]!]!;
    result.push({ start, end, slug: form.slug, form: form.form });
    reached = end;
  }
  return result;
}
