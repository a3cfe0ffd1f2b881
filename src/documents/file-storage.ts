// Where document files are kept, behind one interface with two drivers (issue 21): the data folder (local-storage.ts,
// the default) and S3-compatible object storage (s3-storage.ts, TISSE_STORAGE_URL=s3://…), so that every app server
// serves every document. Keys are the stored names documents have always had ('jpg/maison-3f9a1c.jpg',
// 'vignettes/…', 'tailles/…'), relative to the documents folder or the bucket's prefix.
import type { Readable } from 'node:stream';

export interface StoredFile {
  size: number;
  /** Changes whenever the bytes may have changed (a quoted strong validator). */
  etag: string;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP. */
  end: number;
}

export interface FileRead extends StoredFile {
  body: Readable;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  /** Writes the whole file or nothing (a reader never sees half of it). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's size and validator; undefined when there is none. */
  stat(key: string): Promise<StoredFile | undefined>;
  /** The file's bytes (only `range` when given), streamed; undefined when there is none. */
  read(key: string, range?: ByteRange): Promise<FileRead | undefined>;
  /** Removes the file; no error when there is none. */
  delete(key: string): Promise<void>;
  /** Removes every file whose key starts with `prefix` (an image's sizes). */
  deletePrefix(prefix: string): Promise<void>;
  /** Every stored file's key, in no set order (a backup reads them all). */
  list(): AsyncIterable<string>;
  /** Throws when the storage cannot be written or read (readiness, /sante/pret). */
  check(): Promise<void>;
}

/** A storage that does not answer (S3 down, a network error): callers turn it into a French 503 for that request only. */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}
