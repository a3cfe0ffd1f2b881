// The editorial workflow over HTTP, on both databases: the transition table (every transition from its
// statuses), forbidden transitions refused with 403 for each role, scheduled publication, revisions with
// diff and restore, the edit warning, the team discussion, cross-site posts, login throttling, password reset.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, type Session } from './helpers/back-office.ts';
import { createUser } from '../src/users/operations/create-user.ts';
import { createArticle } from '../src/articles/operations/create-article.ts';
import { transitions, transitionsFrom, articleStatuses } from '../src/articles/workflow.ts';
import { loadActor } from '../src/users/permissions.ts';
import { changeArticleStatus } from '../src/articles/operations/change-article-status.ts';
import { markScheduledPublication } from '../src/articles/operations/mark-scheduled-publication.ts';
import { sha256 } from '../src/users/sessions.ts';
import { issueResetLink } from '../src/users/reset-links.ts';


function post(site: TestSite, session: Session | undefined, path: string, fields: Record<string, string | string[]>, origin = site.url): Promise<Response> {
  const body = new URLSearchParams();
  if (session) body.append('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return site.get(path, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) }, body });
}

test('the transition table: every status has its exits, trash only restores', () => {
  assert.deepEqual(transitionsFrom('draft'), ['propose', 'publish', 'schedule', 'refuse', 'trash']);
  assert.deepEqual(transitionsFrom('proposed'), ['withdraw', 'publish', 'schedule', 'refuse', 'trash']);
  assert.deepEqual(transitionsFrom('published'), ['schedule', 'unpublish', 'trash']);
  assert.deepEqual(transitionsFrom('refused'), ['publish', 'schedule', 'trash', 'reopen']);
  assert.deepEqual(transitionsFrom('trash'), ['restore']);
  for (const status of articleStatuses) for (const name of transitionsFrom(status)) assert.ok(articleStatuses.includes(transitions[name].to));
});

forEachDialect('back-office workflow', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editor: Session;
  let other: Session;
  let restricted: Session;
  let visitorSession: Session | undefined;
  let editorId: number;
  let sectionA: number;
  let sectionB: number;

  before(async () => {
    site = await startTestSite(dialect, { demo: true });
    const sections = await site.db.kysely.selectFrom('sections').select(['id', 'parent_id']).orderBy('id').execute();
    sectionA = sections.find((s) => s.parent_id === null)!.id;
    sectionB = sections.filter((s) => s.parent_id === null)[1]?.id ?? sections.at(-1)!.id;
    editorId = (await createUser(site.db, { email: 'redac@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' })).user.id;
    await createUser(site.db, { email: 'autre@example.org', name: 'Autre rédacteur', role: 'editor', password: 'motdepasse-autre' });
    await createUser(site.db, { email: 'restreint@example.org', name: 'Admin restreint', role: 'administrator', password: 'motdepasse-restreint', sections: [sectionB] });
    await createUser(site.db, { email: 'visiteur@example.org', name: 'Visiteur', role: 'visitor', password: 'motdepasse-visiteur' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    other = await logIn(site, 'autre@example.org', 'motdepasse-autre');
    restricted = await logIn(site, 'restreint@example.org', 'motdepasse-restreint');
  });
  after(() => site.close());

  test('sessions: the cookie is HttpOnly and SameSite=Lax, the database keeps only the token’s hash', async () => {
    const response = await post(site, undefined, '/ecrire/login', { email: 'admin@example.org', password: 'motdepasse-admin' });
    const setCookie = response.headers.get('set-cookie')!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/);
    const token = decodeURIComponent(/tisse_session=([^;]+)/.exec(setCookie)![1]!);
    const rows = await site.db.kysely.selectFrom('sessions').select('id').execute();
    assert.ok(rows.some((r) => r.id === sha256(token)));
    assert.ok(!rows.some((r) => r.id === token));
  });

  test('a visitor account logs in to its home and profile only, not the back office’s areas', async () => {
    const response = await post(site, undefined, '/ecrire/login', { email: 'visiteur@example.org', password: 'motdepasse-visiteur' });
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    visitorSession = { cookie, csrf: '' };
    // Decision 018: the home says what the account is for and leads to its profile.
    const home = await site.get('/ecrire/', { headers: { cookie } });
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Votre compte est celui d’un visiteur/);
    assert.equal((await site.get('/ecrire/articles', { headers: { cookie } })).status, 403);
    assert.equal((await site.get('/ecrire/')).status, 303, 'anonymous: to the login page');
  });

  test('cross-site form posts are refused, and so are posts without the session’s token', async () => {
    const draft = await createArticle(site.db, { sectionId: sectionA, title: 'Cible', authorIds: [editorId] });
    const evil = await post(site, editor, `/ecrire/articles/${draft.id}/statut`, { action: 'propose' }, 'https://evil.example');
    assert.equal(evil.status, 403);
    const noToken = await post(site, { cookie: editor.cookie, csrf: 'faux' }, `/ecrire/articles/${draft.id}/statut`, { action: 'propose' });
    assert.equal(noToken.status, 403);
    const loginFromElsewhere = await post(site, undefined, '/ecrire/login', { email: 'admin@example.org', password: 'motdepasse-admin' }, 'https://evil.example');
    assert.equal(loginFromElsewhere.status, 403);
    const row = await site.db.kysely.selectFrom('articles').select('status').where('id', '=', draft.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
  });

  test('editor writes, proposes; forbidden transitions are 403 per role; administrator publishes', async () => {
    const created = await post(site, editor, '/ecrire/articles/nouveau', { title: 'Mon article', sectionId: String(sectionA), text: 'Un texte[[Une note.]].' });
    assert.equal(created.status, 303);
    const id = Number(/articles\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const path = `/ecrire/articles/${id}/statut`;
    // Editors cannot publish, nor can another editor propose someone else's draft, nor a visitor anything.
    assert.equal((await post(site, editor, path, { action: 'publish' })).status, 403);
    assert.equal((await post(site, other, path, { action: 'propose' })).status, 403);
    assert.equal((await post(site, visitorSession, path, { action: 'propose' })).status, 403);
    // The restricted administrator administers another section only.
    assert.equal((await post(site, restricted, path, { action: 'publish' })).status, 403);
    assert.equal((await post(site, editor, path, { action: 'propose' })).status, 303);
    assert.equal((await post(site, editor, path, { action: 'propose' })).status, 409, 'already proposed');
    assert.equal((await post(site, editor, path, { action: 'refuse' })).status, 403);
    assert.equal((await post(site, other, path, { action: 'unpublish' })).status, 403);
    const home = await (await site.get('/ecrire/', { headers: { cookie: admin.cookie } })).text();
    assert.match(home, /Mon article/, 'proposed articles wait on the administrator’s home');
    assert.equal((await post(site, admin, path, { action: 'publish' })).status, 303);
    const slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    assert.equal((await site.get(`/${slug}`)).status, 200);
    // Published: its author may no longer edit it, nor trash it.
    assert.equal((await post(site, editor, `/ecrire/articles/${id}`, { title: 'Changé', sectionId: String(sectionA) })).status, 403);
    assert.equal((await post(site, editor, path, { action: 'trash' })).status, 403);
    assert.equal((await post(site, admin, path, { action: 'unpublish' })).status, 303);
    assert.equal((await site.get(`/${slug}`)).status, 404);
    assert.equal((await post(site, admin, path, { action: 'trash' })).status, 303);
    assert.equal((await site.get(`/${slug}`)).status, 410);
    assert.equal((await post(site, admin, path, { action: 'restore' })).status, 303);
    assert.equal((await site.db.kysely.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'draft');
  });

  test('restricted administrator publishes in its section and sub-sections only', async () => {
    const inB = await createArticle(site.db, { sectionId: sectionB, title: 'Dans B', authorIds: [editorId], status: 'proposed' });
    const inA = await createArticle(site.db, { sectionId: sectionA, title: 'Dans A', authorIds: [editorId], status: 'proposed' });
    assert.equal((await post(site, restricted, `/ecrire/articles/${inA.id}/statut`, { action: 'publish' })).status, 403);
    assert.equal((await post(site, restricted, `/ecrire/articles/${inB.id}/statut`, { action: 'publish' })).status, 303);
  });

  test('scheduled publication: hidden until its date, then shown; the job is queued for that moment', async () => {
    const article = await createArticle(site.db, { sectionId: sectionA, title: 'Programmé', authorIds: [editorId], status: 'proposed' });
    const adminActor = await loadActor(site.db, (await site.db.kysely.selectFrom('users').selectAll().where('email', '=', 'admin@example.org').executeTakeFirstOrThrow()));
    const soon = new Date(Date.now() + 1500).toISOString();
    assert.equal((await post(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'schedule', publishAt: '2000-01-01T10:00' })).status, 400, 'a past date cannot be scheduled');
    await changeArticleStatus(site.db, adminActor, article.id, 'schedule', { publishAt: soon, siteUrl: site.config.siteUrl });
    const job = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'publish-scheduled').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(job.run_at, soon);
    const slug = `/${article.slug}`;
    assert.equal((await site.get(slug)).status, 404);
    assert.doesNotMatch(await (await site.get('/')).text(), /Programmé/);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(soon) - Date.now() + 50));
    await markScheduledPublication(site.db, JSON.parse(job.payload));
    assert.equal((await site.get(slug)).status, 200);
    assert.match(await (await site.get('/')).text(), /Programmé/);
  });

  test('every save is a revision; history shows a word diff; restore brings the old text back', async () => {
    const created = await post(site, editor, '/ecrire/articles/nouveau', { title: 'Révisé', sectionId: String(sectionA), text: 'Le chat dort sur le canapé.' });
    const id = Number(/articles\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const page = await (await site.get(`/ecrire/articles/${id}`, { headers: { cookie: editor.cookie } })).text();
    const expected = /name="expectedUpdatedAt" value="([^"]+)"/.exec(page)![1]!;
    const saved = await post(site, editor, `/ecrire/articles/${id}`, { title: 'Révisé', sectionId: String(sectionA), text: 'Le chien dort sur le canapé.', expectedUpdatedAt: expected });
    assert.equal(saved.status, 303);
    // A save based on the old version is refused (someone saved meanwhile) and keeps what was typed.
    const stale = await post(site, editor, `/ecrire/articles/${id}`, { title: 'Révisé', sectionId: String(sectionA), text: 'Texte perdu ?', expectedUpdatedAt: expected });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Texte perdu \?/);
    const revisions = await site.db.kysely.selectFrom('revisions').select('number').where('object_type', '=', 'article').where('object_id', '=', id).orderBy('number').execute();
    const numbers = revisions.map((r) => r.number);
    assert.ok(numbers.length >= 2);
    const last = numbers.at(-1)!;
    const history = await (await site.get(`/ecrire/articles/${id}/revisions?de=${last - 1}&a=${last}`, { headers: { cookie: editor.cookie } })).text();
    assert.match(history, /<del>chat<\/del>/);
    assert.match(history, /<ins>chien<\/ins>/);
    assert.equal((await post(site, editor, `/ecrire/articles/${id}/revisions/${last - 1}/restaurer`, {})).status, 303);
    const row = await site.db.kysely.selectFrom('articles').select('text').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.text, 'Le chat dort sur le canapé.');
    assert.equal((await post(site, other, `/ecrire/articles/${id}/revisions/${last}/restaurer`, {})).status, 403);
  });

  test('edit warning when someone else opened the article; private team discussion', async () => {
    const article = await createArticle(site.db, { sectionId: sectionA, title: 'Partagé', authorIds: [editorId], status: 'proposed' });
    await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: editor.cookie } });
    // Opening the page changes nothing; the editor's script takes the lock.
    assert.doesNotMatch(await (await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: admin.cookie } })).text(), /Rédactrice a ouvert cet article/);
    assert.equal((await post(site, editor, `/ecrire/articles/${article.id}/verrou`, {})).status, 204);
    const seen = await (await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: admin.cookie } })).text();
    assert.match(seen, /Rédactrice a ouvert cet article/);
    assert.equal((await post(site, admin, `/ecrire/articles/${article.id}/discussion`, { text: 'Relu, très bien.' })).status, 303);
    assert.equal((await post(site, admin, `/ecrire/articles/${article.id}/discussion`, { text: '   ' })).status, 400);
    const page = await (await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: editor.cookie } })).text();
    assert.match(page, /Relu, très bien\./);
    const row = await site.db.kysely.selectFrom('forum_messages').select(['kind']).where('article_id', '=', article.id).executeTakeFirstOrThrow();
    assert.equal(row.kind, 'team');
  });

  test('preview endpoint renders markup with notes and warns of broken internal links', async () => {
    const response = await post(site, editor, '/ecrire/articles/apercu', { title: 'X', text: 'Voir [cet article->art99999] et une note[[La note.]].' });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /La note\./);
    assert.match(html, /Liens internes cassés/);
  });

  test('login throttling per account', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await post(site, undefined, '/ecrire/login', { email: 'autre@example.org', password: 'mauvais' })).status, 401);
    const blocked = await post(site, undefined, '/ecrire/login', { email: 'autre@example.org', password: 'motdepasse-autre' });
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /value="autre@example.org"/, 'the email typed is kept');
  });

  test('password reset: emailed link, single use', async () => {
    const asked = await post(site, undefined, '/ecrire/mot-de-passe-oublie', { email: 'redac@example.org' });
    assert.equal(asked.status, 200);
    const unknown = await post(site, undefined, '/ecrire/mot-de-passe-oublie', { email: 'personne@example.org' });
    assert.equal(unknown.status, 200, 'same answer for unknown addresses');
    const mail = await site.db.kysely.selectFrom('jobs').select('payload').where('type', '=', 'mail-reset-link').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const payload = JSON.parse(mail.payload) as { requestId: string; marker: string; mail: { to: string; text: string } };
    assert.equal(payload.mail.to, 'redac@example.org');
    // The token is drawn as the mail leaves (no SMTP server here): as the mail job does.
    const token = await issueResetLink(site.db, payload.requestId);
    const link = /\/ecrire\/reinitialiser\/[A-Za-z0-9_-]+/.exec(payload.mail.text.replace(payload.marker, token!))![0];
    assert.equal((await site.get(link)).status, 200);
    assert.equal((await post(site, undefined, link, { password: 'nouveau-secret', confirm: 'autre-chose' })).status, 400);
    assert.equal((await post(site, undefined, link, { password: 'nouveau-secret', confirm: 'nouveau-secret' })).status, 303);
    assert.equal((await post(site, undefined, link, { password: 'encore-autre', confirm: 'encore-autre' })).status, 410, 'single use');
    await logIn(site, 'redac@example.org', 'nouveau-secret');
  });
});
