// The petition's public routes: the form token of one view (/petition/jeton, never cached: the article page is
// shared by every reader), signing (POST /petition/signer: a page asking to check one's mailbox, or the form
// again with what to fix), and the confirmation link (GET shows a button, POST confirms: a GET writes nothing,
// and a mail scanner opening the link confirms nothing). Mounted in app.ts before the public site.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { field, formFields } from '../web/form-action.ts';
import { parseId } from '../kernel/input.ts';
import { errorPage, notFound } from './page.ts';
import { renderPage } from './render-page.ts';
import { sendPage } from '../web/send-page.ts';
import { clientIp } from '../web/auth.ts';
import { loadArticle, isPublic } from '../articles/index.ts';
import { typoText } from '../markup/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { issueFormToken } from '../forum/index.ts';
import { PETITION_FORM, confirmSignature, isPetitionRejection, loadPetition, signPetition, type SignInput } from '../petitions/index.ts';
import { PETITION_HONEYPOT, SIGN_ACTION, petitionFormView, type PetitionFormValues } from './petition-view.ts';
import type { Article } from '../db/schema.ts';

export const petitionRoutes = new Hono<AppEnv>();

/** The published article `raw` names, with its open petition. */
async function openPetition(c: Context<AppEnv>, raw: unknown) {
  const id = parseId(raw);
  if (id === undefined) return undefined;
  const { db } = c.get('app');
  const article = await loadArticle(db, id);
  if (!article || !isPublic(article)) return undefined;
  const petition = await loadPetition(db, id);
  return petition ? { article, petition } : undefined;
}

const articleRef = (article: Article) => ({ title: article.title, title_text: typoText(article.title), slug: article.slug });

/** The petition page: never cached (it may carry a token, an address). */
async function petitionPage(c: Context<AppEnv>, article: Article, data: { step: 'form' | 'thanks' | 'confirm' | 'confirmed'; form?: ReturnType<typeof petitionFormView>; message?: string; token?: string }, status = 200): Promise<Response> {
  const title = data.step === 'form' ? t('petition.formTitle', { title: typoText(article.title) }) : data.step === 'thanks' ? t('petition.thanksTitle') : t('petition.confirmTitle');
  const body = await renderPage(c.get('app'), 'petition', { title }, {
    article: articleRef(article),
    step: data.step,
    heading: title,
    form: data.form ?? null,
    message: data.message ?? null,
    confirm_token: data.token ?? null,
  });
  return sendPage(c, body, { status, cacheable: false });
}

petitionRoutes.get('/petition/jeton', async (c) => {
  const found = await openPetition(c, c.req.query('article'));
  if (!found || found.petition.status !== 'open') return notFound(c);
  return new Response(await issueFormToken(c.get('app').db, found.article.id, null, Date.now(), PETITION_FORM), {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
});

petitionRoutes.post(SIGN_ACTION, async (c) => {
  const { db, config } = c.get('app');
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) throw new TisseError('UNSUPPORTED_MEDIA', 'errors.forum.notUrlencoded');
  const form = await formFields(c);
  const found = await openPetition(c, field(form, 'article'));
  if (!found) return errorPage(c, 404, t('notFound.title'), t('errors.petition.notFound'));
  const { article, petition } = found;
  const values: PetitionFormValues = {
    name: field(form, 'name'),
    email: field(form, 'email'),
    siteName: field(form, 'site_name'),
    siteUrl: field(form, 'site_url'),
    message: field(form, 'message'),
    shown: field(form, 'shown') === 'oui',
  };
  const input: SignInput = {
    articleId: article.id,
    fields: { ...values, shown: values.shown },
    token: field(form, 'token'),
    honeypot: field(form, PETITION_HONEYPOT),
    ip: clientIp(c),
  };
  const allowMessage = petition.allow_message === 1;
  const freshToken = () => issueFormToken(db, article.id, null, Date.now(), PETITION_FORM);
  // Without script the form posts no token: it comes back filled, with the token of this view, to be sent again.
  if (input.token === '') {
    return petitionPage(c, article, { step: 'form', form: petitionFormView({ articleId: article.id, allowMessage, token: await freshToken(), values }) });
  }
  try {
    const signed = await signPetition(db, config, input);
    return petitionPage(c, article, { step: 'thanks', message: t('petition.thanks', { email: signed.email }) });
  } catch (error) {
    if (!isPetitionRejection(error)) throw error;
    if (error.reason === 'not_found') return errorPage(c, 404, t('notFound.title'), error.message);
    if (error.reason === 'closed') return errorPage(c, 403, t('error.title'), error.message);
    const errors: Record<string, string> = { '': error.message, ...(error.fields ?? {}) };
    return petitionPage(c, article, { step: 'form', form: petitionFormView({ articleId: article.id, allowMessage, token: await freshToken(), values, errors }) }, error.status);
  }
});

petitionRoutes.get('/petition/confirmer', async (c) => {
  const token = c.req.query('jeton') ?? '';
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return errorPage(c, 404, t('error.title'), t('errors.petition.badLink'));
  const body = await renderPage(c.get('app'), 'petition', { title: t('petition.confirmTitle') }, {
    article: null,
    step: 'confirm',
    heading: t('petition.confirmTitle'),
    form: null,
    message: t('petition.confirmText'),
    confirm_token: token,
  });
  return sendPage(c, body, { cacheable: false });
});

petitionRoutes.post('/petition/confirmer', async (c) => {
  const { db } = c.get('app');
  const form = await formFields(c);
  try {
    const { articleId } = await confirmSignature(db, field(form, 'jeton'));
    const article = await loadArticle(db, articleId);
    if (!article || !isPublic(article)) return errorPage(c, 200, t('petition.confirmTitle'), t('petition.confirmed'));
    return petitionPage(c, article, { step: 'confirmed', message: t('petition.confirmed') });
  } catch (error) {
    if (!isPetitionRejection(error)) throw error;
    return errorPage(c, error.status, t('error.title'), error.message);
  }
});
