// Issue 20, sign-up with double opt-in, on both databases, through a real server and a real SMTP receiver on
// loopback read with mailparser: the form → the confirmation mail → its link → confirmed; and every bad input
// with its French message: malformed and overlong addresses, a header injection in the name, the honeypot, a
// replayed token, a replayed or expired link, and the limits per address and per IP that keep Tisse from
// mail-bombing a stranger.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { saveList } from '../../src/newsletter/index.ts';
import { confirmationToken, newsletterSecret } from '../../src/newsletter/links.ts';
import { linkIn, postForm, signupToken } from './helpers.ts';

forEachDialect('newsletter sign-up', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox;
  let listId: number;
  let ip = 0;
  /** Each test posts as its own client (a header the trusted loopback proxy passes), so the per-IP limit is tested alone. */
  const nextIp = () => ({ 'x-forwarded-for': `192.0.2.${++ip}` });

  before(async () => {
    mailbox = await startMailbox();
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, TISSE_TRUSTED_PROXIES: '127.0.0.1' } });
    listId = await saveList(site.db, { name: 'La lettre mensuelle', description: 'Nos publications du mois' });
    await saveList(site.db, { name: 'Actualités de la rubrique ESS' });
  });
  after(async () => {
    await site.close();
    await mailbox.close();
  });

  const subscriber = (email: string) => site.db.kysely.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

  async function waitForMail(to: string) {
    for (let i = 0; i < 100; i++) {
      await site.jobs.runDue();
      const mail = mailbox.received.find((m) => m.to.includes(to));
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no mail for ${to}`);
  }

  test('every page offers the sign-up in « Nous suivre », and /lettre shows the lists and the consent sentence', async () => {
    const home = await (await site.get('/')).text();
    assert.match(home, /<form class="follow-us__newsletter" method="post" action="\/lettre">/);
    const page = await site.get('/lettre');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /La lettre mensuelle/);
    assert.match(html, /Actualités de la rubrique ESS/);
    assert.match(html, /J’accepte de recevoir la lettre d’information/);
  });

  test('the footer’s address comes back as the whole form to confirm, kept as typed', async () => {
    const response = await postForm(site, '/lettre', { email: 'footer@example.org' }, nextIp());
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /value="footer@example.org"/);
    assert.match(html, /name="token" value="[^"]+"/);
    assert.match(html, /confirmez votre inscription/);
    assert.equal(await subscriber('footer@example.org'), undefined, 'nothing recorded before the person confirms the form');
  });

  test('sign-up → confirmation mail → link → confirmed; the link is good once', async () => {
    const token = await signupToken(site);
    const response = await postForm(site, '/lettre', { email: ' Lea@Example.org ', name: 'Léa', lists: String(listId), token }, nextIp());
    assert.equal(response.status, 200);
    assert.match(await response.text(), /Vérifiez votre boîte aux lettres/);
    const pending = await subscriber('lea@example.org');
    assert.equal(pending?.status, 'pending');
    assert.equal(pending?.consent_source, '/lettre');
    assert.match(pending!.consent_text, /J’accepte/);
    assert.ok(pending?.consent_at);

    const mail = await waitForMail('lea@example.org');
    assert.match(mail.subject, /^Confirmez votre inscription/);
    assert.match(mail.text, /« La lettre mensuelle »/);
    const link = linkIn(mail.text, site, '/lettre/confirmer/');
    // Opening the link (as a mail scanner does) asks, and confirms nobody.
    const asked = await site.get(link);
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /Recevoir nos lettres à l’adresse lea@example.org \?/);
    assert.equal((await subscriber('lea@example.org'))?.status, 'pending');
    const confirmed = await site.get(link, { method: 'POST' });
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /Inscription confirmée/);
    const row = await subscriber('lea@example.org');
    assert.equal(row?.status, 'confirmed');
    const subscription = await site.db.kysely.selectFrom('newsletter_subscriptions').selectAll().where('subscriber_id', '=', row!.id).executeTakeFirstOrThrow();
    assert.ok(subscription.confirmed_at);

    for (const method of ['GET', 'POST']) {
      const replayed = await site.get(link, { method });
      assert.equal(replayed.status, 410, method);
      assert.match(await replayed.text(), /Ce lien de confirmation a déjà servi/);
    }
  });

  test('an expired or forged confirmation link says so and confirms nothing', async () => {
    const token = await signupToken(site);
    await postForm(site, '/lettre', { email: 'tard@example.org', lists: String(listId), token }, nextIp());
    const row = await subscriber('tard@example.org');
    const old = confirmationToken(await newsletterSecret(site.db), row!.id, Date.now() - 100 * 3_600_000);
    const expired = await site.get(`/lettre/confirmer/${old}`, { method: 'POST' });
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /Ce lien de confirmation a expiré/);
    const forged = await site.get(`/lettre/confirmer/${old.slice(0, -3)}abc`, { method: 'POST' });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /Ce lien n’est pas valide/);
    assert.equal((await subscriber('tard@example.org'))?.status, 'pending');
  });

  test('bad input: each refused with its French message, nothing written', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ email: 'pas-une-adresse' }, /Cette adresse email n’est pas valide/],
      [{ email: 'a@b' }, /Cette adresse email n’est pas valide/],
      [{ email: `${'x'.repeat(250)}@example.org` }, /Cette adresse email est trop longue/],
      [{ email: 'jean@example.org\r\nBcc: victime@example.net' }, /Cette adresse email n’est pas valide/],
      [{ email: 'jean@example.org', name: 'Jean\r\nBcc: victime@example.net' }, /ni retour à la ligne ni caractère de contrôle/],
      [{ email: 'jean@example.org', name: 'J'.repeat(101) }, /Votre nom est trop long/],
      [{ email: 'jean@example.org', lists: '' }, /Choisissez au moins une lettre/],
      [{ email: 'jean@example.org', lists: '999999' }, /n’existe pas ou n’est plus proposée/],
      [{ email: 'jean@example.org', site_web: 'http://spam.example' }, /un champ réservé aux robots/],
      [{ email: 'jean@example.org', token: 'v1.faux.jeton' }, /Ce formulaire n’est pas valide ou a expiré/],
    ];
    for (const [fields, message] of cases) {
      const token = await signupToken(site);
      const response = await postForm(site, '/lettre', { lists: String(listId), token, ...fields }, nextIp());
      assert.equal(response.status, 400, JSON.stringify(fields));
      assert.match(await response.text(), message, JSON.stringify(fields));
    }
    const rows = await site.db.kysely.selectFrom('newsletter_subscribers').select('email').where('email', 'like', '%jean%').execute();
    assert.deepEqual(rows, []);
    assert.equal(mailbox.received.filter((m) => m.to.some((to) => /victime|jean/.test(to))).length, 0);
  });

  test('a form token signs up once', async () => {
    const token = await signupToken(site);
    const headers = nextIp();
    assert.equal((await postForm(site, '/lettre', { email: 'une-fois@example.org', lists: String(listId), token }, headers)).status, 200);
    const again = await postForm(site, '/lettre', { email: 'deux-fois@example.org', lists: String(listId), token }, headers);
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Ce formulaire a déjà été envoyé/);
    assert.equal(await subscriber('deux-fois@example.org'), undefined);
  });

  test('nobody can make Tisse mail-bomb a stranger: three confirmation mails a day per address, ten sign-ups an hour per IP', async () => {
    const before = mailbox.received.length;
    for (let i = 0; i < 3; i++) {
      const response = await postForm(site, '/lettre', { email: 'cible@example.net', lists: String(listId), token: await signupToken(site) }, nextIp());
      assert.equal(response.status, 200);
    }
    const fourth = await postForm(site, '/lettre', { email: 'cible@example.net', lists: String(listId), token: await signupToken(site) }, nextIp());
    assert.equal(fourth.status, 429);
    assert.match(await fourth.text(), /Trop de demandes pour cette adresse aujourd’hui/);
    for (let i = 0; i < 30; i++) await site.jobs.runDue();
    assert.equal(mailbox.received.filter((m) => m.to.includes('cible@example.net')).length, 3);
    assert.ok(mailbox.received.length >= before + 3);

    const headers = nextIp();
    for (let i = 0; i < 10; i++) {
      const response = await postForm(site, '/lettre', { email: `ip${i}@example.org`, lists: String(listId), token: await signupToken(site) }, headers);
      assert.equal(response.status, 200);
    }
    const eleventh = await postForm(site, '/lettre', { email: 'ip10@example.org', lists: String(listId), token: await signupToken(site) }, headers);
    assert.equal(eleventh.status, 429);
    assert.match(await eleventh.text(), /Trop d’inscriptions depuis votre connexion/);
  });
});
