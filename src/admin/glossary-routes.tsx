// /ecrire/glossaire: list and search the glossary, create, edit and delete terms (administrators).
// Validation and writes are the glossary module's operations; matching and the public page are its own.
import { submitForm, field, type FormState } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage, positiveId } from './form-state.ts';
import { GlossaryFormPage, GlossaryListPage } from './pages/glossary.tsx';
import { loadTerm, listTerms, termVariants, deleteTerm, saveTerm, updateTerm, type TermInput } from '../glossary/index.ts';
import type { GlossaryTerm } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const glossaryAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/glossaire';

glossaryAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'glossary.manage');
  await next();
});

glossaryAdminRoutes.get('/', async (c) => {
  const search = (c.req.query('q') ?? '').slice(0, 200);
  const terms = await listTerms(c.get('app').db, { search });
  return renderAdmin(c, { title: t('admin.glossary.title'), current, body: <GlossaryListPage terms={terms} search={search} done={doneMessage(c)} /> });
});

async function requestedTerm(c: Context<AdminEnv>): Promise<GlossaryTerm> {
  const id = positiveId(c.req.param('id'));
  const term = id === undefined ? undefined : await loadTerm(c.get('app').db, id);
  if (!term) throw new TisseError('NOT_FOUND', 'errors.glossary.termNotFound');
  return term;
}

function renderForm(c: Context<AdminEnv>, state: FormState, term?: GlossaryTerm, status?: number): Promise<Response> {
  const user = requirePermission(c, 'glossary.manage');
  return renderAdmin(c, {
    title: term ? t('admin.glossary.edit', { term: term.term }) : t('admin.glossary.new'),
    current,
    status,
    body: <GlossaryFormPage user={user} term={term} state={state} done={doneMessage(c)} />,
  });
}

function inputOf(fields: Record<string, string | string[]>): TermInput {
  const slug = field(fields, 'slug').trim();
  return {
    term: field(fields, 'term'),
    variants: field(fields, 'variants')
      .split('\n')
      .map((v) => v.trim())
      .filter(Boolean),
    definition: field(fields, 'definition'),
    presentation: field(fields, 'presentation'),
    linkUrl: field(fields, 'linkUrl'),
    ...(slug ? { slug } : {}),
  };
}

glossaryAdminRoutes.get('/nouveau', (c) => renderForm(c, { values: {} }));

glossaryAdminRoutes.post('/nouveau', async (c) => {
  return submitForm(c, {
    run: (fields) => saveTerm(c.get('app').db, inputOf(fields)),
    then: ({ term }) => `/ecrire/glossaire/${term.id}?fait=created`,
    refused: (state, status) => renderForm(c, state, undefined, status),
  });
});

glossaryAdminRoutes.get('/:id', async (c) => {
  const term = await requestedTerm(c);
  const values = { term: term.term, variants: termVariants(term).join('\n'), definition: term.definition, presentation: term.presentation, linkUrl: term.link_url, slug: term.slug };
  return renderForm(c, { values }, term);
});

glossaryAdminRoutes.post('/:id', async (c) => {
  const term = await requestedTerm(c);
  return submitForm(c, {
    run: (fields) => updateTerm(c.get('app').db, term.id, inputOf(fields)),
    then: () => `/ecrire/glossaire/${term.id}?fait=saved`,
    refused: (state, status) => renderForm(c, state, term, status),
  });
});

glossaryAdminRoutes.post('/:id/supprimer', async (c) => {
  const term = await requestedTerm(c);
  await deleteTerm(c.get('app').db, term.id);
  return c.redirect('/ecrire/glossaire?fait=deleted', 303);
});
