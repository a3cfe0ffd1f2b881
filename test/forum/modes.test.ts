// The forum contract on both databases: every moderation mode and transition, threads, anti-spam rules,
// bad input (nothing stored), feeds, and a validation from the CLI in another process reaching a running server.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { ARTICLE, articleId, countMessages, formToken, logIn, logInEditor, post, setForumMode, tokenFor, tokenIn } from './helpers.ts';
import { moderateMessages } from '../../src/forum/operations/moderate-messages.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';
import { isForumRejection } from '../../src/forum/rejection.ts';
import { POLICY_KEY } from '../../src/forum/policy.ts';

const cli = join(process.cwd(), 'src', 'cli.ts');

forEachDialect('forum', (dialect) => {
  let site: TestSite;
  let id: number;
  let n = 0;
  /** A fresh poster each time, so rate limits and duplicates only trigger where a test wants them. */
  const person = () => {
    n++;
    return { name: `Lectrice ${n}`, email: `lectrice${n}@example.net`, ip: `10.0.0.${n}` };
  };
  const operator = { kind: 'operator' } as const;

  async function direct(fields: Record<string, string>, extra: { parentId?: number | null; ip?: string; honeypot?: string; token?: string } = {}) {
    const p = person();
    return postMessage(site.db, site.config, {
      articleId: id,
      parentId: extra.parentId ?? null,
      fields: { name: p.name, email: p.email, ...fields },
      token: extra.token ?? (await issueFormToken(site.db, id, extra.parentId ?? null)),
      honeypot: extra.honeypot ?? '',
      ip: extra.ip ?? p.ip,
    });
  }

  async function rejection(work: Promise<unknown>): Promise<string> {
    try {
      await work;
    } catch (error) {
      if (isForumRejection(error)) return error.reason;
      throw error;
    }
    assert.fail('the post was accepted');
  }

  before(async () => {
    site = await startTestSite(dialect);
    id = await articleId(site);
  });
  after(async () => {
    await site.close();
  });

  test('a priori: the seed wording, a preview, a thank-you, held until validated, then shown at once', async () => {
    const page = await (await site.get(ARTICLE)).text();
    assert.match(page, /Postez un commentaire/);
    assert.match(page, /modération a priori/);
    assert.match(page, /Ce forum est modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site\./);
    assert.match(page, /Qui êtes-vous \?/);
    assert.match(page, /Votre message/);
    const fields = { article: String(id), token: await tokenFor(site, page), name: 'Camille', email: 'camille@example.net', title: 'Bravo', text: 'Un {{très}} bon article.', link_url: '' };
    const preview = await post(site, { ...fields, step: 'preview' });
    assert.equal(preview.status, 200);
    const previewHtml = await preview.text();
    assert.match(previewHtml, /Aperçu de votre message/);
    assert.match(previewHtml, /Message définitif : envoyer au site/);
    assert.equal(await countMessages(site), 0, 'a preview stores nothing');
    const sent = await post(site, { ...fields, token: tokenIn(previewHtml), step: 'send' });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `/forum/merci/${id}`);
    assert.match(await (await site.get(`/forum/merci/${id}`)).text(), /Votre message sera publié après validation/);
    const row = await site.db.kysely.selectFrom('forum_messages').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.text, 'Un {{très}} bon article.');
    assert.doesNotMatch(await (await site.get(ARTICLE)).text(), /Un .*très.* bon article/);
    await site.jobs.runDue(); // the post queued the moderators' notification; its job queues the mail
    const jobs = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'mail').execute();
    assert.equal(jobs.length, 1, 'the moderators are told');
    assert.match(jobs[0]!.payload, /admin@example\.org/);
    await moderateMessages(site.db, operator, 'validate', [row.id]);
    const after = await (await site.get(ARTICLE)).text();
    assert.match(after, new RegExp(`id="forum${row.id}"`));
    assert.match(after, /Camille/);
    assert.doesNotMatch(after, /camille@example\.net/, 'the email is never shown');
  });

  test('a pending message leaves cached pages alone; its validation refreshes them', async () => {
    const etag = async () => (await site.get(ARTICLE)).headers.get('etag');
    const before = await etag();
    assert.ok(before);
    assert.equal(await etag(), before, 'served from the page cache');
    const m = await direct({ text: 'En attente, invisible.' });
    assert.equal(await etag(), before, 'nothing public changed');
    await moderateMessages(site.db, operator, 'validate', [m.id]);
    assert.notEqual(await etag(), before);
    assert.match(await (await site.get(ARTICLE)).text(), /En attente, invisible\./);
  });

  test('pending → refused and → spam keep the message off the page; delete removes it', async () => {
    const a = await direct({ text: 'Message à refuser.' });
    const b = await direct({ text: 'Message indésirable.' });
    await moderateMessages(site.db, operator, 'refuse', [a.id]);
    await moderateMessages(site.db, operator, 'spam', [b.id]);
    const statuses = await site.db.kysely.selectFrom('forum_messages').select(['id', 'status']).where('id', 'in', [a.id, b.id]).orderBy('id').execute();
    assert.deepEqual(statuses.map((s) => s.status), ['refused', 'spam']);
    const page = await (await site.get(ARTICLE)).text();
    assert.doesNotMatch(page, /Message à refuser|Message indésirable/);
    await moderateMessages(site.db, operator, 'delete', [a.id]);
    assert.equal(await site.db.kysely.selectFrom('forum_messages').select('id').where('id', '=', a.id).executeTakeFirst(), undefined);
    await assert.rejects(moderateMessages(site.db, operator, 'validate', [b.id, 999999]), { code: 'NOT_FOUND' });
    assert.equal((await site.db.kysely.selectFrom('forum_messages').select('status').where('id', '=', b.id).executeTakeFirstOrThrow()).status, 'spam', 'all or nothing');
  });

  test('a posteriori: published at once, then unpublished', async () => {
    await setForumMode(site, id, 'pos');
    try {
      const page = await (await site.get(ARTICLE)).text();
      assert.match(page, /modération a posteriori/);
      const p = person();
      const sent = await post(site, { article: String(id), token: await tokenFor(site, page), name: p.name, email: p.email, text: 'Publié tout de suite.', step: 'send' });
      assert.equal(sent.status, 303);
      assert.match(sent.headers.get('location')!, new RegExp(`^${ARTICLE}#forum\\d+$`));
      assert.match(await (await site.get(ARTICLE)).text(), /Publié tout de suite\./);
      const row = await site.db.kysely.selectFrom('forum_messages').select(['id', 'status']).where('text', '=', 'Publié tout de suite.').executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      await moderateMessages(site.db, operator, 'refuse', [row.id]);
      assert.doesNotMatch(await (await site.get(ARTICLE)).text(), /Publié tout de suite\./);
    } finally {
      await setForumMode(site, id, null);
    }
  });

  test('closed: no form, no new message, published ones still shown', async () => {
    const shown = await direct({ text: 'Écrit avant la fermeture.' });
    await moderateMessages(site.db, operator, 'validate', [shown.id]);
    const token = await formToken(site, ARTICLE);
    await setForumMode(site, id, 'non');
    try {
      const page = await (await site.get(ARTICLE)).text();
      assert.match(page, /Les commentaires sont fermés pour cet article\./);
      assert.doesNotMatch(page, /name="token"/);
      assert.match(page, /Écrit avant la fermeture\./);
      const before = await countMessages(site);
      const p = person();
      const refused = await post(site, { article: String(id), token, name: p.name, email: p.email, text: 'Trop tard ?', step: 'send' });
      assert.equal(refused.status, 403);
      assert.equal(await countMessages(site), before);
    } finally {
      await setForumMode(site, id, null);
    }
  });

  test('subscribers only: anonymous posts are refused, a logged-in account posts and is published', async () => {
    await setForumMode(site, id, 'abo');
    try {
      const page = await (await site.get(ARTICLE)).text();
      assert.match(page, /forum sur abonnement/);
      assert.match(page, new RegExp(`/forum/ecrire/${id}`));
      const anonymous = await site.get(`/forum/ecrire/${id}`);
      assert.match(await anonymous.text(), /Identifiez-vous pour participer/);
      const before = await countMessages(site);
      const token = await issueFormToken(site.db, id, null);
      const refused = await post(site, { article: String(id), token, name: 'Anonyme', email: 'anonyme@example.net', text: 'Je ne suis pas inscrit.', step: 'send' });
      assert.equal(refused.status, 401);
      assert.equal(await countMessages(site), before);
      // The login link brings the person back to this forum's form, not to the back office.
      const loginLink = /href="(\/ecrire\/login\?retour=[^"]+)"/.exec(await (await site.get(`/forum/ecrire/${id}`)).text())?.[1]?.replaceAll('&amp;', '&');
      assert.ok(loginLink, 'a login link with a return path');
      const back = new URL(loginLink, site.url).searchParams.get('retour')!;
      assert.equal(back, `/forum/ecrire/${id}`);
      const login = await site.get('/ecrire/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
        body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin', retour: back }).toString(),
      });
      assert.equal(login.status, 303);
      assert.equal(login.headers.get('location'), `/forum/ecrire/${id}`);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const formPage = await (await site.get(`/forum/ecrire/${id}`, { headers: { cookie } })).text();
      assert.match(formPage, /Vous écrivez en tant que/);
      const sent = await post(site, { article: String(id), token: tokenIn(formPage), text: 'Message d’une abonnée.', step: 'send' }, { cookie });
      assert.equal(sent.status, 303);
      const row = await site.db.kysely.selectFrom('forum_messages').select(['status', 'author_email', 'user_id']).where('text', '=', 'Message d’une abonnée.').executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.author_email, 'admin@example.org');
      assert.notEqual(row.user_id, null);
    } finally {
      await setForumMode(site, id, null);
    }
  });

  test('threads: replies nest under their parent, validation carries pending replies along, depth is capped', async () => {
    const root = await direct({ title: 'Racine', text: 'Début du fil.' });
    await moderateMessages(site.db, operator, 'validate', [root.id]);
    await assert.rejects(direct({ text: 'Réponse à un message en attente.' }, { parentId: (await direct({ text: 'En attente.' })).id }), (e) => isForumRejection(e) && e.reason === 'not_found');
    let parent = root.id;
    const chain: number[] = [];
    for (let depth = 1; depth <= 6; depth++) {
      const reply = await direct({ text: `Réponse de niveau ${depth}.` }, { parentId: parent });
      await moderateMessages(site.db, operator, 'validate', [reply.id]);
      chain.push(reply.id);
      parent = reply.id;
    }
    const rows = await site.db.kysely.selectFrom('forum_messages').select(['id', 'thread_id']).where('id', 'in', chain).execute();
    assert.ok(rows.every((r) => r.thread_id === root.id), 'every reply knows its thread');
    const page = await (await site.get(ARTICLE)).text();
    const start = page.indexOf(`id="forum${root.id}"`);
    const nesting = (page.slice(start, page.indexOf('Réponse de niveau 6.')).match(/class="forum__replies"/g) ?? []).length;
    assert.equal(nesting, 4, 'six levels of replies are shown four deep');
    // A pending reply to a pending message is validated with it.
    const pendingRoot = await direct({ text: 'Nouveau fil en attente.' });
    await moderateMessages(site.db, operator, 'validate', [pendingRoot.id]);
    const child = await direct({ text: 'Réponse en attente.' }, { parentId: pendingRoot.id });
    await moderateMessages(site.db, operator, 'refuse', [pendingRoot.id]);
    assert.equal((await site.db.kysely.selectFrom('forum_messages').select('status').where('id', '=', child.id).executeTakeFirstOrThrow()).status, 'pending', 'a reply with another status keeps it');
    const { changed } = await moderateMessages(site.db, operator, 'validate', [pendingRoot.id]);
    assert.deepEqual(changed, [pendingRoot.id]);
  });

  test('anti-spam: honeypot, forged, early and expired tokens, links, length, duplicates, rate limits', async () => {
    const before = await countMessages(site);
    assert.equal(await rejection(direct({ text: 'Je suis un robot.' }, { honeypot: 'http://spam.example' })), 'honeypot');
    assert.equal(await rejection(direct({ text: 'Jeton inventé.' }, { token: 'v1.1.0.0.abc.def' })), 'token');
    const otherArticle = await issueFormToken(site.db, id + 1000, null);
    assert.equal(await rejection(direct({ text: 'Jeton d’un autre article.' }, { token: otherArticle })), 'token');
    const old = await issueFormToken(site.db, id, null, Date.now() - 9 * 3_600_000);
    assert.equal(await rejection(direct({ text: 'Jeton périmé.' }, { token: old })), 'expired');
    const p = person();
    const early = postMessage(site.db, { ...site.config, forumMinSeconds: 60 }, { articleId: id, parentId: null, fields: { name: p.name, email: p.email, text: 'Trop rapide.' }, token: await issueFormToken(site.db, id, null), honeypot: '', ip: p.ip });
    assert.equal(await rejection(early), 'too_fast');
    assert.equal(await rejection(direct({ text: 'Voir http://a.example http://b.example [c->http://c.example] www.d.example' })), 'links');
    assert.equal(await rejection(direct({ text: 'x'.repeat(20_001) })), 'invalid');
    assert.equal(await rejection(direct({ text: 'ab' })), 'invalid');
    const twice = person();
    const fields = { name: twice.name, email: twice.email, text: 'Deux fois le même message.' };
    const send = async () =>
      postMessage(site.db, site.config, { articleId: id, parentId: null, fields, token: await issueFormToken(site.db, id, null), honeypot: '', ip: `10.1.0.${n}` });
    await send();
    assert.equal(await rejection(send()), 'duplicate');
    assert.equal(await countMessages(site), before + 1);

    await site.db.write((trx) =>
      trx.insertInto('settings').values({ key: POLICY_KEY, value: JSON.stringify({ perIp: { count: 2, minutes: 10 }, perEmail: { count: 2, minutes: 10 } }), updated_at: new Date().toISOString() }).execute(),
    );
    try {
      await direct({ text: 'Premier depuis cette adresse.' }, { ip: '192.0.2.7' });
      await direct({ text: 'Deuxième depuis cette adresse.' }, { ip: '192.0.2.7' });
      assert.equal(await rejection(direct({ text: 'Troisième depuis cette adresse.' }, { ip: '192.0.2.7' })), 'rate_ip');
      const same = person();
      for (const k of [1, 2]) {
        await postMessage(site.db, site.config, { articleId: id, parentId: null, fields: { name: same.name, email: same.email, text: `Message ${k} de la même personne.` }, token: await issueFormToken(site.db, id, null), honeypot: '', ip: `198.51.100.${k}` });
      }
      const third = postMessage(site.db, site.config, { articleId: id, parentId: null, fields: { name: same.name, email: same.email.toUpperCase(), text: 'Message 3 de la même personne.' }, token: await issueFormToken(site.db, id, null), honeypot: '', ip: '198.51.100.3' });
      assert.equal(await rejection(third), 'rate_email');
    } finally {
      await site.db.write((trx) => trx.deleteFrom('settings').where('key', '=', POLICY_KEY).execute());
    }
  });

  test('a rejected post says why in French and keeps what was typed', async () => {
    const token = await formToken(site, ARTICLE);
    const response = await post(site, { article: String(id), token, name: 'Dominique', email: 'pas-une-adresse', title: 'Mon titre', text: 'Mon texte <b>gardé</b>.', step: 'preview' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /Cette adresse email n’est pas valide\./);
    assert.match(html, /value="Dominique"/);
    assert.match(html, /value="Mon titre"/);
    assert.match(html, /Mon texte &lt;b>gardé&lt;\/b>\.|Mon texte &lt;b&gt;gardé&lt;\/b&gt;\./);
    const links = await post(site, { article: String(id), token, name: 'D', email: 'd@example.net', text: 'a http://1.example b http://2.example c http://3.example d http://4.example', step: 'send' });
    assert.equal(links.status, 400);
    assert.match(await links.text(), /trop de liens/);
  });

  test('bad input: 413, 415, missing fields, invalid UTF-8, unknown or unpublished article — nothing stored', async () => {
    const before = await countMessages(site);
    const token = await formToken(site, ARTICLE);
    const base = { article: String(id), token, name: 'Alix', email: 'alix@example.net', text: 'Un message correct.', step: 'send' };
    const big = await post(site, { ...base, text: 'é'.repeat(200_000) });
    assert.equal(big.status, 413);
    assert.match(await big.text(), /trop volumineux/);
    const missing = await post(site, { article: String(id), token, step: 'send' });
    assert.equal(missing.status, 400);
    const missingHtml = await missing.text();
    assert.match(missingHtml, /Indiquez votre nom\./);
    assert.match(missingHtml, /Indiquez votre adresse email/);
    const raw = (body: string | Buffer) => site.get('/forum/poster', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    const encoded = new URLSearchParams(base).toString();
    const rawBytes = Buffer.concat([Buffer.from(encoded.replace('Un+message+correct.', '')), Buffer.from([0xff, 0xfe, 0x41])]);
    assert.equal((await raw(rawBytes)).status, 400);
    const percent = await raw(encoded.replace('Un+message', '%FF%FEmessage'));
    assert.equal(percent.status, 400);
    assert.match(await percent.text(), /UTF-8/);
    const json = await site.get('/forum/poster', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base) });
    assert.equal(json.status, 415);
    assert.equal((await post(site, { ...base, article: '999999' })).status, 404);
    assert.equal((await post(site, { ...base, article: 'abc' })).status, 404);
    const draft = await site.db.write((trx) =>
      trx
        .insertInto('articles')
        .values({ section_id: 1, slug: 'brouillon-forum', surtitle: '', title: 'Brouillon', subtitle: '', description: '', lead: '', text: 'x', postscript: '', status: 'draft', published_at: null, written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: new Date().toISOString(), updated_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const draftToken = await issueFormToken(site.db, draft.id, null);
    assert.equal((await post(site, { ...base, article: String(draft.id), token: draftToken })).status, 404);
    assert.equal(await countMessages(site), before);
  });

  test('feeds: published messages of the article and of the site, authors by name, never an email', async () => {
    const m = await direct({ title: 'Pour le flux', text: 'Texte du flux.' });
    const hidden = await direct({ title: 'Pas dans le flux', text: 'En attente.' });
    await moderateMessages(site.db, operator, 'validate', [m.id]);
    for (const path of [`/forum/article/${id}/rss.xml`, '/forum/rss.xml']) {
      const response = await site.get(path);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /application\/rss\+xml/);
      const xml = await response.text();
      assert.match(xml, /Pour le flux/);
      assert.doesNotMatch(xml, /Pas dans le flux/);
      assert.doesNotMatch(xml, /@example\.(net|org)/);
    }
    assert.ok(hidden.id > 0);
    assert.match(await (await site.get(ARTICLE)).text(), new RegExp(`href="/forum/article/${id}/rss.xml"`));
    assert.equal((await site.get('/forum/article/999999/rss.xml')).status, 404);
  });

  test('a message validated from the CLI in another process shows on the running server at once', async () => {
    const m = await direct({ text: 'Validé depuis la ligne de commande.' });
    assert.doesNotMatch(await (await site.get(ARTICLE)).text(), /Validé depuis la ligne de commande/);
    const env = { ...process.env, TISSE_LOG_LEVEL: 'silent', TISSE_DATA_DIR: site.config.dataDir, ...(site.config.databaseUrl ? { TISSE_DATABASE_URL: site.config.databaseUrl } : {}) };
    const list = spawnSync(process.execPath, ['--import', 'tsx', cli, 'forum', 'list', '--status', 'pending'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`^${m.id}\\tpending\\t`, 'm'));
    const validate = spawnSync(process.execPath, ['--import', 'tsx', cli, 'forum', 'validate', String(m.id)], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(validate.status, 0, validate.stderr);
    // PostgreSQL: the notification travels to this process's listener.
    let page = '';
    for (let k = 0; k < 50 && !page.includes('Validé depuis la ligne de commande'); k++) {
      if (k > 0) await new Promise((r) => setTimeout(r, 20));
      page = await (await site.get(ARTICLE)).text();
    }
    assert.match(page, /Validé depuis la ligne de commande/);
    const unknown = spawnSync(process.execPath, ['--import', 'tsx', cli, 'forum', 'spam', '999999'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Message introuvable/);
  });

  test('the login page sends people back to same-site paths only, never to another site', async () => {
    const cookie = await logIn(site);
    const cases: [string, string][] = [
      [`/forum/ecrire/${id}?repondre=3`, `/forum/ecrire/${id}?repondre=3`],
      ['/ecrire/articles', '/ecrire/articles'],
      ['//evil.example/', '/ecrire/'],
      ['/\\evil.example/', '/ecrire/'],
      ['/\t/evil.example/', '/ecrire/'],
      ['/.//evil.example/', '/ecrire/'],
      ['https://evil.example/', '/ecrire/'],
      ['javascript:alert(1)', '/ecrire/'],
      ['', '/ecrire/'],
    ];
    for (const [retour, expected] of cases) {
      const response = await site.get(`/ecrire/login?retour=${encodeURIComponent(retour)}`, { headers: { cookie } });
      assert.equal(response.status, 303, retour);
      assert.equal(response.headers.get('location'), expected, retour);
    }
    const login = await site.get('/ecrire/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin', retour: '//evil.example/' }).toString(),
    });
    assert.equal(login.headers.get('location'), '/ecrire/');
  });

  test('« Nom de votre site »: typed in the form, kept on a rejected post, the link text on the article, seen by moderators', async () => {
    const page = await (await site.get(ARTICLE)).text();
    assert.match(page, /Nom de votre site/);
    const base = { article: String(id), token: await tokenFor(site, page), name: 'Sacha', email: 'sacha@example.net', link_title: 'La Fabrique <coopérative>', link_url: 'https://fabrique.example/' };
    const rejected = await post(site, { ...base, text: 'x', step: 'send' });
    assert.equal(rejected.status, 400);
    assert.match(await rejected.text(), /value="La Fabrique &lt;coopérative&gt;"/);
    const sent = await post(site, { ...base, text: 'Avec le nom de mon site.', step: 'send' });
    assert.equal(sent.status, 303);
    const row = await site.db.kysely.selectFrom('forum_messages').select(['id', 'author_site_name', 'author_url']).where('text', '=', 'Avec le nom de mon site.').executeTakeFirstOrThrow();
    assert.equal(row.author_site_name, 'La Fabrique <coopérative>');
    await site.jobs.runDue();
    const mail = await site.db.kysely.selectFrom('jobs').select('payload').where('type', '=', 'mail').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.match(mail.payload, /La Fabrique <coopérative> — https:\/\/fabrique\.example\//);
    const cookie = await logIn(site);
    const queue = await (await site.get('/ecrire/forum?statut=pending', { headers: { cookie } })).text();
    assert.match(queue, /La Fabrique &lt;coopérative&gt; : https:\/\/fabrique\.example\//);
    await moderateMessages(site.db, operator, 'validate', [row.id]);
    const after = await (await site.get(ARTICLE)).text();
    assert.match(after, /<span>Sacha<\/span> — <a href="https:\/\/fabrique\.example\/" rel="nofollow ugc noopener">La Fabrique &lt;coopérative&gt;<\/a>/);
  });

  test('back-office home: forum counts among the messages each administrator moderates', async () => {
    const pending = await site.db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('kind', '=', 'public').executeTakeFirstOrThrow();
    const home = await (await site.get('/ecrire/', { headers: { cookie: await logIn(site) } })).text();
    assert.match(home, /Forum : messages des lecteurs/);
    assert.match(home, new RegExp(`href="/ecrire/forum\\?statut=pending">${Number(pending.n)} message\\(s\\) à valider`));
    // A restricted administrator of a section without this article counts none of its messages.
    const { createSection } = await import('../../src/sections/operations/create-section.ts');
    const other = await createSection(site.db, { title: 'Rubrique sans forum' });
    const { createUser } = await import('../../src/users/operations/create-user.ts');
    await createUser(site.db, { email: 'restreint@example.org', name: 'Restreint', role: 'administrator', password: 'motdepasse-restreint', sections: [other.id] });
    const restricted = await (await site.get('/ecrire/', { headers: { cookie: await logIn(site, 'restreint@example.org', 'motdepasse-restreint') } })).text();
    assert.match(restricted, /0 message\(s\) à valider/);
    const editor = await (await site.get('/ecrire/', { headers: { cookie: await logInEditor(site) } })).text();
    assert.doesNotMatch(editor, /Forum : messages des lecteurs/, 'editors do not moderate');
  });

  test('the moderation queue pages through long lists', async () => {
    const { LIST_PAGE_SIZE: QUEUE_PAGE_SIZE } = await import('../../src/web/list-query.ts');
    const have = await site.db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('kind', '=', 'public').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const missing = QUEUE_PAGE_SIZE + 5 - Number(have.n);
    await site.db.write((trx) =>
      trx
        .insertInto('forum_messages')
        .values(Array.from({ length: missing }, (_, k) => ({ kind: 'public' as const, article_id: id, thread_id: null, parent_id: null, status: 'pending' as const, title: '', text: `Message de file ${k}.`, author_name: 'File', author_email: 'file@example.net', author_url: '', user_id: null, ip: '', created_at: now, moderated_at: null, moderated_by: null })))
        .execute(),
    );
    const cookie = await logIn(site);
    const first = await (await site.get('/ecrire/forum?statut=pending', { headers: { cookie } })).text();
    assert.equal((first.match(/class="moderation-queue__item"/g) ?? []).length, QUEUE_PAGE_SIZE);
    assert.match(first, /href="\/ecrire\/forum\?statut=pending&amp;page=2" rel="next">Page suivante/);
    const second = await (await site.get('/ecrire/forum?statut=pending&page=2', { headers: { cookie } })).text();
    assert.equal((second.match(/class="moderation-queue__item"/g) ?? []).length, 5);
    assert.match(second, /Page précédente/);
    await site.db.write((trx) => trx.deleteFrom('forum_messages').where('author_email', '=', 'file@example.net').execute());
  });
});
