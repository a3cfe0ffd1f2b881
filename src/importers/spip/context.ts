// What the SPIP mappers share while they turn a backup into Tisse rows: the backup, the report (counts
// per object and status, everything skipped and why), the ids already mapped, and the slugs taken.
import type { Insertable } from 'kysely';
import type { Database, ObjectType } from '../../db/schema.ts';
import { pathFor, reservedArticleSlugs } from '../../urls/index.ts';
import { slugify } from '../../kernel/slug.ts';
import type { SpipDump } from './dump.ts';

export interface Skipped {
  /** SPIP table, e.g. 'spip_forum'. */
  table: string;
  id: string;
  reason: string;
}

export interface ImportReport {
  /** Imported rows per object, then per source status ('publie', 'prop'… or '' when the object has none). */
  counts: Record<string, Record<string, number>>;
  skipped: Skipped[];
  /** Objects kept in legacy_objects, by SPIP type. */
  kept: Record<string, number>;
  notes: string[];
}

export type TableName = keyof Database;
export interface TableWrite<T extends TableName = TableName> {
  table: T;
  /** What the progress bar and the report call it. */
  label: string;
  rows: Insertable<Database[T]>[];
}

export interface FileCopy {
  /** Path relative to the IMG folder and to <dataDir>/documents. */
  relative: string;
  size: number;
}

export class MappingContext {
  readonly report: ImportReport = { counts: {}, skipped: [], kept: {}, notes: [] };
  readonly sectionIds = new Set<number>();
  readonly articleIds = new Set<number>();
  /** An imported article → the original of its translation group (SPIP's id_trad), written after every article. */
  readonly translationOf = new Map<number, number>();
  readonly userIds = new Set<number>();
  readonly keywordIds = new Set<number>();
  readonly glossaryIds = new Set<number>();
  readonly documentIds = new Set<number>();
  /** Tisse slug per imported object ('article:12' → 'benoit-hamon…'). */
  readonly slugs = new Map<string, string>();
  private readonly taken = new Map<string, Set<string>>();
  /** SPIP's propres URLs, per 'type:id', oldest first. */
  readonly spipUrls = new Map<string, { url: string; date: string | null }[]>();
  readonly files: FileCopy[] = [];
  /** Paths the site already answers at (accounts that existed before the import). */
  readonly takenPaths = new Set<string>();
  readonly writes: TableWrite[] = [];
  /** Rows kept as they were in legacy_objects (brèves, sites, petitions, anything without a Tisse form yet). */
  readonly legacyRows: { source: string; source_type: string; source_id: number; data: string; imported_at: string }[] = [];
  readonly importedAt: string;

  constructor(readonly dump: SpipDump, readonly imgDir: string | undefined, now = new Date().toISOString()) {
    this.importedAt = now;
  }

  count(object: string, status = ''): void {
    const byStatus = (this.report.counts[object] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }

  skip(table: string, id: unknown, reason: string): void {
    this.report.skipped.push({ table, id: String(id), reason });
  }

  legacy(spipType: string, id: number, row: unknown): void {
    this.legacyRows.push({ source: 'spip', source_type: spipType, source_id: id, data: JSON.stringify(row), imported_at: this.importedAt });
    this.report.kept[spipType] = (this.report.kept[spipType] ?? 0) + 1;
  }

  add<T extends TableName>(table: T, label: string, rows: Insertable<Database[T]>[]): void {
    if (rows.length) this.writes.push({ table, label, rows } as unknown as TableWrite);
  }

  /** A slug an object outside the import already holds. */
  reserveSlug(type: ObjectType, slug: string): void {
    (this.taken.get(type) ?? this.taken.set(type, new Set()).get(type))!.add(slug);
  }

  /** The first free slug for `type` from `source` (SPIP's own URL when it has one, else the title). */
  slugFor(type: ObjectType, id: number, source: string): string {
    const taken = (this.taken.get(type) ?? this.taken.set(type, new Set()).get(type))!;
    const base = slugify(source);
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (taken.has(slug) || (type === 'article' && reservedArticleSlugs.has(slug))) continue;
      taken.add(slug);
      this.slugs.set(`${type}:${id}`, slug);
      return slug;
    }
  }

  currentSpipUrl(spipType: string, id: number): string | undefined {
    const urls = this.spipUrls.get(`${spipType}:${id}`);
    return urls?.[urls.length - 1]?.url;
  }

  path(type: ObjectType, id: number): string | undefined {
    const slug = this.slugs.get(`${type}:${id}`);
    return slug === undefined ? undefined : pathFor(type, slug);
  }
}

/** SPIP's "NN. Titre" sorting prefix: the number and the title without it. */
export function splitNumberedTitle(title: string): { position: number; title: string } {
  const m = /^\s*(\d+)\.\s+/.exec(title);
  return m ? { position: Number(m[1]), title: title.slice(m[0].length) } : { position: 0, title };
}

export const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
export const int = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
};
