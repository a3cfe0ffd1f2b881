// A petition signed the way a reader signs it, on both databases, with a real SMTP server on loopback: the form's
// token from /petition/jeton, the mail asking to confirm, the confirmation (a button: opening the link confirms
// nothing), the count and the list on the article page (cached before: it drops), the signer's choice to appear,
// and every refusal with its status and French message: the same address twice, the honeypot, a forged token,
// a bad email, a closed petition, a bad link. The back office exports the signatures as CSV.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { startMailbox, type Mailbox } from '../../test/helpers/mailbox.ts';
import { logIn } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { savePetition } from '../petitions/index.ts';

forEachDialect('petition', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox;
  let articleId: number;
  const slug = '/pour-un-tiers-lieu-a-niort';

  before(async () => {
    mailbox = await startMailbox();
    site = await startTestSite(dialect, { demo: false, env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } });
    const section = await createSection(site.db, { title: 'Mobilisations' });
    articleId = (await createArticle(site.db, { sectionId: section.id, title: 'Pour un tiers-lieu à Niort', text: 'Le projet.', status: 'published' })).id;
    await savePetition(site.db, articleId, { text: 'Nous demandons à la ville un {{lieu}} ouvert à tous.' });
  });
  after(async () => {
    await site.close();
    await mailbox.close();
  });

  async function sign(values: Record<string, string>, token?: string): Promise<Response> {
    const form = new URLSearchParams({ article: String(articleId), token: token ?? (await (await site.get(`/petition/jeton?article=${articleId}`)).text()), ...values });
    return site.get('/petition/signer', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async function mailTo(address: string) {
    await site.jobs.runDue();
    const mail = mailbox.received.find((m) => m.to.includes(address));
    assert.ok(mail, `a mail reached ${address}`);
    return mail;
  }

  async function confirmFrom(text: string): Promise<Response> {
    const link = /(https?:\/\/\S+\/petition\/confirmer\?jeton=[\w-]+)/.exec(text)?.[1];
    assert.ok(link, 'the mail holds the confirmation link');
    const path = new URL(link).pathname + new URL(link).search;
    const page = await site.get(path);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Je confirme ma signature/);
    const jeton = new URL(link).searchParams.get('jeton')!;
    return site.get('/petition/confirmer', { method: 'POST', body: new URLSearchParams({ jeton }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  test('sign, receive the mail, confirm: the count and the name appear on the article page only then', async () => {
    const before = await (await site.get(slug)).text();
    assert.match(before, /Nous demandons à la ville un <strong>lieu<\/strong> ouvert à tous/);
    assert.match(before, /Aucune signature pour l’instant/);
    assert.match(before, /data-jeton="\/petition\/jeton\?article=/, 'the cached page carries no token, its script asks for one');

    const signed = await sign({ name: 'Jeanne <b>Petit</b>', email: 'Jeanne@Example.org', site_name: 'Asso', site_url: 'https://asso.example', message: 'Oui !', shown: 'oui' });
    assert.equal(signed.status, 200);
    assert.match(await signed.text(), /Un message vient d’être envoyé à jeanne@example\.org/);
    const pending = await (await site.get(slug)).text();
    assert.match(pending, /Aucune signature pour l’instant/, 'a signature waiting for its email is not counted');
    assert.doesNotMatch(pending, /Jeanne/);

    const mail = await mailTo('jeanne@example.org');
    assert.equal(mail.subject, 'Confirmez votre signature : Pour un tiers-lieu à Niort');
    assert.match(mail.text, /Bonjour Jeanne <b>Petit<\/b>/);
    const confirmed = await confirmFrom(mail.text);
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Votre signature est confirmée/);

    const after = await (await site.get(slug)).text();
    assert.match(after, /<strong>1 signature<\/strong>/);
    assert.match(after, /<a href="https:\/\/asso\.example" rel="nofollow ugc">Jeanne &lt;b&gt;Petit&lt;\/b&gt;<\/a>/, 'the name shows escaped, linked to the site');
    assert.match(after, /Oui !/);
    assert.doesNotMatch(after, /jeanne@example\.org/i, 'the email never shows');

    const again = await confirmFrom(mail.text);
    assert.equal(again.status, 404, 'a link confirms once');
    assert.match(await again.text(), /lien de confirmation n’est pas \(ou plus\) valable/);
  });

  test('a signer who chose not to appear is counted, not listed', async () => {
    const signed = await sign({ name: 'Paul Discret', email: 'paul@example.org' });
    assert.equal(signed.status, 200);
    await confirmFrom((await mailTo('paul@example.org')).text);
    const page = await (await site.get(slug)).text();
    assert.match(page, /<strong>2 signatures<\/strong>/);
    assert.doesNotMatch(page, /Paul Discret/);
  });

  test('the same address twice is refused, saying so, whatever its case; the first signature stays alone', async () => {
    const twice = await sign({ name: 'Jeanne encore', email: 'JEANNE@example.org', shown: 'oui' });
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /Cette adresse a déjà signé cette pétition : on ne signe qu’une fois/);
    await sign({ name: 'Lou', email: 'lou@example.org', shown: 'oui' });
    const pendingTwice = await sign({ name: 'Lou', email: 'lou@example.org', shown: 'oui' });
    assert.equal(pendingTwice.status, 409);
    assert.match(await pendingTwice.text(), /un message lui a été envoyé pour confirmer la signature/);
    const rows = await site.db.kysely.selectFrom('petition_signatures').select('email').where('email', 'in', ['jeanne@example.org', 'lou@example.org']).execute();
    assert.equal(rows.length, 2);
  });

  test('bad input: a clear French message, the right status, nothing written', async () => {
    const count = async () => Number((await site.db.kysely.selectFrom('petition_signatures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const start = await count();
    const honeypot = await sign({ name: 'Robot', email: 'bot@example.com', site_web: 'http://spam.example' });
    assert.equal(honeypot.status, 400);
    const badEmail = await sign({ name: 'Anne', email: 'pas-une-adresse' });
    assert.equal(badEmail.status, 400);
    assert.match(await badEmail.text(), /Cette adresse email n’est pas valable/);
    const badSite = await sign({ name: 'Anne', email: 'anne@example.org', site_url: 'javascript:alert(1)' });
    assert.equal(badSite.status, 400);
    const forged = await sign({ name: 'Anne', email: 'anne@example.org' }, 'p1.1.0.0.abc.def');
    assert.equal(forged.status, 400);
    const forumToken = await (await site.get(`/forum/jeton?article=${articleId}`)).text();
    assert.equal((await sign({ name: 'Anne', email: 'anne@example.org' }, forumToken)).status, 400, 'a comment form’s token signs nothing');
    const noScript = await sign({ name: 'Anne', email: 'anne@example.org' }, '');
    assert.equal(noScript.status, 200, 'without script the form comes back filled, with a token');
    assert.match(await noScript.text(), /name="token" value="p1\./);
    assert.equal((await site.get('/petition/confirmer?jeton=x')).status, 404);
    assert.equal(await count(), start);
  });

  test('a closed petition shows its count and takes no signature', async () => {
    await savePetition(site.db, articleId, { text: 'Close.', status: 'closed' });
    const page = await (await site.get(slug)).text();
    assert.match(page, /Cette pétition est close/);
    assert.doesNotMatch(page, /petition-formulaire/);
    assert.equal((await site.get(`/petition/jeton?article=${articleId}`)).status, 404);
    const refused = await sign({ name: 'Tard', email: 'tard@example.org' }, 'p1.x');
    assert.equal(refused.status, 403);
    await savePetition(site.db, articleId, { text: 'Nous demandons à la ville un {{lieu}} ouvert à tous.' });
  });

  test('the back office exports every signature as CSV, formulas defused', async () => {
    const session = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const page = await site.get(`/ecrire/articles/${articleId}/petition`, { headers: { cookie: session.cookie } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /2 confirmée\(s\), 1 en attente de confirmation, 0 à la poubelle/);
    await site.db.write((trx) => trx.updateTable('petition_signatures').set({ name: '=HYPERLINK("http://x")' }).where('email', '=', 'lou@example.org').execute());
    const csv = await site.get(`/ecrire/articles/${articleId}/petition/signatures.csv`, { headers: { cookie: session.cookie } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const text = await csv.text();
    assert.match(text, /"Jeanne <b>Petit<\/b>","jeanne@example\.org","Asso","https:\/\/asso\.example","Oui !","oui","confirmée"/);
    assert.match(text, /"'=HYPERLINK\(""http:\/\/x""\)"/);
    assert.equal((await site.get(`/ecrire/articles/${articleId}/petition/signatures.csv`)).status, 303, 'nobody logged in: the login page');
  });
});
