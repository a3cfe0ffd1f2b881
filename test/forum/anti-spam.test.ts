// The forum's anti-spam promises of issue 15 (docs/security.md, « Forum anti-spam »), on both databases, over real HTTP:
// - a cached article page carries no form token; the token of one view comes from the uncached /forum/jeton;
// - a token is refused when posted sooner than the minimum delay, and posts one message only, even at once;
// - the delay counts from the first display of the form: a preview does not restart it; without script the
//   first POST answers with the preview and a token, and the delay counts from that display;
// - identical posts sent at once store one message, the others get the duplicate answer (no 500).
// The site runs with a one-second delay (TISSE_FORUM_MIN_SECONDS) so the tests wait little.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { ARTICLE, articleId, post, tokenIn } from './helpers.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { isForumRejection } from '../../src/forum/rejection.ts';
import { POLICY_KEY } from '../../src/forum/policy.ts';

const DELAY_MS = 1_000;
/** Past the delay, with room for a slow machine's clock reads. */
const waitOutDelay = () => sleep(DELAY_MS + 150);

forEachDialect('forum anti-spam', (dialect) => {
  let site: TestSite;
  let id: number;
  let n = 0;
  /** A fresh poster and text each time, so only what a test provokes is refused. */
  const fresh = () => {
    n++;
    return { article: String(id), name: `Visiteur ${n}`, email: `visiteur${n}@example.net`, title: '', text: `Message numéro ${n} du test.` };
  };
  const stored = async (text: string) =>
    Number((await site.db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('text', '=', text).executeTakeFirstOrThrow()).n);

  before(async () => {
    site = await startTestSite(dialect, { env: { TISSE_FORUM_MIN_SECONDS: String(DELAY_MS / 1000) } });
    id = await articleId(site);
    // Every post here comes from 127.0.0.1: the per-address limit is not what these tests are about.
    await site.db.write((trx) =>
      trx
        .insertInto('settings')
        .values({ key: POLICY_KEY, value: JSON.stringify({ perIp: { count: 10_000, minutes: 1 }, perEmail: { count: 10_000, minutes: 1 } }), updated_at: new Date().toISOString() })
        .execute(),
    );
  });
  after(() => site.close());

  test('item 5: a cached article page carries no token; a bot posting what it holds, once or twice, stores nothing', async () => {
    const first = await site.get(ARTICLE);
    assert.equal(first.status, 200);
    await first.text();
    await waitOutDelay();
    const cached = await site.get(ARTICLE);
    assert.equal(cached.headers.get('etag'), first.headers.get('etag'), 'the page cache still serves the article');
    const html = await cached.text();
    const held = /name="token" value="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.equal(held, '', 'no per-view secret in a page every reader shares');
    assert.match(html, new RegExp(`data-jeton="/forum/jeton\\?article=${id}"`));
    assert.match(html, /<script src="\/assets\/forum\.js\?v=[^"]+" defer="?"?><\/script>/);
    for (const attempt of [fresh(), fresh()]) {
      const bot = await post(site, { ...attempt, token: held, step: 'send' });
      assert.equal(bot.status, 200, 'the answer is the preview, with a token of its own');
      assert.match(await bot.text(), /Aperçu de votre message/);
      assert.equal(await stored(attempt.text), 0);
    }
  });

  test('item 5: the token of one view, from the uncached /forum/jeton, is refused at once, then posts once', async () => {
    const answer = await site.get(`/forum/jeton?article=${id}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const token = await answer.text();
    assert.notEqual(await (await site.get(`/forum/jeton?article=${id}`)).text(), token, 'each view its own token');
    assert.equal((await site.get('/forum/jeton?article=999999')).status, 404);
    assert.equal((await site.get('/forum/jeton?article=abc')).status, 404);

    const message = fresh();
    const early = await post(site, { ...message, token, step: 'send' });
    assert.equal(early.status, 400);
    assert.match(await early.text(), /envoyé trop vite/);
    assert.equal(await stored(message.text), 0);
    await waitOutDelay();
    const sent = await post(site, { ...message, token, step: 'send' });
    assert.equal(sent.status, 303);
    assert.equal(await stored(message.text), 1);
    const other = fresh();
    const replay = await post(site, { ...other, token, step: 'send' });
    assert.equal(replay.status, 409, 'the same token does not post twice');
    assert.match(await replay.text(), /Ce formulaire a déjà servi/);
    assert.equal(await stored(other.text), 0);
  });

  test('item 5: one token sent ten times at once, with ten texts, stores one message', async () => {
    const token = await issueFormToken(site.db, id, null, Date.now() - 2 * DELAY_MS);
    const posts = Array.from({ length: 10 }, fresh);
    const answers = await Promise.all(posts.map((fields) => post(site, { ...fields, token, step: 'send' })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, ...Array<number>(9).fill(409)]);
    const counts = await Promise.all(posts.map((fields) => stored(fields.text)));
    assert.equal(counts.reduce((a, b) => a + b, 0), 1);
  });

  test('item 6: a quick human — « Message définitif » right after the preview is accepted, the delay counting from the form', async () => {
    const form = await (await site.get(`/forum/ecrire/${id}`)).text();
    const message = fresh();
    await waitOutDelay(); // reading and typing
    const preview = await post(site, { ...message, token: tokenIn(form), step: 'preview' });
    assert.equal(preview.status, 200);
    const sent = await post(site, { ...message, token: tokenIn(await preview.text()), step: 'send' });
    assert.equal(sent.status, 303, 'not refused as sent too fast');
    assert.equal(await stored(message.text), 1);
  });

  test('item 6: without script, the first POST shows the preview with a token; the delay counts from that display', async () => {
    for (const step of ['preview', 'send']) {
      const message = fresh();
      const first = await post(site, { ...message, token: '', step });
      assert.equal(first.status, 200, step);
      const page = await first.text();
      assert.match(page, /Aperçu de votre message/);
      assert.match(page, /Message définitif : envoyer au site/);
      assert.equal(await stored(message.text), 0, 'nothing stored before the confirmation');
      const token = tokenIn(page);
      const soon = await post(site, { ...message, token, step: 'send' });
      assert.equal(soon.status, 400);
      const soonPage = await soon.text();
      assert.match(soonPage, /envoyé trop vite/);
      assert.equal(tokenIn(soonPage), token, 'the refusal keeps the token, so the delay is not restarted');
      await waitOutDelay();
      assert.equal((await post(site, { ...message, token, step: 'send' })).status, 303);
      assert.equal(await stored(message.text), 1);
    }
  });

  test('item 7: 20 identical posts at once store one message; the others get the duplicate answer, never a 500', async () => {
    const message = fresh();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => issueFormToken(site.db, id, null, Date.now() - 2 * DELAY_MS)));
    const answers = await Promise.all(tokens.map((token) => post(site, { ...message, token, step: 'send' })));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [303, ...Array<number>(19).fill(409)]);
    const refusals = await Promise.all(answers.filter((a) => a.status === 409).map((a) => a.text()));
    assert.ok(refusals.every((html) => html.includes('Ce message a déjà été envoyé')));
    assert.equal(await stored(message.text), 1);
  });

  test('item 7: the database itself refuses a second message with the same duplicate key', async () => {
    const row = await site.db.kysely.selectFrom('forum_messages').selectAll().where('dedupe_key', 'is not', null).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    await assert.rejects(site.db.kysely.insertInto('forum_messages').values(copy).execute());
  });

  test('a duplicate is a duplicate within the window only: the same text may be posted again a day later', async () => {
    const message = fresh();
    const fields = { name: message.name, email: message.email, text: message.text };
    const at = async (when: Date) =>
      postMessage(site.db, site.config, { articleId: id, parentId: null, fields, token: await issueFormToken(site.db, id, null, when.getTime() - 2 * DELAY_MS), honeypot: '', ip: '203.0.113.9' }, when);
    const reason = (work: Promise<unknown>) => work.then(() => 'accepted', (error: unknown) => (isForumRejection(error) ? error.reason : String(error)));
    await at(new Date(Date.now() - 25 * 3_600_000));
    assert.equal(await reason(at(new Date(Date.now() - 24.5 * 3_600_000))), 'duplicate', 'within 24 hours of the first');
    assert.equal(await reason(at(new Date())), 'accepted');
    assert.equal(await reason(at(new Date())), 'duplicate', 'with another case of email too');
    assert.equal(await stored(message.text), 2);
    const expired = await site.db.kysely.selectFrom('forum_form_uses').select('nonce').where('issued_at', '<', new Date(Date.now() - 8 * 3_600_000).toISOString()).execute();
    assert.deepEqual(expired, [], 'the nonces of expired tokens are purged');
  });
});
