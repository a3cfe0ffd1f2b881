// The team's bar (issue 19): public pages are served the same to everyone, and a team member's own links come
// from /ecrire/barre, never cached. Logging in marks the browser so the page's script asks; logging out, or a
// session gone, unmarks it. Both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';

forEachDialect('the team’s bar', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editor: Session;
  let article: { id: number; slug: string };
  let section: { id: number; slug: string };
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    section = await createSection(site.db, { title: 'Analyses' });
    article = await createArticle(site.db, { sectionId: section.id, title: 'Habiter autrement', status: 'published' });
    await createUser(site.db, { email: 'redactrice@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    editor = await logIn(site, 'redactrice@example.org', 'motdepasse-redac');
  });
  after(() => site.close());

  const bar = async (session: Session | undefined, path: string) => {
    const response = await site.get(`/ecrire/barre?chemin=${encodeURIComponent(path)}`, session ? { headers: { cookie: session.cookie } } : {});
    assert.equal(response.headers.get('cache-control'), 'private, no-store');
    return { status: response.status, setCookie: response.headers.get('set-cookie') ?? '', body: (await response.json()) as { links: { label: string; href: string }[] } };
  };

  test('logging in marks the browser as a team member’s, readable by the page’s script', async () => {
    const response = await site.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin' }),
    });
    const marker = response.headers.getSetCookie().find((c) => c.startsWith('tisse_equipe='));
    assert.ok(marker, 'the team marker is set');
    assert.match(marker, /^tisse_equipe=1;/);
    assert.doesNotMatch(marker, /HttpOnly/);
  });

  test('an administrator on an article’s page gets the back office and the article’s editor', async () => {
    const { status, body } = await bar(admin, `/${article.slug}`);
    assert.equal(status, 200);
    assert.deepEqual(body.links, [
      { label: 'Espace privé', href: '/ecrire/' },
      { label: 'Modifier cet article', href: `/ecrire/articles/${article.id}` },
    ]);
    assert.deepEqual((await bar(admin, `/rubrique/${section.slug}`)).body.links.at(-1), { label: 'Modifier cette rubrique', href: `/ecrire/rubriques/${section.id}` });
  });

  test('an editor who may not edit the article is offered to see it, not to edit it', async () => {
    const { body } = await bar(editor, `/${article.slug}`);
    assert.deepEqual(body.links.at(-1), { label: 'Voir cet article dans l’espace privé', href: `/ecrire/articles/${article.id}` });
    assert.equal((await bar(editor, `/rubrique/${section.slug}`)).body.links.length, 1, 'no section to manage');
  });

  test('without a session: 401, and the marker is taken off so the script stops asking', async () => {
    const { status, setCookie, body } = await bar(undefined, `/${article.slug}`);
    assert.equal(status, 401);
    assert.deepEqual(body.links, []);
    assert.match(setCookie, /tisse_equipe=;.*Max-Age=0/);
  });

  test('logging out takes the marker off with the session', async () => {
    const response = await postForm(site, editor, '/ecrire/logout', {});
    assert.ok(response.headers.getSetCookie().some((c) => /^tisse_equipe=;.*Max-Age=0/.test(c)));
    assert.equal((await bar(editor, `/${article.slug}`)).status, 401);
  });

  test('the article’s page is the one every reader gets, with the script that asks for the bar', async () => {
    const reader = await (await site.get(`/${article.slug}`)).text();
    const member = await (await site.get(`/${article.slug}`, { headers: { cookie: admin.cookie } })).text();
    assert.equal(member, reader);
    assert.match(reader, /<script src="\/assets\/team-bar\.js\?v=[0-9a-f]+" defer/);
  });
});
