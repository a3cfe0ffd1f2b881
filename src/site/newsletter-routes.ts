// The newsletter's public pages, rendered in the theme: the sign-up form (/lettre; the "Nous suivre" block of every
// page posts its address here), the confirmation link (a GET shows a button, a POST confirms), and the
// unsubscribe link: a GET shows a button
// (a GET writes nothing: link checkers and mail scanners follow links), a POST unsubscribes — the button's, or a
// mail client's one-click POST (RFC 8058), with no session and no CSRF token, as the RFC requires; idempotent.
// None of these pages is cached: the form carries the token of one view.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { field, fieldList, formFields } from '../web/form-action.ts';
import { sendPage } from '../web/send-page.ts';
import { clientIp } from '../web/auth.ts';
import { renderPage } from './render-page.ts';
import { HONEYPOT_FIELD } from './views.ts';
import { isTisseError, type TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import {
  CONFIRM_PATH,
  UNSUBSCRIBE_PATH,
  confirmSubscription,
  readConfirmationLink,
  issueSignupToken,
  listPublicLists,
  nextSignupToken,
  readUnsubscribeLink,
  signUp,
  unsubscribe,
} from '../newsletter/index.ts';

export const newsletterRoutes = new Hono<AppEnv>();

const SIGNUP_PATH = '/lettre';

interface FormValues {
  email: string;
  name: string;
  listIds: number[];
}

async function formPage(
  c: Context<AppEnv>,
  values: FormValues,
  options: { token?: string; status?: number; error?: TisseError; notice?: string } = {},
): Promise<Response> {
  const app = c.get('app');
  const [lists, settings] = await Promise.all([listPublicLists(app.db), loadSiteSettings(app.db)]);
  // One list: it is the one; several: the person picks (none ticked in advance).
  const checked = (id: number) => values.listIds.includes(id) || lists.length === 1;
  const body = await renderPage(app, 'newsletter', { title: t('newsletter.title') }, {
    form: {
      action: SIGNUP_PATH,
      token: options.token ?? (await issueSignupToken(app.db)),
      honeypot: HONEYPOT_FIELD,
      values: { email: values.email, name: values.name },
      lists: lists.map((list) => ({ id: list.id, name: list.name, description: list.description, checked: checked(list.id) })),
      consent_text: settings.newsletter.consentText,
      errors: options.error?.fields ?? {},
      general_error: options.error?.message ?? null,
      notice: options.notice ?? null,
    },
    none: lists.length === 0,
  });
  return sendPage(c, body, { status: options.status ?? 200, cacheable: false });
}

/** A message page; `action`: the POST form of a link's button (confirm, unsubscribe) and its label. */
async function messagePage(c: Context<AppEnv>, title: string, message: string, status = 200, action: { action: string; button: string } | null = null): Promise<Response> {
  const body = await renderPage(c.get('app'), 'newsletter-message', { title }, { title, message, action });
  return sendPage(c, body, { status, cacheable: false });
}

newsletterRoutes.get(SIGNUP_PATH, (c) => formPage(c, { email: '', name: '', listIds: [] }));

newsletterRoutes.post(SIGNUP_PATH, async (c) => {
  const { db, config } = c.get('app');
  const fields = await formFields(c);
  const values: FormValues = {
    email: field(fields, 'email'),
    name: field(fields, 'name'),
    listIds: fieldList(fields, 'lists').map(Number).filter((id) => Number.isSafeInteger(id) && id > 0),
  };
  const token = field(fields, 'token');
  // The footer's form (cached pages carry no token): the whole form, the address kept, to check and confirm.
  if (token === '') return formPage(c, values, { notice: t('newsletter.confirmStep') });
  try {
    await signUp(db, {
      ...values,
      token,
      honeypot: field(fields, HONEYPOT_FIELD),
      ip: clientIp(c),
      source: SIGNUP_PATH,
      minSeconds: config.forumMinSeconds,
      siteUrl: config.siteUrl,
    });
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return formPage(c, values, { error, status: error.status, token: await nextSignupToken(db, token) });
  }
  return messagePage(c, t('newsletter.checkMailbox.title'), t('newsletter.checkMailbox.text'));
});

// The link's GET asks (mail scanners open links: a robot must not confirm anybody), its button confirms.
newsletterRoutes.get(`${CONFIRM_PATH}:token`, async (c) => {
  const token = c.req.param('token');
  try {
    const { email } = await readConfirmationLink(c.get('app').db, token);
    return messagePage(c, t('newsletter.confirm.title'), t('newsletter.confirm.question', { email }), 200, { action: `${CONFIRM_PATH}${token}`, button: t('newsletter.confirm.button') });
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return messagePage(c, t('newsletter.title'), error.message, error.status);
  }
});

newsletterRoutes.post(`${CONFIRM_PATH}:token`, async (c) => {
  try {
    const { email } = await confirmSubscription(c.get('app').db, c.req.param('token'));
    return messagePage(c, t('newsletter.confirmed.title'), t('newsletter.confirmed.text', { email }));
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return messagePage(c, t('newsletter.title'), error.message, error.status);
  }
});

newsletterRoutes.get(`${UNSUBSCRIBE_PATH}:token`, async (c) => {
  const token = c.req.param('token');
  try {
    const target = await readUnsubscribeLink(c.get('app').db, token);
    const question = t('newsletter.unsubscribe.question', { list: target.listName, email: target.email });
    return messagePage(c, t('newsletter.unsubscribe.title'), question, 200, { action: `${UNSUBSCRIBE_PATH}${token}`, button: t('newsletter.unsubscribe.button') });
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return messagePage(c, t('newsletter.unsubscribe.title'), error.message, error.status);
  }
});

// RFC 8058: the body is "List-Unsubscribe=One-Click" from a mail client, or the button's empty form; neither is
// needed to act, the signed path says who and which list.
newsletterRoutes.post(`${UNSUBSCRIBE_PATH}:token`, async (c) => {
  try {
    const done = await unsubscribe(c.get('app').db, c.req.param('token'));
    return messagePage(c, t('newsletter.unsubscribed.title'), t('newsletter.unsubscribed.text', { email: done.email, list: done.listName }));
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return messagePage(c, t('newsletter.unsubscribe.title'), error.message, error.status);
  }
});
