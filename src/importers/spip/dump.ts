// Opens a SPIP backup (the SQLite file written by SPIP 3/4's dump plugin) read-only and checks that it
// is one Tisse can import, with a French sentence for each way it can be wrong. Nothing else reads the file.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { TisseError, type Message } from '../../kernel/errors.ts';

/** SPIP 3.0's core schema version: the first with generic `_liens` tables and `spip_forum.objet`. */
export const MIN_SPIP_SCHEMA = 19268;

export type Row = Record<string, unknown>;

export interface SpipDump {
  readonly file: string;
  readonly schemaVersion: number;
  readonly meta: Map<string, string>;
  readonly tables: string[];
  has(table: string): boolean;
  count(table: string): number;
  /** Every row of a table, in primary-key order; an absent table reads as empty. */
  rows<T = Row>(table: string, orderBy?: string): T[];
  /**
   * The same rows one at a time, so the big tables (articles, forum) are never all in memory as SPIP rows.
   * The backup answers no other query until the loop ends.
   */
  each<T = Row>(table: string, orderBy?: string): Iterable<T>;
  close(): void;
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

export function openSpipDump(file: string): SpipDump {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new TisseError('BAD_INPUT', { key: 'errors.import.fileNotFound', params: { file } });
  }
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.equals(sqliteHeader)) {
    throw new TisseError('BAD_INPUT', { key: 'errors.import.notSqlite', params: { file } });
  }
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(raw.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]);
    if (!tables.has('spip_meta') || !tables.has('spip_articles') || !tables.has('spip_rubriques')) {
      throw new TisseError('BAD_INPUT', { key: 'errors.import.notSpip', params: { file } });
    }
    const meta = new Map<string, string>();
    for (const row of raw.prepare('select nom, valeur from spip_meta').all() as { nom: string; valeur: string | null }[]) meta.set(row.nom, row.valeur ?? '');
    const schemaVersion = Number(meta.get('version_installee') ?? NaN);
    const columns = (table: string) => new Set((raw.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]));
    const generic = tables.has('spip_auteurs_liens') && (!tables.has('spip_forum') || columns('spip_forum').has('objet'));
    if (!Number.isFinite(schemaVersion) || schemaVersion < MIN_SPIP_SCHEMA || !generic) {
      const seen: Message = Number.isFinite(schemaVersion)
        ? { key: 'errors.import.schemaVersion', params: { version: schemaVersion } }
        : { key: 'errors.import.schemaVersionUnknown' };
      throw new TisseError('BAD_INPUT', { key: 'errors.import.oldSpip', params: { seen } });
    }
    if ((meta.get('charset') ?? 'utf-8').toLowerCase() !== 'utf-8') {
      throw new TisseError('BAD_INPUT', { key: 'errors.import.charset', params: { charset: String(meta.get('charset')) } });
    }
    const primaryKeys = new Map<string, string>();
    const select = (table: string, orderBy?: string) => {
      let order = orderBy ?? primaryKeys.get(table);
      if (order === undefined) {
        const info = raw.prepare('select name, pk from pragma_table_info(?)').all(table) as { name: string; pk: number }[];
        order = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`).join(', ') || 'rowid';
        primaryKeys.set(table, order);
      }
      return raw.prepare(`select * from "${table}" order by ${order}`);
    };
    return {
      file,
      schemaVersion,
      meta,
      tables: [...tables].sort(),
      has: (table) => tables.has(table),
      count: (table) => (tables.has(table) ? (raw.prepare(`select count(*) from "${table}"`).pluck().get() as number) : 0),
      rows<T>(table: string, orderBy?: string): T[] {
        return tables.has(table) ? (select(table, orderBy).all() as T[]) : [];
      },
      each<T>(table: string, orderBy?: string): Iterable<T> {
        return tables.has(table) ? (select(table, orderBy).iterate() as Iterable<T>) : [];
      },
      close: () => raw.close(),
    };
  } catch (error) {
    raw.close();
    if (error instanceof TisseError) throw error;
    throw new TisseError('BAD_INPUT', { key: 'errors.import.unreadable', params: { file, reason: (error as Error).message } }, { cause: error });
  }
}
