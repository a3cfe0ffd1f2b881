// The forum's public routes: posting (preview, then send), the form page (replies, subscribers' forums),
// the form token of one view (/forum/jeton, never cached), the thank-you page, and the RSS feeds.
// Mounted in app.ts before the public site.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { field, formFields } from '../web/form-action.ts';
import { queryId } from '../web/request.ts';
import { parseId } from '../kernel/input.ts';
import { errorPage, notFound } from './page.ts';
import { renderPage } from './render-page.ts';
import { sendPage } from '../web/send-page.ts';
import { feedContentType, renderFeed } from '../web/feed-writer.ts';
import { HONEYPOT_FIELD, forumFormView, type ForumFormProps } from './views.ts';
import { safeHtml } from '../kernel/trusted-html.ts';
import { typoText } from '../markup/index.ts';
import { clientIp, sessionUser } from '../web/auth.ts';
import { loadArticle, isPublic } from '../articles/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import type { Article } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { propre } from '../markup/index.ts';
import { checkPost, loadPublishedMessage, issueFormToken, nextFormToken, forumModeOf, postMessage, isForumRejection, messageHtml, type PostInput } from '../forum/index.ts';
import { forumFeed } from './forum-feeds.ts';

export const forumRoutes = new Hono<AppEnv>();

const POST_ACTION = '/forum/poster';

async function publicArticle(c: Context<AppEnv>, raw: number | string | undefined): Promise<Article | undefined> {
  const id = parseId(raw);
  if (id === undefined) return undefined;
  const article = await loadArticle(c.get('app').db, id);
  return article && isPublic(article) ? article : undefined;
}

/** The posting form: urlencoded only, read strictly (web/request.ts: UTF-8, no NUL); one value per name. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) throw new TisseError('UNSUPPORTED_MEDIA', 'errors.forum.notUrlencoded');
  const fields = await formFields(c);
  return Object.fromEntries(Object.keys(fields).map((name) => [name, field(fields, name)]));
}

/** The message a reply answers, shown above the form. */
async function replyContext(c: Context<AppEnv>, articleId: number, parentId: number | null) {
  if (parentId === null) return null;
  const row = await loadPublishedMessage(c.get('app').db, articleId, parentId);
  return row ? { title: row.title, author_name: row.author_name, html: safeHtml(messageHtml(row)) } : null;
}

/** The article as the forum's pages name it. */
const articleRef = (article: Article) => ({ title: article.title, title_text: typoText(article.title), slug: article.slug });

async function formPage(
  c: Context<AppEnv>,
  article: Article,
  form: Omit<ForumFormProps, 'articleId' | 'action' | 'hidden'> | undefined,
  options: { status?: number; login?: string; notice?: string; token?: string } = {},
): Promise<Response> {
  const { db } = c.get('app');
  const parentId = form?.parentId ?? null;
  const replyTo = await replyContext(c, article.id, parentId);
  // Never cached: the page may carry the token of this view.
  const hidden = { token: options.token ?? (await issueFormToken(db, article.id, parentId)) };
  const body = await renderPage(c.get('app'), 'forum-post', { title: `${t('forum.post')} — ${article.title}` }, {
    article: articleRef(article),
    reply_to: replyTo,
    login: options.login ?? null,
    notice: options.notice ?? null,
    form: form ? forumFormView({ ...form, articleId: article.id, action: POST_ACTION, hidden }) : null,
  });
  return sendPage(c, body, { status: options.status ?? 200, cacheable: false });
}

// The body is bounded before it is read (web/body-limit.ts: 128 KB, answered 413 at once).

