// Reading the glossary from the database: the terms A–Z, and the ready-to-annotate Glossary (parsed definitions
// and the matcher), built once and kept until the terms change. Building the matcher for 10,000 terms takes tens
// of milliseconds, so it must not happen per page; asking whether terms changed costs one small query, and only
// after some write happened (db.version()).
import type { Db } from '../db/connect.ts';
import type { GlossaryTerm } from '../db/schema.ts';
import { parse, type InlineNode } from '../markup/index.ts';
import { createGlossary, type Glossary, type GlossaryEntry } from './annotate.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function termVariants(row: Pick<GlossaryTerm, 'variants'>): string[] {
  try {
    const value: unknown = JSON.parse(row.variants);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Every term, A–Z in French order; `search` keeps those whose term, variants or definition contain it. */
export async function listTerms(db: Db, options: { search?: string } = {}): Promise<GlossaryTerm[]> {
  const rows = await db.kysely.selectFrom('glossary_terms').selectAll().execute();
  const needle = options.search?.trim() ? fold(options.search.trim()) : undefined;
  return rows
    .filter((row) => !needle || fold(`${row.term} ${termVariants(row).join(' ')} ${row.definition}`).includes(needle))
    .sort((a, b) => collator.compare(a.term, b.term) || a.id - b.id);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The short definition as inline nodes for a tooltip: typo level, so links and other interactive or block
 * content are reduced to their text (a tooltip must hold nothing to click on).
 */
export function definitionNodes(definition: string, lang = 'fr'): InlineNode[] {
  const doc = parse(definition, { lang, profile: 'article' });
  const out: InlineNode[] = [];
  const visit = (nodes: readonly unknown[]) => {
    for (const raw of nodes) {
      const node = raw as InlineNode | { type: string; children?: unknown[] };
      switch (node.type) {
        case 'text':
        case 'strong':
        case 'emphasis':
          out.push(node as InlineNode);
          break;
        case 'break':
          out.push({ type: 'text', value: ' ' });
          break;
        default:
          if ('children' in node && Array.isArray(node.children)) {
            if (out.length > 0 && isBlock(node.type)) out.push({ type: 'text', value: ' ' });
            visit(node.children);
          }
      }
    }
  };
  visit(doc.children);
  return out;
}

function isBlock(type: string): boolean {
  return type === 'paragraph' || type === 'phrasing' || type === 'listItem' || type === 'quote';
}

export function toEntry(row: GlossaryTerm): GlossaryEntry {
  return { slug: row.slug, term: row.term, variants: termVariants(row), definition: definitionNodes(row.definition) };
}

interface Cached {
  generation: number;
  version: number;
  fingerprint: string;
  glossary: Promise<Glossary>;
}

const cache = new WeakMap<Db, Cached>();
// Bumped by this process's glossary writes: exact even when a write lands in the same millisecond as the
// previous one (which the fingerprint, made for other processes' writes, could miss).
let generation = 0;

/** Called after a glossary write commits: the next loadGlossary rebuilds. */
export function glossaryChanged(): void {
  generation++;
}

async function fingerprintOf(db: Db): Promise<string> {
  const row = await db.kysely
    .selectFrom('glossary_terms')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last'), eb.fn.sum<number>('id').as('ids')])
    .executeTakeFirst();
  return `${row?.n ?? 0}|${row?.last ?? ''}|${row?.ids ?? 0}`;
}

/** The glossary to annotate with, rebuilt only when the terms changed. */
export async function loadGlossary(db: Db): Promise<Glossary> {
  const version = db.version();
  const cached = cache.get(db);
  if (cached && cached.generation === generation && cached.version === version) return cached.glossary;
  const fingerprint = await fingerprintOf(db);
  if (cached && cached.generation === generation && cached.fingerprint === fingerprint) {
    cached.version = version;
    return cached.glossary;
  }
  const glossary = db.kysely
    .selectFrom('glossary_terms')
    .selectAll()
    .orderBy('id')
    .execute()
    .then((rows) => createGlossary(rows.map(toEntry)));
  cache.set(db, { generation, version, fingerprint, glossary });
  // A failed load must not stay cached.
  glossary.catch(() => cache.delete(db));
  return glossary;
}

export async function loadTerm(db: Db, id: number): Promise<GlossaryTerm | undefined> {
  return db.kysely.selectFrom('glossary_terms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The term whose page is /glossaire/<slug>. */
export async function findTermBySlug(db: Db, slug: string): Promise<GlossaryTerm | undefined> {
  return db.kysely.selectFrom('glossary_terms').selectAll().where('slug', '=', slug).executeTakeFirst();
}
