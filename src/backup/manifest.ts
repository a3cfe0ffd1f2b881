// manifest.json, the first entry of every archive: what Tisse and which schema wrote it, each table's row count,
// and the size and SHA-256 of every other entry. A restore checks all of it before it touches the site.
import { z } from 'zod';

export const ARCHIVE_FORMAT = 'tisse-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entry = z.object({ bytes: z.number().int().nonnegative(), sha256 });

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  tisseVersion: z.string(),
  createdAt: z.string(),
  /** The database the archive was read from (the archive itself is the same for both). */
  database: z.enum(['sqlite', 'postgres']),
  /** The schema version: the migrations applied to that database, by name. */
  migrations: z.array(z.string()),
  /** One JSON-lines file per table (`data/<table>.jsonl`), with its row count. */
  tables: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), entry.extend({ rows: z.number().int().nonnegative() })),
  /** The documents folder: path inside the archive (`documents/…`) → size and checksum. */
  files: z.record(z.string(), entry),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const tableEntryName = (table: string) => `data/${table}.jsonl`;
