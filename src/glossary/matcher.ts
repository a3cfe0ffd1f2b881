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
// Forms are normalised to NFC here; callers pass NFC text (annotate.ts normalises each text run).

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
  return !/\p{Ll}/u.test(body) && (body.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function mapString(text: string, map: (code: number) => number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(map(text.charCodeAt(i)));
  return out;
}

/**
 * Builds the automaton. Cost is linear in the total length of the forms (plus sorting each node's edges). When two
 * terms share a form, the first one given keeps it.
 */
export function buildMatcher(terms: Iterable<MatcherTerm>): GlossaryMatcher {
  const forms: Form[] = [];
  const seen = new Set<string | number>();
  // The trie is grown in flat arrays (children as sibling lists, the root's as a direct table): per-node Maps
  // made the build spend most of its time allocating and collecting them.
  const rootChild = new Int32Array(65536);
  const parents: number[] = [-1];
  const chars: number[] = [0];
  const firstChild: number[] = [0];
  const nextSibling: number[] = [0];
  const formEnd: number[] = [];

  for (const { slug, term, variants = [] } of terms) {
    for (const raw of [term, ...variants]) {
      const form = normaliseForm(raw);
      if (form === '') continue;
      const exactCase = isAcronym(form);
      const shaped = exactCase ? mapString(form, shapeOf) : '';
      let node = 0;
      for (let i = 0; i < form.length; i++) {
        const c = foldOf(form.charCodeAt(i));
        // 0 stands for "none": the root is never a child.
        let next = node === 0 ? rootChild[c]! : firstChild[node]!;
        if (node !== 0) while (next !== 0 && chars[next] !== c) next = nextSibling[next]!;
        if (next === 0) {
          next = parents.push(node) - 1;
          chars.push(c);
          firstChild.push(0);
          if (node === 0) {
            nextSibling.push(0);
            rootChild[c] = next;
          } else {
            nextSibling.push(firstChild[node]!);
            firstChild[node] = next;
          }
        }
        node = next;
      }
      // A word form is known by its node (its folded spelling); an acronym by its exact spelling.
      const key = exactCase ? `A${shaped}` : node;
      if (seen.has(key)) continue;
      seen.add(key);
      forms.push({ slug, form, shaped, exactCase });
      formEnd.push(node);
    }
  }

  return compile(forms, formEnd, parents, chars);
}

/** Counting sort: for each bucket b, `start[b]`..`start[b + 1]` indexes `items` whose key is b. */
function groupBy(count: number, keys: ArrayLike<number>, from: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let k = from; k < keys.length; k++) start[keys[k]! + 1]!++;
  for (let b = 0; b < count; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, count);
  const items = new Int32Array(keys.length - from);
  for (let k = from; k < keys.length; k++) items[fill[keys[k]!]!++] = k;
  return { start, items };
}

function compile(forms: Form[], formEnd: number[], parents: number[], chars: number[]): GlossaryMatcher {
  const nodeCount = parents.length;
  // Edges grouped by parent node, each group sorted by character for binary search.
  const { start: edgeStart, items: edgeTarget } = groupBy(nodeCount, parents, 1);
  const edgeChar = new Uint16Array(edgeTarget.length);
  for (let node = 0; node < nodeCount; node++) {
    const from = edgeStart[node]!;
    const to = edgeStart[node + 1]!;
    for (let k = from; k < to; k++) {
      // Insertion sort: most nodes have one or two children.
      const target = edgeTarget[k]!;
      const c = chars[target]!;
      let j = k - 1;
      while (j >= from && edgeChar[j]! > c) {
        edgeChar[j + 1] = edgeChar[j]!;
        edgeTarget[j + 1] = edgeTarget[j]!;
        j--;
      }
      edgeChar[j + 1] = c;
      edgeTarget[j + 1] = target;
    }
  }
  // Forms ending at each node (a case-insensitive form and an acronym can fold alike).
  const { start: outStart, items: outForm } = groupBy(nodeCount, formEnd, 0);

  const depth = new Int32Array(nodeCount);
  const fail = new Int32Array(nodeCount);
  // Nearest node on the failure chain (itself excluded) where some form ends, or -1.
  const outputLink = new Int32Array(nodeCount).fill(-1);
  // The root's edges as a direct table: most text characters are looked up from the root.
  const rootNext = new Int32Array(65536);
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) rootNext[edgeChar[k]!] = edgeTarget[k]!;

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

  // Breadth-first: a node's failure link points to a shallower node, already computed.
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const node = queue[head++]!;
    for (let k = edgeStart[node]!; k < edgeStart[node + 1]!; k++) {
      const target = edgeTarget[k]!;
      const c = edgeChar[k]!;
      let next = 0;
      if (node !== 0) {
        let f = fail[node]!;
        next = step(f, c);
        while (next < 0) {
          f = fail[f]!;
          next = step(f, c);
        }
      }
      fail[target] = next;
      depth[target] = depth[node]! + 1;
      outputLink[target] = outStart[next] !== outStart[next + 1] ? next : outputLink[next]!;
      queue[tail++] = target;
    }
  }

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
