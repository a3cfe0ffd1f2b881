// Issue 15, items 9–13, on both databases: bad input answers 400/404 and writes nothing (one validated
// operation, one transaction), dates are real calendar dates compared as dates, bodies are bounded before they
// are read, preview work is bounded, a session cookie, valid or not, does not bypass the page cache, a GET writes nothing,
// and back-office forms refuse invalid UTF-8 as the forum does. test/fuzz.test.ts generalises these to every route.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, postForm, type Session } from './helpers/back-office.ts';
import { changedTables, rowSnapshot } from './helpers/row-snapshot.ts';
import { createArticle } from '../src/articles/index.ts';
import { createSection } from '../src/sections/index.ts';

/** Sends raw bytes and resolves with the status line's code, or 'timeout' when nothing came back in `ms`. */
function rawRequest(site: TestSite, head: string, body: Buffer | string, ms = 3000): Promise<number | 'timeout'> {
  return new Promise((resolve, reject) => {
    const socket = connect(site.port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, ms);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (received) resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
      else reject(error);
    });
    socket.write(head.replaceAll('\n', '\r\n') + '\r\n\r\n');
    socket.write(body);
  });
}

forEachDialect('bad input (issue 15)', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let sectionId: number;
  let articleId: number;

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Tribunes' })).id;
    articleId = (await createArticle(site.db, { sectionId, title: 'Publié', status: 'published' })).id;
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  async function refusedWithoutWrite(fields: Record<string, string | string[]>, path = '/ecrire/articles/nouveau'): Promise<number> {
    const before = await rowSnapshot(site.db);
    const response = await postForm(site, admin, path, fields);
    await response.text();
    assert.deepEqual(changedTables(before, await rowSnapshot(site.db)), [], `${JSON.stringify(fields).slice(0, 80)}: no row changed`);
    return response.status;
  }

  test('item 9: creating an article is one operation — every refusal is 400 and leaves no draft', async () => {
    const base = { title: 'Brouillon', sectionId: String(sectionId) };
    const bads: Record<string, string>[] = [
      { writtenAt: 'abc' },
      { publishedAt: '10000-01-01T00:00' },
      { keywordIds: 'abc' },
      { authorIds: '-3' },
      { authorIds: '99999999999999999999' },
      { forumMode: 'xyz' },
      { sectionId: '' },
      { sectionId: '-1' },
      { sectionId: 'abc' },
      { sectionId: '99999' },
      { text: 'nul \u0000 ici' },
      { relatedIds: '424242' },
    ];
    for (const bad of bads) {
      assert.equal(await refusedWithoutWrite({ ...base, ...bad }), 400, JSON.stringify(bad));
    }
    const created = await postForm(site, admin, '/ecrire/articles/nouveau', { ...base, writtenAt: '2024-02-29T10:00', forumMode: 'pos' });
    assert.equal(created.status, 303);
  });

  test('item 9: saving an article that has no author is not a 500', async () => {
    const orphan = await createArticle(site.db, { sectionId, title: 'Sans auteur', authorIds: [] });
    const saved = await postForm(site, admin, `/ecrire/articles/${orphan.id}`, { title: 'Sans auteur', sectionId: String(sectionId) });
    assert.equal(saved.status, 303);
  });

  test('item 9: ids no column can hold, and NUL in a path, are 400/404, never 500', async () => {
    const asAdmin = { headers: { cookie: admin.cookie } };
    assert.equal((await site.get(`/forum/ecrire/${articleId}?repondre=abc`)).status, 400);
    assert.equal((await site.get('/spip.php?id_article=99999999999999999999')).status, 404);
    assert.equal((await site.get('/article99999999999999999999.html')).status, 404);
    assert.equal((await site.get('/auteur/e%00')).status, 400);
    assert.equal((await site.get('/ecrire/articles/99999999999999999999', asAdmin)).status, 404);
    assert.equal((await site.get('/ecrire/rubriques/9999999999', asAdmin)).status, 404);
    assert.equal((await site.get(`/ecrire/articles/${articleId}/revisions?a=abc`, asAdmin)).status, 404);
    // A page number past any list is no page: the lists' 404 (decision 017), never a 500.
    assert.equal((await site.get('/recherche?q=soin&page=99999999999999999999')).status, 404);
    assert.equal(await refusedWithoutWrite({ action: 'validate', ids: ['1', '99999999999999999999'] }, '/ecrire/forum/moderer'), 400);
    const forum = await site.get('/forum/poster', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `article=${articleId}&parent=99999999999999999999&text=x` });
    assert.equal(forum.status, 404);
  });

  test('item 10: dates are real calendar dates within bounds, compared as dates', async () => {
    const base = { title: 'Daté', sectionId: String(sectionId) };
    for (const date of ['2024-02-30T10:00', '2024-13-45T99:99', '2023-02-29T10:00', '0999-12-31T10:00', '+275760-09-13T00:00']) {
      assert.equal(await refusedWithoutWrite({ ...base, publishedAt: date }), 400, date);
      assert.equal(await refusedWithoutWrite({ ...base, writtenAt: date }), 400, date);
    }
    assert.equal(await refusedWithoutWrite({ action: 'schedule', publishAt: '2099-02-30T10:00' }, `/ecrire/articles/${articleId}/statut`), 400);
    // An article dated far in the future, as written before dates were bounded, is not public now.
    const future = await createArticle(site.db, { sectionId, title: 'Futur lointain', status: 'published' });
    await site.db.write((trx) => trx.updateTable('articles').set({ published_at: '+275760-09-13T00:00:00.000Z' }).where('id', '=', future.id).execute());
    assert.equal((await site.get('/futur-lointain')).status, 404);
  });

  test('item 11: a body over the route’s limit is answered 413 before it is read', async () => {
    // Headers announce 45 MB and only a few bytes follow: the answer must not wait for the rest.
    const login = await rawRequest(site, `POST /ecrire/login HTTP/1.1\nHost: 127.0.0.1\nOrigin: ${site.url}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${45 * 1024 * 1024}`, 'email=a');
    assert.equal(login, 413);
    const forum = await rawRequest(site, `POST /forum/poster HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${10 * 1024 * 1024}`, 'text=a');
    assert.equal(forum, 413);
    // Without a declared length, the body is counted as it streams: refused past 8 KB, not buffered whole.
    const chunk = 'a'.repeat(16 * 1024);
    const chunked = await rawRequest(site, `POST /ecrire/login HTTP/1.1\nHost: 127.0.0.1\nOrigin: ${site.url}\nContent-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked`, `${chunk.length.toString(16)}\r\nemail=${chunk.slice(6)}\r\n`);
    assert.equal(chunked, 413);
    // Eight concurrent 45 MB logins cost no memory: nothing is read.
    const rss = process.memoryUsage().rss;
    const big = Buffer.alloc(4 * 1024 * 1024, 0x61);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => rawRequest(site, `POST /ecrire/login HTTP/1.1\nHost: 127.0.0.1\nOrigin: ${site.url}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${45 * 1024 * 1024}`, big)),
    );
    assert.deepEqual(answers, Array(8).fill(413));
    assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024, 'no body was buffered');
    // The site still answers on a fresh connection.
    assert.equal((await site.get('/ecrire/login')).status, 200);
  });

  test('item 12: a preview too long to render on request is refused at once', async () => {
    const started = performance.now();
    const big = await postForm(site, admin, '/ecrire/articles/apercu', { title: 'Table', text: '| a | b |\n'.repeat(40_000) });
    assert.equal(big.status, 413);
    assert.match(await big.text(), /trop long pour un aperçu/);
    assert.ok(performance.now() - started < 2000, 'refused without rendering');
    const small = await postForm(site, admin, '/ecrire/articles/apercu', { title: 'Table', text: '| a | b |\n'.repeat(100) });
    assert.equal(small.status, 200);
  });

  test('item 12 (issue 19): a session changes nothing to a public page: readers and team members get the cached page', async () => {
    const path = '/publie';
    const first = await (await site.get(path)).text();
    // Changed behind the application's back (no db.write, so the cache is not told): a cached answer shows the old title.
    await site.db.kysely.updateTable('articles').set({ title: 'Titre changé en douce' }).where('id', '=', articleId).execute();
    for (const cookie of ['tisse_session=bogus', admin.cookie]) {
      const response = await site.get(path, { headers: { cookie } });
      assert.equal(response.headers.get('set-cookie'), null, 'nothing personal in a public page');
      assert.equal(await response.text(), first, `${cookie.slice(0, 14)}…: the page every reader gets`);
    }
    await site.db.kysely.updateTable('articles').set({ title: 'Publié' }).where('id', '=', articleId).execute();
  });

  test('item 13: opening the editor writes nothing; the lock is an explicit POST', async () => {
    const before = await rowSnapshot(site.db);
    assert.equal((await site.get(`/ecrire/articles/${articleId}`, { headers: { cookie: admin.cookie } })).status, 200);
    assert.deepEqual(changedTables(before, await rowSnapshot(site.db)), []);
    assert.equal((await postForm(site, admin, `/ecrire/articles/${articleId}/verrou`, {})).status, 204);
    assert.deepEqual(changedTables(before, await rowSnapshot(site.db)), ['edit_locks']);
  });

  test('item 13: back-office forms refuse invalid UTF-8 instead of replacing it', async () => {
    const send = (body: Buffer | string) =>
      site.get('/ecrire/rubriques/nouvelle', {
        method: 'POST',
        headers: { origin: site.url, cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
    for (const body of [
      `_csrf=${encodeURIComponent(admin.csrf)}&title=Caf%FF`,
      Buffer.concat([Buffer.from(`_csrf=${encodeURIComponent(admin.csrf)}&title=Caf`), Buffer.from([0xc3, 0x28])]),
      `_csrf=${encodeURIComponent(admin.csrf)}&title=nul%00`,
    ]) {
      const before = await rowSnapshot(site.db);
      const response = await send(body);
      assert.equal(response.status, 400);
      assert.match(await response.text(), /UTF-8/);
      assert.deepEqual(changedTables(before, await rowSnapshot(site.db)), []);
    }
    // The same field sent as multipart, with bytes that are not UTF-8.
    const boundary = 'XyZ';
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCaf`),
      Buffer.from([0xff]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const refused = await site.get('/ecrire/rubriques/nouvelle', {
      method: 'POST',
      headers: { origin: site.url, cookie: admin.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array(multipart),
    });
    assert.equal(refused.status, 400);
  });
});
