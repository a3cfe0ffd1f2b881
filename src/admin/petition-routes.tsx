// /ecrire/articles/:id/petition: an article's petition in the back office. Its text and state for whoever may
// edit the article; its signatures (names and emails: personal data), their trash / restore and the CSV export
// for the moderators of the article's section (forum.moderate), as they moderate what readers post there.
import { Hono, type Context } from 'hono';
import { mustUser, type AdminEnv, type CurrentUser } from '../web/auth.ts';
import { field, submitForm, type FormState } from '../web/form-action.ts';
import { formFields } from '../web/request.ts';
import { parseId } from '../kernel/input.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { can } from '../users/index.ts';
import { countSignatures, listSignatures, loadPetition, moveSignature, removePetition, savePetition, signaturesCsv } from '../petitions/index.ts';
import { renderAdmin } from './render.tsx';
import { loadEditable } from './articles-routes.tsx';
import { PetitionPage } from './pages/petition.tsx';

export const petitionAdminRoutes = new Hono<AdminEnv>();

const doneTexts = { saved: 'admin.petition.saved', removed: 'admin.petition.removed', moved: 'admin.petition.moved' } as const;

async function rights(c: Context<AdminEnv>, user: CurrentUser) {
  const { article, target } = await loadEditable(c, user);
  const canEdit = can(user.actor, 'article.edit', target);
  const canModerate = can(user.actor, 'forum.moderate', { sectionId: article.section_id });
  if (!canEdit && !canModerate) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  return { article, canEdit, canModerate };
}

async function page(c: Context<AdminEnv>, state: FormState, status?: number): Promise<Response> {
  const user = mustUser(c);
  const { db } = c.get('app');
  const { article, canEdit, canModerate } = await rights(c, user);
  const [petition, counts] = await Promise.all([loadPetition(db, article.id), countSignatures(db, article.id)]);
  const signatures = canModerate && petition ? await listSignatures(db, article.id) : undefined;
  const done = c.req.query('fait');
  return renderAdmin(c, {
    title: t('admin.petition.title', { title: article.title }),
    current: '/ecrire/articles',
    status,
    body: <PetitionPage user={user} article={article} petition={petition} canEdit={canEdit} signatures={signatures} counts={counts} state={state} done={done && done in doneTexts ? t(doneTexts[done as keyof typeof doneTexts]) : undefined} />,
  });
}

petitionAdminRoutes.get('/:id{[0-9]+}/petition', (c) => page(c, { values: {} }));

petitionAdminRoutes.post('/:id{[0-9]+}/petition', async (c) => {
  const user = mustUser(c);
  const { article, canEdit } = await rights(c, user);
  if (!canEdit) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  return submitForm(c, {
    run: (fields) => savePetition(c.get('app').db, article.id, { text: field(fields, 'text'), status: field(fields, 'status') === 'closed' ? 'closed' : 'open', allowMessage: field(fields, 'allowMessage') === 'oui' }),
    then: () => `/ecrire/articles/${article.id}/petition?fait=saved`,
    refused: (state, status) => page(c, state, status),
  });
});

petitionAdminRoutes.post('/:id{[0-9]+}/petition/supprimer', async (c) => {
  const user = mustUser(c);
  const { article, canEdit } = await rights(c, user);
  if (!canEdit) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  return submitForm(c, {
    run: () => removePetition(c.get('app').db, article.id),
    then: () => `/ecrire/articles/${article.id}/petition?fait=removed`,
    refused: (state, status) => page(c, state, status),
  });
});

petitionAdminRoutes.post('/:id{[0-9]+}/petition/signatures/:signature{[0-9]+}', async (c) => {
  const user = mustUser(c);
  const { article, canModerate } = await rights(c, user);
  if (!canModerate) throw new TisseError('FORBIDDEN', 'errors.code.FORBIDDEN');
  const signatureId = parseId(c.req.param('signature'));
  if (signatureId === undefined) throw new TisseError('NOT_FOUND', 'errors.petition.signatureNotFound');
  const to = field(await formFields(c), 'to') === 'confirmed' ? 'confirmed' : 'trash';
  return submitForm(c, {
    run: () => moveSignature(c.get('app').db, article.id, signatureId, to),
    then: () => `/ecrire/articles/${article.id}/petition?fait=moved`,
    refused: (state, status) => page(c, state, status),
  });
});

petitionAdminRoutes.get('/:id{[0-9]+}/petition/signatures.csv', async (c) => {
  const user = mustUser(c);
  const { article, canModerate } = await rights(c, user);
  if (!canModerate) throw new TisseError('FORBIDDEN', 'errors.code.FORBIDDEN');
  const csv = signaturesCsv(await listSignatures(c.get('app').db, article.id));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="signatures-article-${article.id}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