forumRoutes.post(POST_ACTION, async (c) => {
  const { db, config } = c.get('app');
  const form = await readForm(c);
  const articleId = parseId(form.article ?? '') ?? 0;
  const parentId = form.parent ? (parseId(form.parent) ?? 0) : null;
  const article = await publicArticle(c, articleId);
  if (!article || parentId === 0) return errorPage(c, 404, t('notFound.title'), t('forum.noSuchArticle'));
  const poster = c.req.header('cookie')?.includes('tisse_session=') ? await sessionUser(c) : undefined;
  const values = {
    name: form.name ?? '',
    email: form.email ?? '',
    title: form.title ?? '',
    text: form.text ?? '',
    linkUrl: form.link_url ?? '',
    linkTitle: form.link_title ?? '',
  };
  const input: PostInput = {
    articleId,
    parentId,
    fields: values,
    token: form.token ?? '',
    honeypot: form[HONEYPOT_FIELD] ?? '',
    ip: clientIp(c),
    user: poster?.user ?? null,
  };
  const settings = await loadSiteSettings(db);
  const mode = forumModeOf(article, settings.forumMode);
  const posterView = poster ? { name: poster.user.name } : undefined;
  // The token the form shown next carries: the one posted while it is good (the delay counts from the first
  // display, a preview does not restart it), else a fresh one (a form shown without script posts none).
  const next = () => nextFormToken(db, input.token, { articleId, parentId });
  try {
    // A send without a token (the article page's form, without script) shows the preview first, with a token.
    if (form.step === 'send' && input.token !== '') {
      const posted = await postMessage(db, config, input);
      if (posted.status === 'published') return c.redirect(`/${article.slug}#forum${posted.id}`, 303);
      return c.redirect(`/forum/merci/${article.id}`, 303);
    }
    const checked = await checkPost(db, input);
    return formPage(
      c,
      article,
      {
        mode: checked.mode === 'non' ? 'pri' : checked.mode,
        parentId,
        values,
        previewHtml: propre(checked.fields.text, { profile: 'forum' }).html,
        poster: posterView,
      },
      { token: await next() },
    );
  } catch (error) {
    if (!isForumRejection(error)) throw error;
    if (error.reason === 'not_found') return errorPage(c, 404, t('notFound.title'), error.message);
    if (error.reason === 'closed' || mode === 'non') return errorPage(c, error.status, t('error.title'), error.message);
    if (error.reason === 'login_required') return formPage(c, article, undefined, { status: 401, login: loginUrl(article.id, parentId), notice: error.message });
    return formPage(
      c,
      article,
      { mode, parentId, values, errors: { '': error.message, ...error.fields }, poster: posterView },
      { status: error.status, token: await next() },
    );
  }
});

/**
 * The form token of one view of a cached page's form, fetched by its script when the form is shown
 * (themes/default/assets/forum.js). Never cached, by the page cache or anyone: each answer is a new token.
 */
forumRoutes.get('/forum/jeton', async (c) => {
  const article = await publicArticle(c, Number(c.req.query('article')));
  if (!article) return notFound(c);
  const { db } = c.get('app');
  if (forumModeOf(article, (await loadSiteSettings(db)).forumMode) === 'non') return errorPage(c, 403, t('error.title'), t('forum.notice.non'));
  const wanted = c.req.query('parent');
  const parentId = wanted ? Number(wanted) : null;
  if (parentId !== null && !(Number.isSafeInteger(parentId) && parentId > 0)) return notFound(c);
  return new Response(await issueFormToken(db, article.id, parentId), {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
});

/** The login page, bringing the person back to this forum's form once identified (see safeReturnPath). */
function loginUrl(articleId: number, parentId: number | null): string {
  const back = `/forum/ecrire/${articleId}${parentId ? `?repondre=${parentId}` : ''}`;
  return `/ecrire/login?retour=${encodeURIComponent(back)}`;
}

// The form alone: to reply to a message, and for subscribers-only forums (whose article page stays cacheable).
forumRoutes.get('/forum/ecrire/:article', async (c) => {
  const article = await publicArticle(c, c.req.param('article'));
  if (!article) return notFound(c);
  const { db } = c.get('app');
  const mode = forumModeOf(article, (await loadSiteSettings(db)).forumMode);
  if (mode === 'non') return errorPage(c, 403, t('error.title'), t('forum.notice.non'));
  const parentId = queryId(c, 'repondre') ?? null;
  if (parentId !== null && !(await replyContext(c, article.id, parentId))) return notFound(c);
  const poster = c.req.header('cookie')?.includes('tisse_session=') ? await sessionUser(c) : undefined;
  if (mode === 'abo' && !poster) return formPage(c, article, undefined, { login: loginUrl(article.id, parentId), notice: t('forum.notice.abo') });
  return formPage(c, article, { mode, parentId, poster: poster ? { name: poster.user.name } : undefined });
});

forumRoutes.get('/forum/merci/:article', async (c) => {
  const article = await publicArticle(c, c.req.param('article'));
  if (!article) return notFound(c);
  const { db } = c.get('app');
  const mode = forumModeOf(article, (await loadSiteSettings(db)).forumMode);
  const body = await renderPage(c.get('app'), 'forum-thanks', { title: t('forum.thanks.title') }, { article: articleRef(article), pending: mode === 'pri' });
  return sendPage(c, body, { cacheable: false });
});

// Comment feeds, RSS and Atom, as every other feed of the site.
for (const format of ['rss', 'atom'] as const) {
  forumRoutes.get(`/forum/${format}.xml`, async (c) => {
    const { db, config } = c.get('app');
    return sendPage(c, renderFeed(await forumFeed(db, config.siteUrl, format), format), { contentType: feedContentType[format] });
  });

  forumRoutes.get(`/forum/article/:article/${format}.xml`, async (c) => {
    const article = await publicArticle(c, c.req.param('article'));
    if (!article) return notFound(c);
    const { db, config } = c.get('app');
    return sendPage(c, renderFeed(await forumFeed(db, config.siteUrl, format, article), format), { contentType: feedContentType[format] });
  });
}
