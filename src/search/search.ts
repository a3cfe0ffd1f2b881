// Search over the public site: parses the reader's query, asks the database's implementation for ranked
// visible objects, then loads what a result shows (title, link, date) and a highlighted snippet.
// One entry point for both databases; the implementations are sqlite.ts and postgres.ts.
import type { Db } from '../db/connect.ts';
import { propreText, typoText } from '../markup/index.ts';
import { type RankedHit, type SearchBackend, type SearchKind } from './backend.ts';
import { postgresSearch } from './postgres.ts';
import { highlightTerms, isEmptyQuery, parseQuery, type ParsedQuery } from './query.ts';
import { makeSnippet, type SnippetSegment } from './snippet.ts';
import { sqliteSearch } from './sqlite.ts';

export type { SearchKind } from './backend.ts';
export type { SnippetSegment } from './snippet.ts';

export const RESULTS_PER_PAGE = 10;
/** Deeper pages cost more than anyone reads: the reader is asked to refine instead. */
export const MAX_PAGE = 50;

export interface SearchItem {
  kind: SearchKind;
  id: number;
  title: string;
  /** The title cut into segments, its words found marked. */
  titleMarks: SnippetSegment[];
  url: string;
  snippet: SnippetSegment[];
  /** Publication or creation date, ISO. */
  date: string | null;
  /** Where the item lives: the article a message belongs to. */
  context: string | null;
}

export interface SearchResults {
  query: ParsedQuery;
  page: number;
  perPage: number;
  /** How many results, counted up to COUNT_LIMIT (backend.ts). */
  total: number;
  /** There are more results than `total`: the count stopped there. */
  totalCapped: boolean;
  items: SearchItem[];
}

export function searchBackend(db: Db): SearchBackend {
  return db.dialect.name === 'sqlite' ? sqliteSearch : postgresSearch;
}

export async function search(
  db: Db,
  input: string,
  options: { page?: number; perPage?: number; now?: string; snippets?: boolean } = {},
): Promise<SearchResults> {
  const query = parseQuery(input);
  const perPage = options.perPage ?? RESULTS_PER_PAGE;
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), MAX_PAGE);
  if (isEmptyQuery(query)) return { query, page, perPage, total: 0, totalCapped: false, items: [] };
  const now = options.now ?? new Date().toISOString();
  const { hits, total, totalCapped } = await searchBackend(db).rank(db, query, { limit: perPage, offset: (page - 1) * perPage, now });
  const items = await describeHits(db, hits, options.snippets === false ? undefined : highlightTerms(query));
  return { query, page, perPage, total, totalCapped, items };
}

/** What a result shows; without `terms` (a caller that wants titles and links only) no snippet is rendered. */
async function describeHits(db: Db, hits: RankedHit[], terms: ReturnType<typeof highlightTerms> | undefined): Promise<SearchItem[]> {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.id);
  const k = db.kysely;
  const none = Promise.resolve([]);
  const [articles, sections, glossary, messages] = await Promise.all([
    ids('article').length
      ? k.selectFrom('articles').select(['id', 'slug', 'title', 'description', 'lead', 'text', 'postscript', 'published_at', 'lang']).where('id', 'in', ids('article')).execute()
      : none,
    ids('section').length ? k.selectFrom('sections').select(['id', 'slug', 'title', 'description', 'text', 'updated_at']).where('id', 'in', ids('section')).execute() : none,
    ids('glossary').length
      ? k.selectFrom('glossary_terms').select(['id', 'slug', 'term', 'definition', 'presentation', 'updated_at']).where('id', 'in', ids('glossary')).execute()
      : none,
    ids('forum').length
      ? k
          .selectFrom('forum_messages')
          .innerJoin('articles', 'articles.id', 'forum_messages.article_id')
          .select(['forum_messages.id', 'forum_messages.title', 'forum_messages.text', 'forum_messages.created_at', 'articles.slug', 'articles.title as article_title'])
          .where('forum_messages.id', 'in', ids('forum'))
          .execute()
      : none,
  ]);
  // The snippet comes from the first field that has a hit, in the order the ranking weighs them.
  // Snippets and titles are read as readers see them: typography applied, shortcuts gone.
  const snippet = (options: { lang?: string; profile?: 'forum' }, ...fields: string[]) => {
    if (!terms) return [];
    let first: SnippetSegment[] = [];
    for (const field of fields) {
      const segments = makeSnippet(propreText(field, options), terms);
      if (segments.some((s) => s.hit)) return segments;
      if (!first.length) first = segments;
    }
    return first;
  };
  const items: SearchItem[] = [];
  for (const hit of hits) {
    if (hit.kind === 'article') {
      const a = articles.find((r) => r.id === hit.id);
      if (a) items.push({ kind: 'article', id: a.id, titleMarks: [], title: typoText(a.title, { lang: a.lang }), url: `/${a.slug}`, snippet: snippet({ lang: a.lang }, a.lead, a.text, a.postscript, a.description), date: a.published_at, context: null });
    } else if (hit.kind === 'section') {
      const s = sections.find((r) => r.id === hit.id);
      if (s) items.push({ kind: 'section', id: s.id, titleMarks: [], title: typoText(s.title), url: `/rubrique/${s.slug}`, snippet: snippet({}, s.description, s.text), date: null, context: null });
    } else if (hit.kind === 'glossary') {
      const g = glossary.find((r) => r.id === hit.id);
      if (g) items.push({ kind: 'glossary', id: g.id, titleMarks: [], title: g.term, url: `/glossaire#${g.slug}`, snippet: snippet({}, g.definition, g.presentation), date: null, context: null });
    } else {
      const m = messages.find((r) => r.id === hit.id);
      if (m) items.push({ kind: 'forum', id: m.id, titleMarks: [], title: m.title ? typoText(m.title, { profile: 'forum' }) : typoText(m.article_title), url: `/${m.slug}#forum${m.id}`, snippet: snippet({ profile: 'forum' }, m.text), date: m.created_at, context: typoText(m.article_title) });
    }
  }
  if (terms) for (const item of items) item.titleMarks = makeSnippet(item.title, terms, 1000);
  return items;
}

/** Rebuilds the whole index (`tisse reindex`). */
export function reindex(db: Db, progress: (done: number, total: number) => void = () => {}): Promise<{ indexed: number }> {
  return searchBackend(db).reindex(db, progress);
}
