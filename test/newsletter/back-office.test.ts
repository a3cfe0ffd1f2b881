// Issue 20, the back office (/ecrire/lettre) over HTTP on both databases, with a real SMTP receiver on loopback:
// the CSV import is all or nothing (a bad row refuses the file, each bad row named with its line; fixed, it
// imports), consent given confirms at once, none given invites to confirm by mail, an address that left is left
// alone; the export; the subscribers' search, status filter and pages; erasure that really deletes; an issue
// composed, previewed, tried on oneself, sent, and its report.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { adminPage, logIn, postForm, type Session } from '../helpers/back-office.ts';
import { saveList } from '../../src/newsletter/index.ts';
import { addSubscribers, issueStatus, runJobsUntil } from './helpers.ts';

forEachDialect('newsletter back office', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox;
  let admin: Session;
  let listId: number;

  before(async () => {
    mailbox = await startMailbox();
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    listId = await saveList(site.db, { name: 'La lettre mensuelle' });
  });
  after(async () => {
    await site.close();
    await mailbox.close();
  });

  function upload(csv: string, consent: boolean): Promise<Response> {
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('listId', String(listId));
    if (consent) form.append('consent', '1');
    form.append('file', new File([csv], 'abonnes.csv', { type: 'text/csv' }));
    return site.get('/ecrire/lettre/import', { method: 'POST', headers: { origin: site.url, cookie: admin.cookie }, body: form });
  }
  const count = async () => Number((await site.db.kysely.selectFrom('newsletter_subscribers').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

  test('a CSV with bad rows imports nothing and names each bad line; fixed, it imports, confirmed on the admin’s word', async () => {
    const before = await count();
    const bad = 'email;nom\nmarie@example.org;Marie\npas-une-adresse;Paul\njean@example.org;"Jean\r\nBcc: x@y.example"\nmarie@example.org;Encore\n';
    const refused = await upload(bad, true);
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /Rien n’a été importé : 3 ligne\(s\) à corriger/);
    assert.match(html, /Ligne 3 : Cette adresse email n’est pas valide/);
    assert.match(html, /Ligne 4 : Votre nom ne peut contenir ni retour à la ligne/);
    assert.match(html, /Ligne 6 : adresse déjà présente ligne 2/);
    assert.equal(await count(), before, 'nothing imported');

    const good = await upload('email;nom\nmarie@example.org;Marie\njean@example.org;Jean\n', true);
    assert.equal(good.status, 200);
    assert.match(await good.text(), /Import terminé : 2 adresse\(s\) confirmée\(s\), 0 invitation/);
    const marie = await site.db.kysely.selectFrom('newsletter_subscribers').selectAll().where('email', '=', 'marie@example.org').executeTakeFirstOrThrow();
    assert.equal(marie.status, 'confirmed');
    assert.match(marie.consent_source, /^import par Administrateur le \d{4}-\d{2}-\d{2}$/);
  });

  test('without the admin’s word, each address is invited to confirm; one that left is left alone', async () => {
    await addSubscribers(site.db, listId, [{ email: 'partie@example.org', status: 'unsubscribed', unsubscribed: true }]);
    const response = await upload('email\ninvite@example.org\npartie@example.org\n', false);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /0 adresse\(s\) confirmée\(s\), 1 invitation\(s\) à confirmer envoyée\(s\), 1 adresse\(s\) désinscrite\(s\)/);
    await runJobsUntil(site, async () => mailbox.received.some((m) => m.to.includes('invite@example.org')), 'invitation');
    assert.equal((await site.db.kysely.selectFrom('newsletter_subscribers').select('status').where('email', '=', 'invite@example.org').executeTakeFirstOrThrow()).status, 'pending');
    assert.equal((await site.db.kysely.selectFrom('newsletter_subscribers').select('status').where('email', '=', 'partie@example.org').executeTakeFirstOrThrow()).status, 'unsubscribed');
    assert.ok(!mailbox.received.some((m) => m.to.includes('partie@example.org')));
  });

  test('the subscribers’ list searches, filters by status, pages; the export is CSV with formulas neutralised', async () => {
    await addSubscribers(site.db, listId, Array.from({ length: 55 }, (_, i) => ({ email: `lecteur${String(i).padStart(2, '0')}@example.org` })));
    await addSubscribers(site.db, listId, [{ email: 'attente@example.org', status: 'pending' }]);
    const first = await adminPage(site, admin, '/ecrire/lettre/abonnes?statut=confirmed');
    assert.match(first, /Page 1 sur 2|1 \/ 2|page 1/i);
    assert.doesNotMatch(first, /attente@example.org/);
    const found = await adminPage(site, admin, '/ecrire/lettre/abonnes?q=LECTEUR07');
    assert.match(found, /lecteur07@example.org/);
    assert.doesNotMatch(found, /lecteur08@example.org/);
    const pending = await adminPage(site, admin, '/ecrire/lettre/abonnes?statut=pending');
    assert.match(pending, /attente@example.org/);
    const bad = await site.get('/ecrire/lettre/abonnes?statut=nimporte', { headers: { cookie: admin.cookie } });
    assert.equal(bad.status, 400);

    await site.db.kysely.updateTable('newsletter_subscribers').set({ name: '=HYPERLINK("http://x.example")' }).where('email', '=', 'lecteur00@example.org').execute();
    const csv = await site.get(`/ecrire/lettre/export?liste=${listId}`, { headers: { cookie: admin.cookie } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const text = await csv.text();
    assert.match(text, /^\uFEFF?email,nom,statut,inscrit_le,confirme_le,consentement_le,consentement_source,listes\r\n/);
    assert.match(text, /lecteur00@example.org,"'=HYPERLINK\(""http:\/\/x.example""\)",confirmed/);
  });

  test('erasing a subscriber deletes the row, their subscriptions and deliveries', async () => {
    const [id] = await addSubscribers(site.db, listId, [{ email: 'effacer@example.org' }]);
    const response = await postForm(site, admin, `/ecrire/lettre/abonnes/${id}/effacer`, {});
    assert.equal(response.status, 303);
    assert.equal(await site.db.kysely.selectFrom('newsletter_subscribers').select('id').where('email', '=', 'effacer@example.org').executeTakeFirst(), undefined);
    assert.equal(await site.db.kysely.selectFrom('newsletter_subscriptions').select('list_id').where('subscriber_id', '=', id!).executeTakeFirst(), undefined);
    assert.equal((await postForm(site, admin, `/ecrire/lettre/abonnes/${id}/effacer`, {})).status, 404);
  });

  test('an issue: composed in SPIP markup with picked articles, previewed, tried on oneself, sent, reported', async () => {
    const articles = await site.db.kysely.selectFrom('articles').select(['id', 'title']).where('status', '=', 'published').orderBy('id').limit(2).execute();
    const refused = await postForm(site, admin, '/ecrire/lettre/numeros/nouveau', { listId: String(listId), subject: '', body: 'x', articleIds: 'douze' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Indiquez des numéros d’articles/);
    const created = await postForm(site, admin, '/ecrire/lettre/numeros/nouveau', { listId: String(listId), subject: 'Lettre de décembre', body: 'Bonjour, voici {{nos nouvelles}}.', articleIds: articles.map((a) => a.id).join(', ') });
    assert.equal(created.status, 303);
    const path = created.headers.get('location')!.split('?')[0]!;
    const issueId = Number(path.split('/').pop());

    const preview = await site.get(`${path}/apercu`, { headers: { cookie: admin.cookie } });
    assert.equal(preview.status, 200);
    const html = await preview.text();
    assert.match(html, /<strong[^>]*>nos nouvelles<\/strong>/);
    for (const a of articles) assert.ok(html.includes(a.title.replace(/'/g, '’').slice(0, 12)) || html.includes(a.title.slice(0, 12)), a.title);

    assert.equal((await postForm(site, admin, `${path}/essai`, {})).status, 303);
    await runJobsUntil(site, async () => mailbox.received.some((m) => m.subject === '[Essai] Lettre de décembre'), 'test copy');
    const test = mailbox.received.find((m) => m.subject === '[Essai] Lettre de décembre')!;
    assert.deepEqual(test.to, ['admin@example.org']);
    assert.notEqual(test.html, '');

    assert.equal((await postForm(site, admin, `${path}/envoyer`, { quand: '31/12/2026' })).status, 400);
    assert.equal((await postForm(site, admin, `${path}/envoyer`, { quand: '' })).status, 303);
    await runJobsUntil(site, async () => (await issueStatus(site.db, issueId)) === 'sent', 'send');
    const report = await adminPage(site, admin, path);
    const confirmed = Number((await site.db.kysely.selectFrom('newsletter_deliveries').select((eb) => eb.fn.countAll<number | string>().as('n')).where('issue_id', '=', issueId).where('status', '=', 'sent').executeTakeFirstOrThrow()).n);
    assert.ok(confirmed >= 55);
    assert.match(report, /Bilan de l’envoi/);
    assert.match(report, new RegExp(`Envoyées</th><td>${confirmed}</td>`));
    assert.equal((await postForm(site, admin, path, { listId: String(listId), subject: 'Trop tard', body: '', articleIds: '' })).status, 409);
  });
});

forEachDialect('newsletter settings, schedules and digests by section', (dialect) => {
  let site: TestSite;
  let admin: Session;

  before(async () => {
    site = await startTestSite(dialect);
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('the consent sentence set in the back office is the one the form shows and each sign-up keeps; a bad rate is refused', async () => {
    const listId = await saveList(site.db, { name: 'Lettre' });
    const saved = await postForm(site, admin, '/ecrire/lettre/reglages', { consentText: 'J’accepte de recevoir la lettre du Labo.', ratePerMinute: '120' });
    assert.equal(saved.status, 303);
    assert.match(await (await site.get('/lettre')).text(), /J’accepte de recevoir la lettre du Labo\./);
    const refused = await postForm(site, admin, '/ecrire/lettre/reglages', { consentText: '', ratePerMinute: 'vite' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Phrase de consentement/);
    const html = await (await site.get('/lettre')).text();
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams({ email: 'preuve@example.org', lists: String(listId), token });
    assert.equal((await site.get('/lettre', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 200);
    const row = await site.db.kysely.selectFrom('newsletter_subscribers').selectAll().where('email', '=', 'preuve@example.org').executeTakeFirstOrThrow();
    assert.equal(row.consent_text, 'J’accepte de recevoir la lettre du Labo.');
  });

  test('a send at a set time waits for it; the rate spaces the batches', async () => {
    await postForm(site, admin, '/ecrire/lettre/reglages', { consentText: 'J’accepte.', ratePerMinute: '60' });
    const { newsletterSettingsSchema, saveSiteSettings, loadSiteSettings } = await import('../../src/settings/index.ts');
    await saveSiteSettings(site.db, { newsletter: { ...newsletterSettingsSchema.parse((await loadSiteSettings(site.db)).newsletter), batchSize: 2 } });
    const listId = await saveList(site.db, { name: 'Cadencée' });
    await addSubscribers(site.db, listId, Array.from({ length: 6 }, (_, i) => ({ email: `cadence${i}@example.org` })));
    const created = await postForm(site, admin, '/ecrire/lettre/numeros/nouveau', { listId: String(listId), subject: 'Plus tard', body: '', articleIds: '' });
    const path = created.headers.get('location')!.split('?')[0]!;
    const issueId = Number(path.split('/').pop());
    assert.equal((await postForm(site, admin, `${path}/envoyer`, { quand: '2099-01-15T09:30' })).status, 303);
    const issue = await site.db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId).executeTakeFirstOrThrow();
    assert.equal(issue.status, 'scheduled');
    assert.equal(issue.scheduled_at, '2099-01-15T08:30:00.000Z', 'typed in the site’s time zone (Paris)');
    await site.jobs.runDue();
    assert.equal(await issueStatus(site.db, issueId), 'scheduled', 'nothing leaves before its time');

    // Its time come, the start (the job's operation, run here without the runner, which would also run the first
    // batch) records the deliveries and spaces the batches of two at 60 messages a minute: two seconds apart.
    const { startSending } = await import('../../src/newsletter/index.ts');
    await startSending(site.db, { issueId }, site.config.siteUrl);
    assert.equal(await issueStatus(site.db, issueId), 'sending');
    const batches = await site.db.kysely.selectFrom('jobs').select(['run_at', 'payload']).where('type', '=', 'newsletter-batch').orderBy('id').execute();
    const mine = batches.filter((b) => JSON.parse(b.payload).issueId === issueId);
    assert.equal(mine.length, 3);
    const gaps = mine.slice(1).map((b, i) => Date.parse(b.run_at) - Date.parse(mine[i]!.run_at));
    for (const gap of gaps) assert.ok(Math.abs(gap - 2000) < 200, `batches ${gap} ms apart`);
  });

  test('a section’s list digests only what was published in that section and below', async () => {
    const { createSection } = await import('../../src/sections/index.ts');
    const { createArticle } = await import('../../src/articles/index.ts');
    const { buildDigest } = await import('../../src/newsletter/index.ts');
    const top = await createSection(site.db, { title: 'Économie' });
    const below = await createSection(site.db, { title: 'Coopératives', parentId: top.id });
    const elsewhere = await createSection(site.db, { title: 'Ailleurs' });
    const author = (await site.db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    const inTop = await createArticle(site.db, { sectionId: top.id, title: 'Dans la rubrique', status: 'published', authorIds: [author], createdBy: author });
    const inBelow = await createArticle(site.db, { sectionId: below.id, title: 'Dans la sous-rubrique', status: 'published', authorIds: [author], createdBy: author });
    await createArticle(site.db, { sectionId: elsewhere.id, title: 'Ailleurs', status: 'published', authorIds: [author], createdBy: author });
    const listId = await saveList(site.db, { name: 'Actualités de l’économie', sectionId: top.id, digestSize: 10 });
    const issueId = await buildDigest(site.db, listId);
    const issue = await site.db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId!).executeTakeFirstOrThrow();
    assert.deepEqual(new Set(JSON.parse(issue.article_ids)), new Set([inTop.id, inBelow.id]));
  });
});
