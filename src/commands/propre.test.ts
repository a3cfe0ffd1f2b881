// `tisse propre`: the JSONL protocol (one answer per line, in order; notes only when there are some).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { renderJsonLine } from './propre.ts';

test('jsonl: propre by default, typo on request, errors per line', () => {
  assert.deepEqual(JSON.parse(renderJsonLine('{"id":1,"text":"{{a}}"}', { lang: 'fr' })), { id: 1, html: '<p><strong>a</strong></p>' });
  assert.deepEqual(JSON.parse(renderJsonLine('{"id":2,"text":"{{a}}","fn":"typo"}', { lang: 'fr' })), { id: 2, html: '{{a}}' });
  assert.ok(JSON.parse(renderJsonLine('{"id":3,"text":"a[[n]]"}', { lang: 'fr' })).notes.includes('nb1'));
  assert.equal(JSON.parse(renderJsonLine('{"id":4,"profile":"x"}', { lang: 'fr' })).error, 'profile doit valoir article ou forum');
  assert.equal(JSON.parse(renderJsonLine('pas du json', { lang: 'fr' })).error, 'ligne JSON invalide');
});

test('tisse propre --jsonl answers every line in order', () => {
  const input = Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: i, text: `ligne {{${i}}}`, profile: i % 2 ? 'forum' : 'article' })).join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'propre', '--jsonl'], { input, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: number; html: string });
  assert.equal(lines.length, 500);
  lines.forEach((l, i) => {
    assert.equal(l.id, i);
    assert.equal(l.html, `<p>ligne <strong>${i}</strong></p>`);
  });
});
