// /ecrire/profil: every account's own page, visitors included (decision 018). Each form posts to its own path and
// comes back to the page with its message, or, refused, shows the page again with that form as typed. A wrong
// current password is counted like a failed login (users/operations/check-current-password.ts): past the budget
// the answer is 429 with Retry-After, as at the login form.
import { field, formFields, refusedForm, type FormFields, type FormState } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import { clientIp, mustUser, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { ProfilePage, type ProfileStates } from './pages/profile.tsx';
import { LoginThrottledError, changeEmail, changePassword, endOtherSessions, listSessions, loadUser, updateProfile } from '../users/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { authorPublicUrl } from './public-pages.ts';
import { loadSiteSettings } from '../settings/index.ts';

export const profileAdminRoutes = new Hono<AdminEnv>();

const PATH = '/ecrire/profil';

const doneMessages = {
  profil: () => t('admin.profile.savedIdentity'),
  email: () => t('admin.profile.savedEmail'),
  'mot-de-passe': () => t('admin.profile.savedPassword'),
  sessions: () => t('admin.profile.endedOthers'),
} as const;

type Part = keyof ProfileStates;

async function renderProfile(c: Context<AdminEnv>, refused?: { part: Part; state: FormState; status: number }): Promise<Response> {
  const user = mustUser(c);
  const { db } = c.get('app');
  const account = await loadUser(db, user.user.id);
  if (!account) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
  const states: ProfileStates = {
    identity: { values: { name: account.name, bio: account.bio, lang: account.lang } },
    email: { values: { email: account.email } },
    password: { values: {} },
  };
  if (refused) states[refused.part] = refused.state;
  const done = c.req.query('fait');
  return renderAdmin(c, {
    title: t('admin.profile.title'),
    current: PATH,
    status: refused?.status,
    body: (
      <ProfilePage
        user={user}
        account={account}
        sessions={await listSessions(db, account.id)}
        states={states}
        done={done && done in doneMessages ? doneMessages[done as keyof typeof doneMessages]() : undefined}
        publicUrl={await authorPublicUrl(db, account)}
        siteLang={(await loadSiteSettings(db)).lang}
      />
    ),
  });
}

/** Runs one form's operation: 303 back to the page with its message, or the page with the refused form. */
async function submitPart(c: Context<AdminEnv>, part: Part, done: keyof typeof doneMessages, run: (fields: FormFields) => Promise<unknown>, fieldNames: Record<string, string> = {}): Promise<Response> {
  const fields = await formFields(c);
  try {
    await run(fields);
  } catch (error) {
    const state = refusedForm(fields, error);
    // The operation names its fields; this page may call them otherwise (two password fields must not share an id).
    for (const [from, to] of Object.entries(fieldNames)) if (state.errors?.[from]) state.errors[to] = state.errors[from]!;
    const page = await renderProfile(c, { part, state, status: state.status });
    if (error instanceof LoginThrottledError) page.headers.set('retry-after', String(error.retryAfterSeconds));
    return page;
  }
  return c.redirect(`${PATH}?fait=${done}`, 303);
}

profileAdminRoutes.get('/', (c) => renderProfile(c));

profileAdminRoutes.post('/', (c) =>
  submitPart(c, 'identity', 'profil', (fields) => updateProfile(c.get('app').db, mustUser(c).user.id, { name: field(fields, 'name'), bio: field(fields, 'bio'), lang: field(fields, 'lang') })),
);

profileAdminRoutes.post('/email', (c) =>
  submitPart(
    c,
    'email',
    'email',
    (fields) => changeEmail(c.get('app').db, mustUser(c).user, { email: field(fields, 'email'), currentPassword: field(fields, 'emailPassword'), ip: clientIp(c) }),
    { currentPassword: 'emailPassword' },
  ),
);

profileAdminRoutes.post('/mot-de-passe', (c) => {
  const user = mustUser(c);
  return submitPart(c, 'password', 'mot-de-passe', (fields) =>
    changePassword(c.get('app').db, user.user, {
      currentPassword: field(fields, 'currentPassword'),
      password: field(fields, 'password'),
      confirm: field(fields, 'confirm'),
      ip: clientIp(c),
      keepSessionId: user.sessionId,
    }),
  );
});

profileAdminRoutes.post('/sessions/fermer', async (c) => {
  const user = mustUser(c);
  await endOtherSessions(c.get('app').db, user.user.id, user.sessionId);
  return c.redirect(`${PATH}?fait=sessions`, 303);
});
