// Image sizes (issue 17): how long sharp takes to make each size of a 3000×2000 photo (what the first reader of a
// new size waits for), and how many requests per second a kept size is served at, against the original document.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pino from 'pino';
import sharp from 'sharp';
import { table, writeBenchSection } from './report.ts';
import { freePort } from './loopback.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { IMAGE_WIDTHS, imageSize, uploadDocument } from '../src/documents/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const ROUNDS = 5;

/** A photo-like JPEG: gradients with grain (deterministic), so that it weighs what a camera's does. */
async function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      const grain = (seed >>> 24) / 8 - 16;
      const i = (y * width + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, (x * 200) / width + 30 + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, (y * 180) / height + 40 + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 140 + 60 * Math.sin(x / 150) * Math.cos(y / 110) + grain));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/tisse.js'), 'serve'], {
    env: { ...process.env, TISSE_WORKERS: '1', TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/favicon.ico`)).status === 200) return { child, url };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** autocannon's figures: it joins every body into a string, so past a few KB a response costs it more than the server. */
async function autocannonLoad(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

/**
 * The same load with bodies read and dropped (node:http, keep-alive): what the server sustains for files of
 * hundreds of KB, where autocannon measures itself.
 */
async function drainLoad(url: string): Promise<{ rps: number; mbPerSecond: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const until = performance.now() + DURATION * 1000;
  let done = 0;
  let bytes = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      get(url, { agent }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', resolve);
      }).on('error', reject);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await one();
        done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: Math.round(done / seconds), mbPerSecond: Math.round(bytes / seconds / 2 ** 20) };
}

async function load(url: string) {
  return { ...(await drainLoad(url)), autocannon: await autocannonLoad(url) };
}

const loadAtStart = loadavg()[0] ?? 0;
const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-images-'));
spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
try {
  const db = await openDatabase({ dataDir, databaseUrl: undefined, log: pino({ level: 'silent' }) });
  await migrateToLatest(db);
  const original = await photo(3000, 2000);
  const doc = await uploadDocument(db, { originalName: 'photo-3000x2000.jpg', bytes: original }, { dataDir });
  // sharp and libvips loaded, their pools warmed, before anything is timed.
  await imageSize(db, dataDir, doc.file, 320);
  const making: (string | number)[][] = [];
  for (const width of IMAGE_WIDTHS) {
    const times: number[] = [];
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const kept = await imageSize(db, dataDir, doc.file, width);
      if (kept?.kind === 'size') rmSync(join(dataDir, 'documents', kept.key));
      const started = performance.now();
      const made = await imageSize(db, dataDir, doc.file, width);
      times.push(performance.now() - started);
      bytes = made?.kind === 'size' ? made.size : 0;
    }
    making.push([`${width} px`, median(times).toFixed(0), Math.round(bytes / 1024)]);
  }
  await db.close();

  const { child, url } = await serve(dataDir);
  try {
    const sized = `${url}/images/1280/${doc.file}`;
    if ((await fetch(sized)).status !== 200) throw new Error(`${sized} did not answer 200`);
    const small = `${url}/images/640/${doc.file}`;
    await fetch(small);
    const served = [
      ['Kept size, 1280 px WebP (`/images/1280/…`)', await load(sized)],
      ['Kept size, 640 px WebP (`/images/640/…`)', await load(small)],
      [`Original JPEG (\`/documents/…\`, ${Math.round(original.length / 1024)} KB)`, await load(`${url}/documents/${doc.file}`)],
      ['Site icon (`/favicon.ico`)', await load(`${url}/favicon.ico`)],
    ] as const;
    const body = [
      `A 3000×2000 JPEG of ${Math.round(original.length / 1024)} KB (gradients with grain). Making a size is what its first reader waits for (sharp, in process, median of ${ROUNDS}); serving is measured on loopback with ${CONNECTIONS} connections, ${DURATION} s per run, server and load generator sharing the machine's cores.`,
      '',
      table(['Size made from the 3000×2000 JPEG', 'Time to make (ms)', 'WebP (KB)'], making),
      '',
      table(['Served', 'Requests/s (bodies dropped)', 'MB/s', 'Requests/s (autocannon)'], served.map(([name, r]) => [name, r.rps, r.mbPerSecond, r.autocannon])),
      '',
      'autocannon appends every body to a string: past a few KB per response it is the bottleneck, hence the first column, a node:http client that reads and drops bodies.',
      '',
      `Load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)}, on ${cpus().length} cores: above the core count, the machine was shared with other work and every figure is a lower bound.`,
    ].join('\n');
    writeBenchSection('images', 'Image sizes (bench/images.ts)', 'npm run bench -- images', body);
    console.log(body);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
