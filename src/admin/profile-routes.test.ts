// The profile page /ecrire/profil on both databases (issue 18): name and biography; the email and the password
// change only with the current password, whose wrong guesses count against the login budget; a new password
// opens the next login and ends the other sessions; "Se déconnecter partout ailleurs" ends every other session;
// the sessions are listed with their browser, address and dates, and a session's last use is written at most
// every few minutes; a visitor has a profile and a home that says what the account is for.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createUser } from '../users/index.ts';

forEachDialect('back office: my profile', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    for (const [email, role] of [
      ['plume@example.org', 'editor'],
      ['encre@example.org', 'editor'],
      ['papier@example.org', 'editor'],
      ['gomme@example.org', 'editor'],
      ['lecteur@example.org', 'visitor'],
    ] as const) {
      await createUser(site.db, { email, name: email.split('@')[0]!, role, password: `motdepasse-${email.split('@')[0]}` });
    }
  });
  after(() => site.close());

  /** Whether a session still opens the back office (a closed one is sent to the login page). */
  async function stillOpen(session: Session): Promise<boolean> {
    const response = await site.get('/ecrire/profil', { headers: { cookie: session.cookie } });
    await response.arrayBuffer();
    return response.status === 200;
  }

  async function loginStatus(email: string, password: string): Promise<number> {
    const response = await site.get('/ecrire/login', { method: 'POST', headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password }) });
    await response.arrayBuffer();
    return response.status;
  }

  test('a visitor opens a home that says what the account is for, and their profile; nothing else', async () => {
    const visitor = await logIn(site, 'lecteur@example.org', 'motdepasse-lecteur');
    const home = await adminPage(site, visitor, '/ecrire/');
    assert.match(home, /Votre compte est celui d’un visiteur/);
    assert.match(home, /href="\/ecrire\/profil"/);
    assert.doesNotMatch(home, /class="admin-nav"/, 'no menu entry a visitor could not open');
    assert.match(await adminPage(site, visitor, '/ecrire/profil'), /<h1>Mon profil<\/h1>/);
    assert.equal((await site.get('/ecrire/articles', { headers: { cookie: visitor.cookie } })).status, 403);
  });

  test('name and biography are saved; an empty name is refused in French', async () => {
    const plume = await logIn(site, 'plume@example.org', 'motdepasse-plume');
    const saved = await postForm(site, plume, '/ecrire/profil', { name: 'Camille Plume', bio: 'Chercheuse en {{économie}}.' });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), '/ecrire/profil?fait=profil');
    const page = await adminPage(site, plume, '/ecrire/profil?fait=profil');
    assert.match(page, /Votre profil est enregistré/);
    assert.match(page, /value="Camille Plume"/);
    const refused = await postForm(site, plume, '/ecrire/profil', { name: '  ', bio: '' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /nom/i);
    const row = await site.db.kysely.selectFrom('users').select(['name', 'bio']).where('email', '=', 'plume@example.org').executeTakeFirstOrThrow();
    assert.deepEqual(row, { name: 'Camille Plume', bio: 'Chercheuse en {{économie}}.' });
  });

  test('a wrong current password is refused in French, changes nothing, and counts like a failed login', async () => {
    const gomme = await logIn(site, 'gomme@example.org', 'motdepasse-gomme');
    const refused = await postForm(site, gomme, '/ecrire/profil/email', { email: 'autre@example.org', emailPassword: 'pas-le-bon' });
    assert.equal(refused.status, 401);
    const html = await refused.text();
    assert.match(html, /Ce n’est pas votre mot de passe actuel : rien n’a été changé/);
    assert.match(html, /value="autre@example.org"/, 'the typed address stays in the form');
    const counted = await site.db.kysely.selectFrom('login_throttle').select('attempts').where('key', '=', 'login:account:gomme@example.org').executeTakeFirstOrThrow();
    assert.equal(counted.attempts, 1);
    // The account's budget (5) is shared with the login form: four more wrong guesses, then both wait.
    for (let i = 0; i < 4; i++) {
      const wrong = await postForm(site, gomme, '/ecrire/profil/mot-de-passe', { currentPassword: `faux-${i}`, password: 'nouveau-secret', confirm: 'nouveau-secret' });
      assert.equal(wrong.status, 401, `guess ${i + 2}`);
    }
    const throttled = await postForm(site, gomme, '/ecrire/profil/mot-de-passe', { currentPassword: 'motdepasse-gomme', password: 'nouveau-secret', confirm: 'nouveau-secret' });
    assert.equal(throttled.status, 429);
    assert.ok(Number(throttled.headers.get('retry-after')) > 0);
    assert.match(await throttled.text(), /Trop de tentatives|attendez|réessayez/i);
    assert.equal(await loginStatus('gomme@example.org', 'motdepasse-gomme'), 429, 'the login form waits too');
    const row = await site.db.kysely.selectFrom('users').select('email').where('email', '=', 'gomme@example.org').executeTakeFirst();
    assert.ok(row, 'email unchanged');
  });

  test('the email changes with the current password, and is the login from then on', async () => {
    const encre = await logIn(site, 'encre@example.org', 'motdepasse-encre');
    const invalid = await postForm(site, encre, '/ecrire/profil/email', { email: 'pas une adresse', emailPassword: 'motdepasse-encre' });
    assert.equal(invalid.status, 400);
    const taken = await postForm(site, encre, '/ecrire/profil/email', { email: 'plume@example.org', emailPassword: 'motdepasse-encre' });
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /Un compte existe déjà pour plume@example.org/);
    const changed = await postForm(site, encre, '/ecrire/profil/email', { email: 'Encre.Nouvelle@Example.org', emailPassword: 'motdepasse-encre' });
    assert.equal(changed.status, 303);
    assert.match(await adminPage(site, encre, '/ecrire/profil?fait=email'), /Votre adresse email est changée/);
    assert.equal(await loginStatus('encre.nouvelle@example.org', 'motdepasse-encre'), 303);
    assert.equal(await loginStatus('encre@example.org', 'motdepasse-encre'), 401);
  });

  test('the password changes with the current one: the next login takes the new one, other sessions end', async () => {
    const here = await logIn(site, 'papier@example.org', 'motdepasse-papier');
    const elsewhere = await logIn(site, 'papier@example.org', 'motdepasse-papier');
    const mismatch = await postForm(site, here, '/ecrire/profil/mot-de-passe', { currentPassword: 'motdepasse-papier', password: 'nouveau-secret', confirm: 'autre-secret' });
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /Les deux mots de passe ne sont pas identiques/);
    const short = await postForm(site, here, '/ecrire/profil/mot-de-passe', { currentPassword: 'motdepasse-papier', password: 'court', confirm: 'court' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /entre 8 et 200 caractères/);
    const changed = await postForm(site, here, '/ecrire/profil/mot-de-passe', { currentPassword: 'motdepasse-papier', password: 'nouveau-secret', confirm: 'nouveau-secret' });
    assert.equal(changed.status, 303);
    assert.ok(await stillOpen(here), 'the session that changed it stays open');
    assert.ok(!(await stillOpen(elsewhere)), 'the other session is closed');
    assert.equal(await loginStatus('papier@example.org', 'motdepasse-papier'), 401);
    assert.equal(await loginStatus('papier@example.org', 'nouveau-secret'), 303);
  });

  test('sessions are listed; "Se déconnecter partout ailleurs" ends every other one', async () => {
    const login = async (userAgent: string): Promise<Session> => {
      const response = await site.get('/ecrire/login', { method: 'POST', headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': userAgent }, body: new URLSearchParams({ email: 'plume@example.org', password: 'motdepasse-plume' }) });
      const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
      const home = await (await site.get('/ecrire/profil', { headers: { cookie, 'user-agent': userAgent } })).text();
      return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
    };
    const laptop = await login('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0');
    const phone = await login('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1');
    const page = await adminPage(site, laptop, '/ecrire/profil');
    assert.match(page, /Firefox 128 · Linux<\/span><strong> \(cette session\)/);
    assert.match(page, /Safari 17 · iPhone/);
    assert.match(page, /<td>127\.0\.0\.1<\/td>/);
    assert.match(page, /Se déconnecter partout ailleurs/);
    const ended = await postForm(site, laptop, '/ecrire/profil/sessions/fermer', {});
    assert.equal(ended.status, 303);
    assert.ok(await stillOpen(laptop));
    assert.ok(!(await stillOpen(phone)));
    const after = await adminPage(site, laptop, '/ecrire/profil?fait=sessions');
    assert.match(after, /Vos autres sessions sont fermées/);
    assert.match(after, /Vos sessions \(1\)/);
    assert.match(after, /Aucune autre session n’est ouverte/);
  });

  test('a session’s last use is written when it is older than a few minutes, not at every request', async () => {
    const session = await logIn(site, 'lecteur@example.org', 'motdepasse-lecteur');
    const lastSeen = async () => (await site.db.kysely.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select('sessions.last_seen_at').where('users.email', '=', 'lecteur@example.org').orderBy('sessions.created_at', 'desc').executeTakeFirstOrThrow()).last_seen_at;
    const setAll = (iso: string) => site.db.kysely.updateTable('sessions').set({ last_seen_at: iso }).execute();
    const recent = new Date(Date.now() - 60_000).toISOString();
    await setAll(recent);
    await adminPage(site, session, '/ecrire/profil');
    assert.equal(await lastSeen(), recent, 'a minute ago: not written again');
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await setAll(old);
    await adminPage(site, session, '/ecrire/profil');
    assert.ok((await lastSeen())! > recent, 'ten minutes ago: written now');
  });
});
