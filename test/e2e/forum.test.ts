// The forum in Chromium, one site and one browser for both journeys (browser tests are batched to keep `npm test`
// short): a reader posts a comment through the real form with its preview, an administrator validates it in the
// back office, the reader sees it on the article; then every payload of the hostile-input corpus
// (test/fixtures/security/xss-vectors.jsonl), posted as message, name, title, site name and link and validated,
// executes nothing on the article pages, in the moderation queue, in the feeds and in the moderators' emails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xml2js, type Element as XmlElement } from 'xml-js';
import { siteInBrowser, type Page } from '../helpers/browser.ts';
import { armXssTrap, loadXssVectors, type XssTrap, type XssVector } from '../helpers/xss.ts';
import { ARTICLE } from '../forum/helpers.ts';
import { createArticle } from '../../src/articles/operations/create-article.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { moderateMessages } from '../../src/forum/operations/moderate-messages.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';
import { forumFeed } from '../../src/site/forum-feeds.ts';
import { renderRss } from '../../src/web/feed-writer.ts';
import { POLICY_KEY } from '../../src/forum/policy.ts';
import { isForumRejection } from '../../src/forum/rejection.ts';
import type { PostFields } from '../../src/forum/input.ts';
import { executableParts } from '../helpers/markup-conformance.ts';


/** Articles the corpus is spread over: a few pages holding a couple of hundred payloads each. */
const XSS_ARTICLES = 4;

const env = siteInBrowser('the forum browser tests');
const skip = env.skip;

