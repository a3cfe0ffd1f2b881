// A reader's search query, parsed once for every database: words (stemmed), "quoted phrases" and
// prefixes (écon*). Anything else a reader types (operators, stray quotes, parentheses) is plain text:
// a query can never carry database syntax, because only letters and digits survive parsing.
import { fold, stem, stopwords, words } from './text.ts';

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

export interface QueryWord {
  /** As typed, for messages. */
  text: string;
  /** Lower case, no accents. */
  folded: string;
  stem: string;
  /** The reader ended the word with * : any word starting with `folded`. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every word must be found (in any field), in any form with the same stem. */
  words: QueryWord[];
  /** Each phrase's words must be found in this order, next to each other. */
  phrases: QueryWord[][];
  /** Why the query was cut or changed, for the page to say. */
  notices: ('truncated' | 'tooManyTerms')[];
}

export function parseQuery(input: string): ParsedQuery {
  const notices: ParsedQuery['notices'] = [];
  let text = input.normalize('NFC');
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    notices.push('truncated');
  }
  const parsed: ParsedQuery = { words: [], phrases: [], notices };
  // Odd quotes: the last one opens nothing, it is ignored.
  const parts = text.replace(/[«»“”„]/g, '"').split('"');
  if (parts.length % 2 === 0) parts[parts.length - 2] += ' ' + parts.pop()!;
  let count = 0;
  parts.forEach((part, index) => {
    const inPhrase = index % 2 === 1;
    const found: QueryWord[] = [];
    for (const { word, end } of words(part)) {
      const folded = fold(word);
      const prefix = !inPhrase && part[end] === '*' && folded.length >= 2;
      found.push({ text: word, folded, stem: prefix ? folded : stem(folded), prefix });
    }
    if (inPhrase && found.length > 1) {
      if (count + found.length > MAX_TERMS) return void notices.push('tooManyTerms');
      parsed.phrases.push(found);
      count += found.length;
      return;
    }
    for (const word of found) {
      // Single letters (l', d') and stopwords carry no meaning alone; a quoted word is kept as asked.
      if (!inPhrase && !word.prefix && (word.folded.length < 2 || stopwords.has(word.folded))) continue;
      if (parsed.words.some((w) => w.stem === word.stem && w.prefix === word.prefix)) continue;
      if (count >= MAX_TERMS) {
        if (!notices.includes('tooManyTerms')) notices.push('tooManyTerms');
        return;
      }
      parsed.words.push(word);
      count++;
    }
  });
  return parsed;
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

/** The stems (and prefixes) a snippet highlights. */
export function highlightTerms(query: ParsedQuery): { stems: Set<string>; prefixes: string[] } {
  const all = [...query.words, ...query.phrases.flat()];
  return {
    stems: new Set(all.filter((w) => !w.prefix).map((w) => w.stem)),
    prefixes: all.filter((w) => w.prefix).map((w) => w.folded),
  };
}
