// A Tisse server in a process of its own (`tisse serve`, run from the sources): for the tests that stop it with a
// signal, kill it, or run several of them on one database. It listens on a free loopback port and says which on
// stdout; the helper waits for that line.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  dataDir: string;
  /** Everything the process wrote, both streams. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** fetch relative to the server, without following redirects. */
  get(path: string, init?: RequestInit): Promise<Response>;
}

export interface ServerProcessOptions {
  env?: Record<string, string>;
  args?: string[];
  /** Reuse a data folder (several servers on one site, a restart). */
  dataDir?: string;
  /** How many "Tisse sert" lines to wait for (one per worker with --workers). */
  readyLines?: number;
}

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tisse-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', ...(options.args ?? [])], {
    env: {
      ...process.env,
      TISSE_PORT: '0',
      TISSE_HOST: '127.0.0.1',
      TISSE_DATA_DIR: dataDir,
      TISSE_ADMIN_EMAIL: 'admin@example.org',
      TISSE_ADMIN_PASSWORD: 'motdepasse-admin',
      TISSE_FORUM_MIN_SECONDS: '0',
      TISSE_LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const found = /écoute sur http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) resolve(Number(found[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    void exited.then((code) => reject(new Error(`tisse serve exited (${code}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`tisse serve did not listen within 90 s:\n${output}`)), 90_000).unref();
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    child,
    dataDir,
    output: () => output,
    exited,
    get: (path, init) => fetch(url + path, { redirect: 'manual', ...init }),
  };
}