async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${env.site.url}/ecrire/login`);
  await page.fill('#email', 'admin@example.org');
  await page.fill('#password', 'motdepasse-admin');
  await Promise.all([page.waitForURL(`${env.site.url}/ecrire/`), page.click('button[type="submit"]')]);
}

test('a reader posts with a preview, an administrator validates it in the back office, the reader sees it', { skip, timeout: 180_000 }, async () => {
  const reader = await env.browser.newPage();
  await reader.goto(env.site.url + ARTICLE);
  await reader.fill('#forum-nom', 'Camille Lectrice');
  await reader.fill('#forum-email', 'camille@example.net');
  await reader.fill('#forum-titre-message', 'Une maison bienvenue');
  await reader.fill('#forum-texte', 'Bravo pour la {{Maison de l’ESS}} de Niort !');
  await reader.fill('#forum-site-nom', 'Le blog de Camille');
  await reader.fill('#forum-site-url', 'https://camille.example/');
  // The article page is cached and carries no token: the form's script fetches the token of this view once shown.
  await reader.waitForFunction(() => document.querySelector<HTMLInputElement>('#forum-formulaire input[name="token"]')?.value.startsWith('v1.'), null, { timeout: 10_000 });
  await Promise.all([reader.waitForURL(`${env.site.url}/forum/poster`), reader.click('button[name="step"][value="preview"]')]);

  const preview = reader.locator('.forum__preview');
  assert.equal(await preview.locator('strong').innerText(), 'Maison de l’ESS', 'the preview shows the message rendered');
  assert.equal(await reader.inputValue('#forum-nom'), 'Camille Lectrice', 'what was typed is kept');
  assert.equal(await reader.inputValue('#forum-site-nom'), 'Le blog de Camille');
  await Promise.all([reader.waitForURL(/\/forum\/merci\/\d+$/), reader.click('button[name="step"][value="send"]')]);
  assert.match(await reader.locator('[role="status"]').innerText(), /Votre message sera publié après validation/);
  await reader.goto(env.site.url + ARTICLE);
  assert.equal(await reader.getByText('Bravo pour la').count(), 0, 'held until validated');

  // The test browser is one persistent context: the administrator works in another page of it, and the reader's
  // view is checked after the session cookie is cleared (and through a cookie-less fetch).
  const moderator = await env.browser.newPage();
  await logInAsAdmin(moderator);
  const home = moderator.locator('a[href="/ecrire/forum?statut=pending"]');
  assert.match(await home.innerText(), /1 message\(s\) à valider/, 'the back-office home counts it');
  await Promise.all([moderator.waitForURL(`${env.site.url}/ecrire/forum?statut=pending`), home.click()]);
  const item = moderator.locator('.moderation-queue__item', { hasText: 'Bravo pour la' });
  assert.equal(await item.locator('strong').innerText(), 'Maison de l’ESS');
  assert.match(await item.innerText(), /camille@example\.net/, 'moderators see the email');
  await Promise.all([moderator.waitForURL(/\/ecrire\/forum\?statut=pending&fait=validate&nombre=1$/), item.getByRole('button', { name: /^Valider/ }).click()]);
  assert.equal(await moderator.locator('.moderation-queue__item', { hasText: 'Bravo pour la' }).count(), 0, 'gone from the queue');

  // The reader (no session: the cached page) sees the message at once.
  const html = await (await env.site.get(ARTICLE)).text();
  assert.match(html, /Bravo pour la <strong>Maison de l’ESS<\/strong> de Niort/);
  await reader.context().clearCookies();
  await reader.goto(env.site.url + ARTICLE);
  const message = reader.locator('.forum__message', { hasText: 'Bravo pour la' });
  assert.equal(await message.locator('.forum__message-title').innerText(), 'Une maison bienvenue');
  assert.equal(await message.getByRole('link', { name: 'Le blog de Camille' }).getAttribute('href'), 'https://camille.example/');
  assert.doesNotMatch(await reader.content(), /camille@example\.net/, 'the email is never public');
  await reader.close();
  await moderator.close();
});

/** Everything in a loaded page that could run: event-handler attributes, script-like URLs, script-capable elements inside messages. */
function auditDom(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const urlish = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'cite']);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${el.tagName}[${name}]`);
        if (urlish.has(name) && /^\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\t\n\r]/g, ''))) found.push(`${el.tagName}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
    for (const el of Array.from(document.querySelectorAll(`${selector} :is(script, iframe, frame, object, embed, base, meta, link, style, form, svg, math, template, noscript)`))) {
      found.push(`<${el.tagName.toLowerCase()}> in a message`);
    }
    return found;
  }, scope);
}

/** Opens a page with the trap armed and the site's CSP switched off, so an injection would really run instead of being blocked. */
async function openTrapped(url: string): Promise<{ page: Page; trap: XssTrap }> {
  const page = await env.browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  const trap = await armXssTrap(page, env.site.url);
  await page.goto(url, { waitUntil: 'load' });
  // timers, animations and deferred handlers get their chance to fire
  await page.waitForTimeout(250);
  return { page, trap };
}

interface Posted {
  id: number;
  articleId: number;
  vector: XssVector;
  /** Fields where the payload itself was refused (and so never stored), replaced by plain text. */
  refused: (keyof PostFields)[];
}

/** Extra link payloads: the corpus is mostly not valid http(s) addresses, these are, and try to break out of href. */
const linkVectors: XssVector[] = [
  { id: 'link-quote', payload: 'https://x.example/"onmouseover="alert(1)', kind: 'html' },
  { id: 'link-tag', payload: 'https://x.example/"><script>alert(1)</script>', kind: 'html' },
  { id: 'link-single', payload: "https://x.example/'onfocus='alert(1)'autofocus='", kind: 'html' },
  { id: 'link-entity', payload: 'https://x.example/&quot;&gt;&lt;img/src/onerror=alert(1)&gt;', kind: 'html' },
];

test('the XSS corpus, posted in every field and validated, executes nothing on articles, in the queue, feeds and emails', { skip, timeout: 900_000 }, async () => {
  const vectors = [...loadXssVectors(), ...linkVectors];
  assert.ok(vectors.length > 800, 'corpus loaded');
  // Thresholds out of the way: this test is about rendering, every payload should reach the page.
  await env.site.db.write((trx) =>
    trx
      .insertInto('settings')
      .values({
        key: POLICY_KEY,
        value: JSON.stringify({ perIp: { count: 100_000, minutes: 1 }, perEmail: { count: 100_000, minutes: 1 }, maxLinks: 100_000, minTextLength: 1 }),
        updated_at: new Date().toISOString(),
      })
      .execute(),
  );
  const articles = [];
  for (let k = 0; k < XSS_ARTICLES; k++) {
    articles.push(await createArticle(env.site.db, { sectionId: 1, title: `Article piégé ${k + 1}`, text: 'Un article sous lequel on poste le corpus.', status: 'published', forumMode: 'pri' }));
  }
  const firstMail = Number((await env.site.db.kysely.selectFrom('jobs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);

  const posted: Posted[] = [];
  for (const [k, vector] of vectors.entries()) {
    const article = articles[k % articles.length]!;
    const neutral: PostFields = { name: `Vecteur ${vector.id}`, email: `xss${k}@example.net`, title: '', text: `Texte du vecteur ${vector.id}.`, linkUrl: '', linkTitle: '' };
    const fields: PostFields = { ...neutral, name: vector.payload, title: vector.payload, text: vector.payload, linkUrl: vector.payload, linkTitle: vector.payload };
    const refused: (keyof PostFields)[] = [];
    for (;;) {
      try {
        const { id } = await postMessage(env.site.db, env.site.config, { articleId: article.id, parentId: null, fields, token: await issueFormToken(env.site.db, article.id, null), honeypot: '', ip: '127.0.0.1' });
        posted.push({ id, articleId: article.id, vector, refused });
        break;
      } catch (error) {
        // A field the checks refuse is never stored; the others are posted again with plain text in its place.
        const bad = isForumRejection(error) && error.reason === 'invalid' ? (Object.keys(error.fields ?? {}) as (keyof PostFields)[]).filter((f) => !refused.includes(f) && f in neutral) : [];
        if (bad.length === 0) throw new Error(`${vector.id}: ${String(error)}`);
        for (const f of bad) fields[f] = neutral[f];
        refused.push(...bad);
      }
    }
  }
  assert.equal(posted.length, vectors.length, 'every vector posted');
  const kept = (field: keyof PostFields) => posted.filter((p) => !p.refused.includes(field)).length;
  console.log(`# corpus: ${posted.length} messages; payload kept as message ${kept('text')}, name ${kept('name')}, title ${kept('title')}, site name ${kept('linkTitle')}, link ${kept('linkUrl')}`);
  assert.ok(kept('text') > vectors.length * 0.95 && kept('name') > vectors.length / 2 && kept('title') > vectors.length / 2, 'most payloads reach the page');
  await moderateMessages(env.site.db, { kind: 'operator' }, 'validate', posted.map((p) => p.id));

  const failures: string[] = [];

  // Canary: the trap and the CSP bypass do catch an injection on these very pages.
  const canary = await openTrapped(`${env.site.url}/${articles[0]!.slug}`);
  await canary.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x:" onerror="alert(\'canary\')">'));
  await canary.page.waitForTimeout(250);
  assert.ok(canary.trap.events.some((e) => e.includes('canary')), `the trap saw nothing: ${canary.trap.events.join(', ')}`);
  await canary.page.close();

  for (const article of articles) {
    const { page, trap } = await openTrapped(`${env.site.url}/${article.slug}`);
    failures.push(...trap.events.map((e) => `/${article.slug}: ${e}`), ...(await auditDom(page, '.forum__message')).map((e) => `/${article.slug}: ${e}`));
    const shown = await page.locator('li.forum__message').count();
    const expected = posted.filter((p) => p.articleId === article.id).length;
    if (shown !== expected) failures.push(`/${article.slug}: ${shown} messages shown for ${expected} validated`);
    await page.close();
  }

  const moderator = await env.browser.newPage();
  await logInAsAdmin(moderator);
  await moderator.close();
  let queued = 0;
  for (let n = 1; ; n++) {
    const { page, trap } = await openTrapped(`${env.site.url}/ecrire/forum?statut=published&page=${n}`);
    queued += await page.locator('li.moderation-queue__item').count();
    failures.push(...trap.events.map((e) => `queue page ${n}: ${e}`), ...(await auditDom(page, '.moderation-queue__item')).map((e) => `queue page ${n}: ${e}`));
    const more = await page.getByRole('link', { name: 'Page suivante' }).count();
    await page.close();
    if (more === 0) break;
  }
  assert.ok(queued >= posted.length, `every message in the queue (${queued})`);

  // Feeds: the routes as served, and each article's feed with every message (the served ones stop at 50).
  const feeds = [await (await env.site.get('/forum/rss.xml')).text()];
  for (const article of articles) {
    feeds.push(await (await env.site.get(`/forum/article/${article.id}/rss.xml`)).text());
    feeds.push(renderRss(await forumFeed(env.site.db, env.site.url, 'rss', article, 10_000)));
  }
  let items = 0;
  for (const xml of feeds) {
    for (const item of feedItems(xml)) {
      items++;
      const html = item.description;
      // Parsed as HTML: javascript: URLs, on* attributes and script-capable elements (the same text shown escaped is harmless).
      if (/<script/i.test(html)) failures.push(`feed ${item.link}: <script in description`);
      failures.push(...executableParts(html).map((e) => `feed ${item.link}: ${e}`));
      if (/@example\.net/.test(item.raw)) failures.push(`feed ${item.link}: an email address`);
    }
  }
  assert.ok(items >= posted.length, `every message in a feed (${items} items)`);

  // Moderators' emails, as queued for the SMTP server: the HTML body of each.
  await env.site.jobs.runDue(); // each article's notification job queues its mails (a digest of up to 50 messages each)
  const mails = await env.site.db.kysely.selectFrom('jobs').select(['id', 'payload']).where('type', '=', 'mail').where('id', '>', firstMail).execute();
  const told = mails.map((mail) => (JSON.parse(mail.payload) as { text: string }).text).join('\n');
  const untold = posted.filter((p) => !new RegExp(`#message${p.id}\\b`).test(told));
  assert.deepEqual(untold.map((p) => p.vector.id), [], 'every message told of in a moderators’ email');
  for (const mail of mails) {
    const { html = '', subject } = JSON.parse(mail.payload) as { html?: string; subject: string };
    failures.push(...executableParts(html).map((e) => `mail ${mail.id}: ${e}`));
    if (/<script/i.test(html)) failures.push(`mail ${mail.id}: <script`);
    if (/[\r\n]/.test(subject)) failures.push(`mail ${mail.id}: line break in the subject`);
  }

  assert.deepEqual(failures, []);
});

interface FeedItem {
  link: string;
  description: string;
  /** The item's whole XML, to look for what must never be there. */
  raw: string;
}

/** Items of an RSS document, parsed as XML (a malformed feed throws), with their description decoded. */
function feedItems(xml: string): FeedItem[] {
  const doc = xml2js(xml, { compact: false, captureSpacesBetweenElements: false }) as XmlElement;
  const text = (el: XmlElement | undefined): string =>
    (el?.elements ?? []).map((n) => (n.type === 'text' ? String(n.text ?? '') : n.type === 'cdata' ? String(n.cdata ?? '') : '')).join('');
  const child = (el: XmlElement | undefined, name: string) => el?.elements?.find((e) => e.name === name);
  const channel = child(child(doc, 'rss'), 'channel');
  assert.ok(channel, 'an RSS channel');
  return (channel.elements ?? [])
    .filter((e) => e.name === 'item')
    .map((item) => ({
      link: text(child(item, 'link')),
      description: text(child(item, 'description')),
      raw: (item.elements ?? []).map((e) => `${e.name}:${text(e)}`).join('\n'),
    }));
}
