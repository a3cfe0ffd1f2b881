// The backups page on both databases (issue 21, item 1): « Sauvegarder maintenant » queues a job whose archive
// the page then lists and serves as a download; the daily schedule keeps one backup queued for the next day and
// the newest N archives; a refused setting saves nothing; only the folder's own archives can be downloaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { listBackups } from '../backup/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { nowIso } from '../db/time.ts';

forEachDialect('back office: backups', (dialect) => {
  let site: TestSite;
  let admin: Session;
  const queuedBackups = () => site.db.kysely.selectFrom('jobs').select(['id', 'payload', 'run_at']).where('type', '=', 'backup').where('status', '=', 'queued').execute();
  before(async () => {
    site = await startTestSite(dialect, { demo: true });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('« Sauvegarder maintenant » writes an archive that the page lists and serves', async () => {
    assert.match(await adminPage(site, admin, '/ecrire/sauvegardes'), /Aucune sauvegarde/);
    const asked = await postForm(site, admin, '/ecrire/sauvegardes/maintenant', {});
    assert.equal(asked.status, 303);
    assert.match(await adminPage(site, admin, asked.headers.get('location')!), /Sauvegarde demandée/);
    // The site's own runner may take the job first: either way it is written within moments.
    for (let tries = 0; tries < 100 && listBackups(site.config.dataDir).length === 0; tries++) {
      await site.jobs.runDue();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [archive] = listBackups(site.config.dataDir);
    assert.ok(archive, 'an archive in backups/');
    const page = await adminPage(site, admin, '/ecrire/sauvegardes');
    assert.match(page, new RegExp(`href="/ecrire/sauvegardes/${archive.name.replaceAll('.', '\\.')}"`));
    const download = await site.get(`/ecrire/sauvegardes/${archive.name}`, { headers: { cookie: admin.cookie } });
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-disposition')!, /^attachment/);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), new Uint8Array(readFileSync(join(site.config.dataDir, 'backups', archive.name))));
    for (const name of ['tisse-20990101-000000-abcd.tar.gz', '..%2Ftisse.sqlite', 'tisse.sqlite']) {
      assert.equal((await site.get(`/ecrire/sauvegardes/${name}`, { headers: { cookie: admin.cookie } })).status, 404, name);
    }
  });

  test('the daily schedule keeps one backup queued a day ahead and the newest N archives; off removes it', async () => {
    const refused = await postForm(site, admin, '/ecrire/sauvegardes', { schedule: 'daily', keep: '0' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /entre 1 et 100/);
    assert.equal((await loadSiteSettings(site.db)).backups.schedule, 'off');
    assert.equal((await postForm(site, admin, '/ecrire/sauvegardes', { schedule: 'daily', keep: '2' })).status, 303);
    let queued = await queuedBackups();
    assert.equal(queued.length, 1);
    const ahead = Date.parse(queued[0]!.run_at) - Date.now();
    assert.ok(ahead > 23 * 3600_000 && ahead <= 24 * 3600_000, `next backup in ${ahead} ms`);
    assert.match(await adminPage(site, admin, '/ecrire/sauvegardes'), /Prochaine sauvegarde automatique/);
    // Three days pass: each scheduled run writes an archive, keeps two, and queues the next.
    for (let day = 0; day < 3; day++) {
      await site.db.write((trx) => trx.updateTable('jobs').set({ run_at: nowIso() }).where('id', '=', queued[0]!.id).execute());
      await site.jobs.runDue();
      queued = await queuedBackups();
      assert.equal(queued.length, 1, `day ${day}: the next one is queued`);
    }
    assert.equal(listBackups(site.config.dataDir).length, 2);
    assert.equal((await postForm(site, admin, '/ecrire/sauvegardes', { schedule: 'off', keep: '2' })).status, 303);
    assert.equal((await queuedBackups()).length, 0);
  });
});
