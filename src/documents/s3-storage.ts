// Documents in S3-compatible object storage (AWS S3, MinIO, Garage, Scaleway, OVH…), chosen by
// TISSE_STORAGE_URL=s3://bucket/prefix?endpoint=https://…&region=…: every app server reads and writes the same
// files. Credentials come from the SDK's usual sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile…),
// never from the URL, so that it can be shown in logs. A storage that does not answer is a StorageUnavailable
// after a short timeout: the caller says so in French for that request, the rest of the site goes on.
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { TisseError } from '../kernel/errors.ts';
import { StorageUnavailable, type ByteRange, type FileRead, type Storage, type StoredFile } from './file-storage.ts';

export interface S3Location {
  bucket: string;
  /** '' or 'site/' (always ending with a slash when not empty). */
  prefix: string;
  endpoint: string | undefined;
  region: string;
  /** Path-style addresses (http://host/bucket/key): MinIO, Garage and local servers need them. */
  forcePathStyle: boolean;
}

/** Reads s3://bucket/prefix?endpoint=…&region=…&path-style=0|1; a bad one is a French error naming the variable. */
export function parseS3Url(text: string): S3Location {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TisseError('BAD_INPUT', { key: 'errors.storage.badUrl', params: { reason: 'adresse illisible' } });
  }
  if (url.protocol !== 's3:' || !url.hostname) throw new TisseError('BAD_INPUT', { key: 'errors.storage.badUrl', params: { reason: 'il faut s3://seau/prefixe' } });
  if (url.username || url.password) throw new TisseError('BAD_INPUT', { key: 'errors.storage.badUrl', params: { reason: 'les clés ne vont pas dans l’adresse : AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY' } });
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) throw new TisseError('BAD_INPUT', { key: 'errors.storage.badUrl', params: { reason: 'endpoint doit être une adresse http(s)://' } });
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  const pathStyle = url.searchParams.get('path-style');
  return {
    bucket: url.hostname,
    prefix: prefix ? `${prefix}/` : '',
    endpoint,
    region: url.searchParams.get('region') ?? 'us-east-1',
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === '1',
  };
}

export function s3Storage(location: S3Location): Storage {
  const client = new S3Client({
    region: location.region,
    forcePathStyle: location.forcePathStyle,
    ...(location.endpoint ? { endpoint: location.endpoint } : {}),
    // One retry, short timeouts: a reader waits seconds for a 503, not minutes.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 2000, requestTimeout: 15_000 },
  });
  const Bucket = location.bucket;
  const keyOf = (key: string) => {
    if (key.includes('\0') || key.split('/').some((part) => part === '..' || part === '.')) throw new TisseError('BAD_PATH', 'errors.documents.pathOutside');
    return location.prefix + key;
  };

  /** Runs an S3 call; a missing object is undefined, a storage that does not answer is StorageUnavailable. */
  async function call<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TisseError) throw error;
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const name = (error as Error).name;
      if (status === 404 || name === 'NotFound' || name === 'NoSuchKey') return undefined;
      if (status === 416) throw error;
      throw new StorageUnavailable(`S3 ${Bucket}: ${(error as Error).message || name}`, { cause: error });
    }
  }

  const stat = async (key: string): Promise<StoredFile | undefined> => {
    const head = await call(() => client.send(new HeadObjectCommand({ Bucket, Key: keyOf(key) })));
    if (!head) return undefined;
    return { size: head.ContentLength ?? 0, etag: head.ETag ?? `"${head.LastModified?.getTime() ?? 0}"` };
  };

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      // One PUT: S3 stores an object whole or not at all.
      await call(() => client.send(new PutObjectCommand({ Bucket, Key: keyOf(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length })));
    },
    stat,
    async read(key: string, range?: ByteRange): Promise<FileRead | undefined> {
      const got = await call(() => client.send(new GetObjectCommand({ Bucket, Key: keyOf(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) })));
      if (!got || !got.Body) return undefined;
      const total = range ? Number(/\/(\d+)$/.exec(got.ContentRange ?? '')?.[1] ?? got.ContentLength ?? 0) : (got.ContentLength ?? 0);
      return { size: total, etag: got.ETag ?? '""', body: got.Body as Readable };
    },
    async delete(key) {
      await call(() => client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) })));
    },
    async deletePrefix(prefix) {
      const Prefix = keyOf(prefix);
      let token: string | undefined;
      do {
        const listed = await call(() => client.send(new ListObjectsV2Command({ Bucket, Prefix, ...(token ? { ContinuationToken: token } : {}) })));
        const keys = (listed?.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
        if (keys.length) await call(() => client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } })));
        token = listed?.IsTruncated ? listed.NextContinuationToken : undefined;
      } while (token);
    },
    async *list() {
      let token: string | undefined;
      do {
        const listed = await call(() => client.send(new ListObjectsV2Command({ Bucket, Prefix: location.prefix, ...(token ? { ContinuationToken: token } : {}) })));
        for (const object of listed?.Contents ?? []) if (object.Key) yield object.Key.slice(location.prefix.length);
        token = listed?.IsTruncated ? listed.NextContinuationToken : undefined;
      } while (token);
    },
    async check() {
      const found = await call(() => client.send(new HeadBucketCommand({ Bucket })));
      if (!found) throw new StorageUnavailable(`S3: no bucket ${Bucket}`);
    },
  };
}
