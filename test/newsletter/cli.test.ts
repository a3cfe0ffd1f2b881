// `tisse newsletter list|import|export|digest` as an operator runs it, on both databases: the import refuses a
// file with a bad row (each named with its line, exit 1, nothing written) and imports a good one; the export
// writes CSV; a list's first digest carries its latest articles and --send queues it for the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachDialect, openTestDatabase } from '../helpers/database.ts';
import { saveList } from '../../src/newsletter/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { createArticle } from '../../src/articles/index.ts';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');

forEachDialect('tisse newsletter', (dialect) => {
  test('list, import (all or nothing), export, digest --send', { timeout: 240_000 }, async () => {
    const t = await openTestDatabase(dialect);
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TISSE_')));
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', cli, 'newsletter', ...args], {
          env: { ...env, TISSE_DATA_DIR: t.dataDir, ...(t.url ? { TISSE_DATABASE_URL: t.url } : {}), TISSE_LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 60_000,
        });
      const listId = await saveList(t.db, { name: 'La lettre', digestSize: 2 });
      const section = await createSection(t.db, { title: 'Actualités' });
      for (const title of ['Premier', 'Deuxième', 'Troisième']) await createArticle(t.db, { sectionId: section.id, title, status: 'published', authorIds: [t.adminId], createdBy: t.adminId });

      const bad = join(t.dataDir, 'mauvais.csv');
      writeFileSync(bad, 'email,nom\nlea@example.org,Léa\nlea-at-example.org,Léa\n');
      const refused = run('import', bad, '--list', 'La lettre', '--consent');
      assert.equal(refused.status, 1, refused.stdout);
      assert.match(refused.stderr, /ligne 3 : Cette adresse email n’est pas valide/);
      assert.match(refused.stderr, /Rien n’a été importé : 1 ligne\(s\) à corriger/);

      const good = join(t.dataDir, 'bon.csv');
      writeFileSync(good, 'email,nom\nlea@example.org,Léa\npaul@example.org,Paul\n');
      const imported = run('import', good, '--list', String(listId), '--consent');
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /Import terminé : 2 confirmé\(s\)/);

      const listed = run('list');
      assert.equal(listed.status, 0, listed.stderr);
      assert.match(listed.stdout, /La lettre\t2 confirmé\(s\)\t0 en attente/);

      const exported = run('export', '--list', 'La lettre');
      assert.equal(exported.status, 0, exported.stderr);
      assert.match(exported.stdout, /^email,nom,statut/);
      assert.match(exported.stdout, /lea@example.org,Léa,confirmed/);

      const unknown = run('digest', '--list', 'Inconnue');
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /Liste inconnue : Inconnue/);

      const digest = run('digest', '--list', 'La lettre', '--send');
      assert.equal(digest.status, 0, digest.stderr);
      assert.match(digest.stdout, /La lettre : résumé n° \d+ envoyé/);
      const issue = await t.db.kysely.selectFrom('newsletter_issues').selectAll().executeTakeFirstOrThrow();
      assert.equal(issue.status, 'scheduled');
      assert.equal(JSON.parse(issue.article_ids).length, 2, 'a first digest carries the latest articles, as many as the list sets');
      const job = await t.db.kysely.selectFrom('jobs').select('type').where('type', '=', 'newsletter-start').executeTakeFirst();
      assert.ok(job, 'queued for the server');
    } finally {
      await t.close();
    }
  });
});
