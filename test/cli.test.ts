// The `tisse` command as an operator meets it: accounts, and one clear sentence when something is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(process.cwd(), 'src', 'cli.ts');

function tisse(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    env: { ...process.env, TISSE_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tisse-cli-'));
}

test('init creates the first administrator once, with the fixed login when asked', () => {
  const dir = tempDir();
  const env = { TISSE_DATA_DIR: dir, TISSE_ADMIN_EMAIL: 'chef@example.org', TISSE_ADMIN_PASSWORD: 'un-mot-de-passe' };
  const first = tisse(['init', '--demo'], env);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /chef@example\.org/);
  assert.match(first.stdout, /Contenu de démonstration créé/);
  const second = tisse(['init'], env);
  assert.equal(second.status, 0);
  assert.match(second.stdout, /déjà un compte administrateur/);
  rmSync(dir, { recursive: true, force: true });
});

test('user add and user passwd manage accounts; bad input gets a sentence, not a stack', () => {
  const dir = tempDir();
  const env = { TISSE_DATA_DIR: dir };
  const added = tisse(['user', 'add', '--email', 'amina@example.org', '--name', 'Amina Belkacem', '--role', 'editor'], env);
  assert.equal(added.status, 0, added.stderr);
  assert.match(added.stdout, /Compte créé : amina@example\.org \(editor/);
  assert.match(added.stdout, /Mot de passe : \S{16}/);
  const again = tisse(['user', 'add', '--email', 'amina@example.org', '--name', 'Autre', '--role', 'editor'], env);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /existe déjà/);
  assert.doesNotMatch(again.stderr, /at .*\.ts:\d+/);
  const badEmail = tisse(['user', 'add', '--email', 'pas-une-adresse', '--name', 'X', '--role', 'editor'], env);
  assert.equal(badEmail.status, 1);
  assert.match(badEmail.stderr, /email/);
  const badRole = tisse(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'king'], env);
  assert.notEqual(badRole.status, 0);
  const passwd = tisse(['user', 'passwd', '--email', 'amina@example.org', '--password', 'nouveau-secret'], env);
  assert.equal(passwd.status, 0, passwd.stderr);
  const unknown = tisse(['user', 'passwd', '--email', 'nobody@example.org'], env);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /Aucun compte/);
  rmSync(dir, { recursive: true, force: true });
});

test('an unwritable data directory is one clear sentence and a non-zero exit', () => {
  const parent = tempDir();
  const file = join(parent, 'not-a-directory');
  // A regular file where the data directory should be: unwritable even for root.
  spawnSync('sh', ['-c', `echo x > ${file}`]);
  const result = tisse(['migrate'], { TISSE_DATA_DIR: join(file, 'data') });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^Erreur : Le répertoire de données .* n’est pas accessible en écriture/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  rmSync(parent, { recursive: true, force: true });
});

test('an unreachable PostgreSQL is one clear sentence and a non-zero exit', () => {
  const result = tisse(['migrate'], { TISSE_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^Erreur : La base PostgreSQL .* est injoignable/);
  assert.equal(result.stderr.trim().split('\n').length, 1);
});

test('an invalid setting names the variable', () => {
  const result = tisse(['migrate'], { TISSE_PORT: 'quatre-vingt' });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /TISSE_PORT/);
});

test('serve on a busy port says so and exits', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const dir = tempDir();
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
    env: { ...process.env, TISSE_DATA_DIR: dir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'silent' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  blocker.close();
  assert.equal(code, 1);
  assert.match(stderr, new RegExp(`Le port ${port} est déjà utilisé`));
  rmSync(dir, { recursive: true, force: true });
});

test('--help lists every command', () => {
  const result = tisse(['--help']);
  assert.equal(result.status, 0);
  for (const command of ['serve', 'init', 'migrate', 'user']) assert.match(result.stdout, new RegExp(`\\b${command}\\b`));
  assert.match(tisse(['user', 'add', '--help']).stdout, /--role/);
});

