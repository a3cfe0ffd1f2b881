// A forum message's HTML is made once, when it is posted, and kept with the engine version (issue 19); readers
// of another version's HTML, or of a message imported without it, see it rendered anew, and the start of the
// site makes it anew in the background. Both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { articleId, setForumMode } from './helpers.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';
import { MARKUP_ENGINE_VERSION } from '../../src/markup/index.ts';
import { refreshStaleRenders } from '../../src/web/refresh-renders.ts';

forEachDialect('forum messages’ stored HTML', (dialect) => {
  let site: TestSite;
  let id: number;
  let messageId: number;
  before(async () => {
    site = await startTestSite(dialect, { env: { TISSE_PAGE_CACHE: 'off' } });
    id = await articleId(site);
    await setForumMode(site, id, 'pos');
    const posted = await postMessage(site.db, site.config, {
      articleId: id,
      parentId: null,
      fields: { name: 'Maëlle', email: 'maelle@example.net', title: 'Une question', text: 'Le {{PTCE}} de Niort existe-t-il encore ?', linkUrl: '' },
      token: await issueFormToken(site.db, id, null),
      honeypot: '',
      ip: '127.0.0.9',
    });
    messageId = posted.id;
  });
  after(() => site.close());

  const row = () => site.db.kysely.selectFrom('forum_messages').select(['html', 'html_version']).where('id', '=', messageId).executeTakeFirstOrThrow();
  const articlePage = async () => {
    const slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;
    return (await site.get(`/${slug}`)).text();
  };

  test('a posted message is stored with its HTML, which its article’s page shows', async () => {
    const stored = await row();
    assert.equal(stored.html_version, MARKUP_ENGINE_VERSION);
    assert.match(stored.html ?? '', /<strong>PTCE<\/strong>/);
    assert.ok((await articlePage()).includes(stored.html!));
  });

  test('HTML another engine version made is not shown, and the start of the site makes it anew', async () => {
    await site.db.kysely.updateTable('forum_messages').set({ html: '<p>ancien rendu</p>', html_version: 'an-older-engine' }).where('id', '=', messageId).execute();
    const page = await articlePage();
    assert.doesNotMatch(page, /ancien rendu/);
    assert.match(page, /<strong>PTCE<\/strong>/);
    const counts = await refreshStaleRenders(site.db, pino({ level: 'silent' })).done;
    assert.ok(counts.messages >= 1);
    const stored = await row();
    assert.equal(stored.html_version, MARKUP_ENGINE_VERSION);
    assert.match(stored.html ?? '', /<strong>PTCE<\/strong>/);
  });
});
