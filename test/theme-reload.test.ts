// `tisse theme reload` against a real server process (`tisse serve` in a child, as an operator runs it): an
// override template changed on disk is not read by the running server (outside development) until the reload,
// which signals the pid written in <dataDir>/tisse.pid; after it the page shows the new template, and the page
// cache no longer serves the page rendered with the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');

/** The environment of a `tisse` process on `dataDir` alone: no TISSE_* setting of the caller leaks in. */
function environment(dataDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TISSE_')));
  // Not development: only the reload (or a restart) may make the server read its templates again. One process: the
  // test reads its page cache (test/workers.test.ts reloads the themes of several).
  return { ...env, NODE_ENV: 'production', TISSE_DATA_DIR: dataDir, TISSE_PORT: '0', TISSE_HOST: '127.0.0.1', TISSE_LOG_LEVEL: 'info', TISSE_WORKERS: '1' };
}

/** A home page showing which version of the override rendered it, and when (so a cached copy is recognisable). */
const home = (version: number) =>
  `{% layout 'layout' %}\n{% block content %}\n<p class="marqueur">version ${version}</p>\n<p class="rendu">{{ 'now' | date: '%s%L' }}</p>\n{% endblock %}`;

function shown(html: string): { version: string | undefined; renderedAt: string | undefined } {
  return { version: /<p class="marqueur">version (\d+)<\/p>/.exec(html)?.[1], renderedAt: /<p class="rendu">(\d+)<\/p>/.exec(html)?.[1] };
}

async function serverUrl(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const url = /écoute sur (http:\/\/127\.0\.0\.1:\d+),/.exec(output())?.[1];
    if (url) return url;
    assert.ok(child.exitCode === null, `the server exited: ${output()}`);
    assert.ok(Date.now() < deadline, `the server did not start: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('tisse theme reload: the running server reads the changed override and drops the page it had cached', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-reload-'));
  mkdirSync(join(dataDir, 'theme'));
  const override = join(dataDir, 'theme', 'home.liquid');
  writeFileSync(override, home(1));
  const env = environment(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--no-demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  try {
    const url = await serverUrl(child, () => output);
    const page = async (path: string) => {
      const response = await fetch(url + path);
      assert.equal(response.status, 200, `${path}: ${output}`);
      return shown(await response.text());
    };

    const first = await page('/');
    assert.equal(first.version, '1');
    assert.ok(first.renderedAt);
    assert.deepEqual(await page('/'), first, 'the home page is served from the page cache');

    writeFileSync(override, home(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = await page('/?apres-modification');
    assert.notEqual(fresh.renderedAt, first.renderedAt, 'another address: rendered now, not taken from the cache');
    assert.equal(fresh.version, '1', 'outside development the server keeps the templates it parsed');
    assert.deepEqual(await page('/'), first);

    assert.equal(readFileSync(join(dataDir, 'tisse.pid'), 'utf8').trim(), String(child.pid));
    const reload = spawnSync(process.execPath, ['--import', 'tsx', cli, 'theme', 'reload'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(reload.status, 0, reload.stderr);
    assert.equal(reload.stdout.trim(), `Signal de rechargement envoyé au serveur (processus ${child.pid}).`);

    // The signal is handled between requests: ask until the new template shows, for a few seconds at most.
    const deadline = Date.now() + 10_000;
    let after = await page('/');
    while (after.version !== '2' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await page('/');
    }
    assert.equal(after.version, '2', `the reload was not followed: ${output}`);
    assert.notEqual(after.renderedAt, first.renderedAt);
    assert.equal((await page('/?apres-modification')).version, '2', 'every cached page was dropped');
    assert.match(output, /"msg":"theme reload"/);
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  }
  // A server that stopped removed its pid file: the reload says there is none to tell.
  assert.equal(existsSync(join(dataDir, 'tisse.pid')), false);
  const none = spawnSync(process.execPath, ['--import', 'tsx', cli, 'theme', 'reload'], { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(none.status, 0, none.stderr);
  assert.match(none.stdout, /^Aucun serveur en marche trouvé \(.*tisse\.pid\)/);
  rmSync(dataDir, { recursive: true, force: true });
});
