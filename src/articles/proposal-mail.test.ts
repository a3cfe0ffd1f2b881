// Proposing an article emails the administrators of its section through the job queue, on both databases and
// through a real SMTP server on loopback (issue 18, item 4): full administrators and the restricted administrators
// of that section (or of a section above it), never the proposer, never the others; each in their language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { logIn, postForm } from '../../test/helpers/back-office.ts';
import { startMailbox, type Mailbox } from '../../test/helpers/mailbox.ts';
import { startJobs } from '../jobs/start.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';
import { createArticle } from './index.ts';

forEachDialect('mail when an article is proposed', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox;
  let jobs: JobRunner;
  const sections = { top: 0, below: 0, elsewhere: 0 };
  const ids = { camille: 0, alix: 0 };

  before(async () => {
    mailbox = await startMailbox();
    site = await startTestSite(dialect, { demo: false, env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } });
    // This file drives the runner by hand: a mail leaves when the test says so.
    await site.jobs.stop();
    jobs = startJobs(site.db, site.config, site.log, { pollMs: 3_600_000 });
    sections.top = (await createSection(site.db, { title: 'Économie' })).id;
    sections.below = (await createSection(site.db, { title: 'Coopératives', parentId: sections.top })).id;
    sections.elsewhere = (await createSection(site.db, { title: 'Culture' })).id;
    ids.camille = (await createUser(site.db, { email: 'camille@example.org', name: 'Camille Rédactrice', role: 'editor', password: 'motdepasse-camille' })).user.id;
    ids.alix = (await createUser(site.db, { email: 'alix@example.org', name: 'Alix Anglophone', role: 'administrator', password: 'motdepasse-alix', sections: [sections.top] })).user.id;
    await site.db.kysely.updateTable('users').set({ lang: 'en' }).where('id', '=', ids.alix).execute();
    await createUser(site.db, { email: 'claude@example.org', name: 'Claude Culture', role: 'administrator', password: 'motdepasse-claude', sections: [sections.elsewhere] });
    const former = (await createUser(site.db, { email: 'ancien@example.org', name: 'Ancien Admin', role: 'administrator', password: 'motdepasse-ancien' })).user.id;
    await site.db.kysely.updateTable('users').set({ role: 'disabled' }).where('id', '=', former).execute();
  });
  after(async () => {
    await jobs.stop();
    await site.close();
    await mailbox.close();
  });

  /** Runs the queued jobs and returns the mails received since `from`. */
  async function deliver(from: number) {
    await jobs.runDue();
    const failed = await site.db.kysely.selectFrom('jobs').select(['last_error']).where('type', '=', 'mail').where('status', '!=', 'done').execute();
    assert.deepEqual(failed, [], 'every mail left');
    return mailbox.received.slice(from).sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
  }

  test('the section’s administrators get the title, the authors and a link to the editor; the proposer does not', async () => {
    const session = await logIn(site, 'camille@example.org', 'motdepasse-camille');
    const article = await createArticle(site.db, { sectionId: sections.below, title: 'Les SCIC à Niort', status: 'draft', authorIds: [ids.camille], createdBy: ids.camille });
    const from = mailbox.received.length;
    assert.equal((await postForm(site, session, `/ecrire/articles/${article.id}/statut`, { action: 'propose' })).status, 303);
    const mails = await deliver(from);
    assert.deepEqual(mails.map((m) => m.to), [['admin@example.org'], ['alix@example.org']], 'the full administrator and the one of a section above; not Culture’s, not a disabled account, not the proposer');

    const [french, english] = mails as [(typeof mails)[0], (typeof mails)[0]];
    assert.equal(french.subject, 'Mon site Tisse — article proposé : « Les SCIC à Niort »');
    assert.match(french.text, /^Bonjour Administrateur,/);
    assert.match(french.text, /Camille Rédactrice propose à la publication l’article « Les SCIC à Niort », dans la rubrique « Coopératives »\./);
    assert.match(french.text, /Auteurs : Camille Rédactrice/);
    assert.ok(french.text.includes(`${site.config.siteUrl}/ecrire/articles/${article.id}`), 'a link to the editor');
    assert.equal(english.subject, 'Mon site Tisse — article submitted: “Les SCIC à Niort”');
    assert.match(english.text, /^Hello Alix Anglophone,/);
    assert.match(english.text, /Camille Rédactrice submits the article “Les SCIC à Niort” for publication, in the section “Coopératives”\./);
    assert.ok(english.text.includes(`${site.config.siteUrl}/ecrire/articles/${article.id}`));
  });

  test('an administrator who proposes is not told of their own proposal; other moves send nothing', async () => {
    const alix = await logIn(site, 'alix@example.org', 'motdepasse-alix');
    const article = await createArticle(site.db, { sectionId: sections.top, title: 'Note d’Alix', status: 'draft', authorIds: [ids.alix], createdBy: ids.alix });
    const from = mailbox.received.length;
    assert.equal((await postForm(site, alix, `/ecrire/articles/${article.id}/statut`, { action: 'propose' })).status, 303);
    assert.deepEqual((await deliver(from)).map((m) => m.to), [['admin@example.org']]);
    const again = mailbox.received.length;
    for (const action of ['withdraw', 'publish', 'unpublish']) assert.equal((await postForm(site, alix, `/ecrire/articles/${article.id}/statut`, { action })).status, 303, action);
    assert.equal((await deliver(again)).length, 0, 'withdrawing, publishing, unpublishing (back to proposed) send nothing');
  });

  test('a proposal refused by the workflow queues no mail', async () => {
    const session = await logIn(site, 'camille@example.org', 'motdepasse-camille');
    const article = await createArticle(site.db, { sectionId: sections.below, title: 'Déjà proposé', status: 'proposed', authorIds: [ids.camille] });
    const queued = async () => (await site.db.kysely.selectFrom('jobs').select('id').where('type', '=', 'mail').execute()).length;
    const before = await queued();
    assert.equal((await postForm(site, session, `/ecrire/articles/${article.id}/statut`, { action: 'propose' })).status, 409);
    assert.equal(await queued(), before);
  });
});
