// Highlighted snippets, made the same way for both databases: the stretch of a text with the most
// distinct query words, cut at word boundaries, as segments (a page escapes them and marks the hits).
// Words are compared by their Snowball stem, as the index compares them.
import { fold, stem, words } from './text.ts';

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

const WINDOW_WORDS = 30;

/** `text` is what readers see (the markup rendered, then as text: markup's propreText). */
export function makeSnippet(text: string, terms: { stems: Set<string>; prefixes: string[] }, maxWords = WINDOW_WORDS): SnippetSegment[] {
  if (!text) return [];
  // A result's text repeats its words: each distinct spelling is folded and stemmed once per call.
  const keys = new Map<string, string>();
  const tokens: { start: number; end: number; hit: boolean; key: string }[] = [];
  for (const w of words(text)) {
    let key = keys.get(w.word);
    if (key === undefined) {
      const folded = fold(w.word);
      const stemmed = stem(folded);
      key = terms.stems.has(stemmed) || terms.prefixes.some((p) => folded.startsWith(p)) ? stemmed : '';
      keys.set(w.word, key);
    }
    tokens.push({ start: w.start, end: w.end, hit: key !== '', key });
  }
  if (tokens.length === 0) return [];
  // Slide a window of maxWords tokens; keep the one with the most distinct hits (then the earliest).
  let best = 0;
  let bestScore = -1;
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const entering = tokens[i]!;
    if (entering.hit) counts.set(entering.key, (counts.get(entering.key) ?? 0) + 1);
    const leavingIndex = i - maxWords;
    if (leavingIndex >= 0) {
      const leaving = tokens[leavingIndex]!;
      if (leaving.hit) {
        const n = counts.get(leaving.key)! - 1;
        if (n === 0) counts.delete(leaving.key);
        else counts.set(leaving.key, n);
      }
    }
    const start = Math.max(0, i - maxWords + 1);
    if (counts.size > bestScore) {
      bestScore = counts.size;
      best = start;
    }
  }
  // Start a little before the first hit of the window, so it reads as a sentence.
  const window = tokens.slice(best, best + maxWords);
  const firstHit = window.findIndex((t) => t.hit);
  const from = Math.max(0, best + Math.max(0, firstHit - 5));
  const chosen = tokens.slice(from, from + maxWords);
  const startOffset = chosen[0]!.start;
  const endOffset = chosen[chosen.length - 1]!.end;
  const segments: SnippetSegment[] = [];
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += s;
    else segments.push({ text: s, hit });
  };
  if (from > 0) push('… ', false);
  let cursor = startOffset;
  for (const token of chosen) {
    push(text.slice(cursor, token.start), false);
    push(text.slice(token.start, token.end), token.hit);
    cursor = token.end;
  }
  push(text.slice(cursor, endOffset), false);
  if (from + maxWords < tokens.length) push(' …', false);
  return segments;
}
