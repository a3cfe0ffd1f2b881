// A real S3-protocol server on loopback (the `s3rver` package: it checks signatures, stores objects on disk,
// answers ranges and ETags), for the S3 document storage's tests. `stop()` and `start()` take it down and bring it
// back on the same port with the same objects: the tests of an unreachable storage. Its dummy account's keys are
// S3RVER/S3RVER; the AWS SDK reads them from the environment (`s3Env`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';

export const S3_BUCKET = 'tisse';

/** The credentials the SDK reads (process.env or a child's env). */
export const s3Env = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface S3TestServer {
  endpoint: string;
  /** TISSE_STORAGE_URL for this server, under `prefix`. */
  storageUrl(prefix?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'tisse-s3-'));
  let port = 0;
  let server: S3rverInstance | undefined;
  const start = async () => {
    const instance = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: S3_BUCKET, configs: [] }] }) as S3rverInstance;
    port = (await instance.run()).port;
    server = instance;
  };
  await start();
  Object.assign(process.env, s3Env);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    storageUrl: (prefix = 'site') => `s3://${S3_BUCKET}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`,
    async stop() {
      await server?.close();
      server = undefined;
    },
    start,
    async close() {
      await server?.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
