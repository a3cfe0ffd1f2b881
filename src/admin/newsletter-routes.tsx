// /ecrire/lettre: the newsletter's back office (full administrators: 'newsletter.manage'). Lists, subscribers
// (searched, filtered, paged, erased), CSV import and export, issues composed in SPIP markup with picked
// articles, previewed in the browser, tried on oneself, sent now or at a set time, and their reports; a list's
// digest made on demand. Every operation is the newsletter module's, shared with the CLI.
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { field, formFields, refusedForm, submitForm, type FormFields, type FormState } from '../web/form-action.ts';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage, positiveId } from './form-state.ts';
import { uploadedFile } from './uploaded-file.ts';
import { ImportPage, IssueFormPage, IssueReportPage, ListFormPage, NewsletterHomePage, SubscribersPage } from './pages/newsletter.tsx';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { isoToLocalInput, localInputToIso } from '../kernel/time-zone.ts';
import { loadSiteSettings, newsletterSettingsSchema, saveSiteSettings } from '../settings/index.ts';
import { parseInput } from '../kernel/validation.ts';
import { loadArticlesByIds } from '../articles/index.ts';
import { loadSectionTree } from '../sections/index.ts';
import type { NewsletterList } from '../db/schema.ts';
import {
  buildDigest,
  countSubscribersByList,
  deleteList,
  eraseSubscriber,
  exportSubscribersCsv,
  importSubscribers,
  issueReport,
  listAllLists,
  listIssues,
  listSubscriberPage,
  loadIssue,
  loadList,
  previewIssue,
  saveIssue,
  saveList,
  scheduleIssue,
  sendTestLetter,
  subscriberListSorts,
  subscriberStatuses,
  type ImportProblem,
  type SubscriberListSort,
} from '../newsletter/index.ts';

export const newsletterAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/lettre';
/** 10 MB of CSV: some 200,000 addresses. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

newsletterAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'newsletter.manage');
  await next();
});

const doneText: Record<string, () => string> = {
  digestNone: () => t('admin.newsletter.digestNone'),
  test: () => t('admin.newsletter.testQueued'),
  scheduled: () => t('admin.newsletter.scheduledDone'),
  erased: () => t('admin.newsletter.erased'),
};

function done(c: Context<AdminEnv>): string | undefined {
  const kind = c.req.query('fait');
  return (kind && doneText[kind]?.()) ?? doneMessage(c);
}

async function renderHome(c: Context<AdminEnv>, settings?: FormState, status?: number): Promise<Response> {
  const user = requirePermission(c, 'newsletter.manage');
  const db = c.get('app').db;
  const [lists, counts, issues, site] = await Promise.all([listAllLists(db), countSubscribersByList(db), listIssues(db), loadSiteSettings(db)]);
  const state = settings ?? { values: { consentText: site.newsletter.consentText, ratePerMinute: String(site.newsletter.ratePerMinute) } };
  return renderAdmin(c, { title: t('admin.newsletter.title'), current, status, body: <NewsletterHomePage user={user} lists={lists} counts={counts} issues={issues} settings={state} done={done(c)} /> });
}

newsletterAdminRoutes.get('/', (c) => renderHome(c));

// The consent sentence the sign-up form shows (kept with each consent) and the sending rate.
newsletterAdminRoutes.post('/reglages', (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const db = c.get('app').db;
  return submitForm(c, {
    async run(fields) {
      const current = (await loadSiteSettings(db)).newsletter;
      const rate = field(fields, 'ratePerMinute').trim();
      const next = parseInput(
        newsletterSettingsSchema,
        { ...current, consentText: field(fields, 'consentText'), ratePerMinute: rate === '' ? current.ratePerMinute : /^\d{1,7}$/.test(rate) ? Number(rate) : -1 },
        { consentText: 'admin.newsletter.consentText', ratePerMinute: 'admin.newsletter.ratePerMinute' },
      );
      await saveSiteSettings(db, { newsletter: next }, user.user.id);
    },
    then: () => `${current}?fait=saved`,
    refused: (state, status) => renderHome(c, state, status),
  });
});

// Lists

async function requestedList(c: Context<AdminEnv>): Promise<NewsletterList> {
  const id = positiveId(c.req.param('id'));
  const list = id === undefined ? undefined : await loadList(c.get('app').db, id);
  if (!list) throw new TisseError('NOT_FOUND', 'errors.newsletter.listUnknown');
  return list;
}

async function renderListForm(c: Context<AdminEnv>, state: FormState, list?: NewsletterList, status?: number): Promise<Response> {
  const user = requirePermission(c, 'newsletter.manage');
  const tree = await loadSectionTree(c.get('app').db);
  const walk = (parentId: number | null, depth: number): { value: string; label: string }[] =>
    tree.children(parentId).flatMap((s) => [{ value: String(s.id), label: `${'— '.repeat(depth)}${s.title}` }, ...walk(s.id, depth + 1)]);
  const sections = walk(null, 0);
  return renderAdmin(c, {
    title: list ? t('admin.newsletter.editList', { name: list.name }) : t('admin.newsletter.newList'),
    current,
    status,
    body: <ListFormPage user={user} list={list} sections={sections} state={state} done={done(c)} />,
  });
}

function listInput(fields: FormFields) {
  const section = field(fields, 'sectionId');
  const size = Number(field(fields, 'digestSize') || '10');
  return {
    name: field(fields, 'name'),
    description: field(fields, 'description'),
    sectionId: section ? (positiveId(section) ?? -1) : null,
    digestSize: Number.isSafeInteger(size) ? size : -1,
    public: field(fields, 'public') === '1',
  };
}

newsletterAdminRoutes.get('/listes/nouvelle', (c) => renderListForm(c, { values: { public: '1', digestSize: '10' } }));

newsletterAdminRoutes.post('/listes/nouvelle', (c) =>
  submitForm(c, {
    run: (fields) => saveList(c.get('app').db, listInput(fields)),
    then: () => `${current}?fait=created`,
    refused: (state, status) => renderListForm(c, state, undefined, status),
  }),
);

newsletterAdminRoutes.get('/listes/:id', async (c) => {
  const list = await requestedList(c);
  const values = { name: list.name, description: list.description, sectionId: list.section_id ? String(list.section_id) : '', digestSize: String(list.digest_size), public: list.public ? '1' : '' };
  return renderListForm(c, { values }, list);
});

newsletterAdminRoutes.post('/listes/:id', async (c) => {
  const list = await requestedList(c);
  return submitForm(c, {
    run: (fields) => saveList(c.get('app').db, listInput(fields), list.id),
    then: () => `${current}/listes/${list.id}?fait=saved`,
    refused: (state, status) => renderListForm(c, state, list, status),
  });
});

newsletterAdminRoutes.post('/listes/:id/supprimer', async (c) => {
  const list = await requestedList(c);
  await deleteList(c.get('app').db, list.id);
  return c.redirect(`${current}?fait=deleted`, 303);
});

newsletterAdminRoutes.post('/listes/:id/resume', async (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const list = await requestedList(c);
  const issueId = await buildDigest(c.get('app').db, list.id, user.user.id);
  return c.redirect(issueId ? `${current}/numeros/${issueId}?fait=created` : `${current}?fait=digestNone`, 303);
});

// Subscribers

const subscriberFilters = { statut: listFilters.oneOf(subscriberStatuses), liste: listFilters.id };
const subscriberList: ListDefinition<SubscriberListSort, typeof subscriberFilters> = { sorts: subscriberListSorts, defaultSort: 'date', defaultDirection: 'desc', filters: subscriberFilters };

newsletterAdminRoutes.get('/abonnes', async (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const db = c.get('app').db;
  const query = parseListQuery(c, subscriberList);
  const page = await listSubscriberPage(db, {
    filter: { search: query.q, status: query.filters.statut, listId: query.filters.liste },
    sort: query.sort,
    direction: query.direction,
    offset: (query.page - 1) * LIST_PAGE_SIZE,
    limit: LIST_PAGE_SIZE,
  });
  const nearest = listPageOutOfRange(`${current}/abonnes`, query, page.total);
  if (nearest) return c.redirect(nearest, 302);
  const list = { base: `${current}/abonnes`, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total };
  return renderAdmin(c, {
    title: t('admin.newsletter.subscribers'),
    current,
    body: <SubscribersPage user={user} rows={page.rows} list={list} lists={await listAllLists(db)} status={query.params.get('statut') ?? ''} listId={query.params.get('liste') ?? ''} done={done(c)} />,
  });
});

newsletterAdminRoutes.post('/abonnes/:id/effacer', async (c) => {
  const id = positiveId(c.req.param('id'));
  if (id === undefined) throw new TisseError('NOT_FOUND', 'errors.newsletter.subscriberGone');
  await eraseSubscriber(c.get('app').db, id);
  return c.redirect(`${current}/abonnes?fait=erased`, 303);
});

// Import and export

async function renderImport(c: Context<AdminEnv>, state: FormState, options: { status?: number; problems?: ImportProblem[]; result?: string } = {}): Promise<Response> {
  const user = requirePermission(c, 'newsletter.manage');
  const lists = await listAllLists(c.get('app').db);
  return renderAdmin(c, { title: t('admin.newsletter.import'), current, status: options.status, body: <ImportPage user={user} lists={lists} state={state} problems={options.problems} result={options.result} /> });
}

newsletterAdminRoutes.get('/import', (c) => renderImport(c, { values: {} }));

newsletterAdminRoutes.post('/import', async (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const { db, config } = c.get('app');
  await formFields(c);
  const body = await c.req.parseBody();
  const values = { listId: typeof body.listId === 'string' ? body.listId : '', consent: body.consent === '1' ? '1' : '' };
  try {
    const file = await uploadedFile(body.file, IMPORT_MAX_BYTES);
    const listId = positiveId(values.listId);
    if (listId === undefined) throw new TisseError('BAD_INPUT', 'errors.newsletter.listUnknown', { fields: { listId: 'errors.newsletter.listUnknown' } });
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    const result = await importSubscribers(db, { csv: text, listId, consent: values.consent === '1', by: user.user.name, siteUrl: config.siteUrl });
    if (!result.ok) return renderImport(c, { values }, { status: 400, problems: result.problems });
    return renderImport(c, { values: {} }, { result: t('admin.newsletter.imported', { confirmed: result.confirmed, invited: result.invited, left: result.leftAlone }) });
  } catch (error) {
    if (error instanceof TypeError) return renderImport(c, { values, message: t('errors.newsletter.import.notUtf8') }, { status: 400 });
    const state = refusedForm(values, error);
    return renderImport(c, state, { status: state.status });
  }
});

newsletterAdminRoutes.get('/export', async (c) => {
  const listId = c.req.query('liste') ? positiveId(c.req.query('liste')) : undefined;
  const csv = await exportSubscribersCsv(c.get('app').db, listId);
  return new Response(`\uFEFF${csv}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="abonnes.csv"', 'cache-control': 'no-store' },
  });
});

// Issues

async function requestedIssue(c: Context<AdminEnv>) {
  const id = positiveId(c.req.param('id'));
  const issue = id === undefined ? undefined : await loadIssue(c.get('app').db, id);
  if (!issue) throw new TisseError('NOT_FOUND', 'errors.newsletter.issueNotFound');
  return issue;
}

/** "12, 14 15" → [12, 14, 15]; anything else than numbers is refused with the field named. */
function articleIdsOf(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const ids = parts.map((p) => positiveId(p));
  if (ids.some((id) => id === undefined)) throw new TisseError('BAD_INPUT', 'errors.newsletter.articleIds', { fields: { articleIds: 'errors.newsletter.articleIds' } });
  return ids as number[];
}

function issueInput(fields: FormFields) {
  return { listId: positiveId(field(fields, 'listId')) ?? 0, subject: field(fields, 'subject'), body: field(fields, 'body'), articleIds: articleIdsOf(field(fields, 'articleIds')) };
}

async function renderIssue(c: Context<AdminEnv>, state: FormState, issueId?: number, status?: number): Promise<Response> {
  const user = requirePermission(c, 'newsletter.manage');
  const db = c.get('app').db;
  const issue = issueId === undefined ? undefined : await loadIssue(db, issueId);
  const lists = await listAllLists(db);
  if (issue && (issue.status === 'sending' || issue.status === 'sent')) {
    const list = lists.find((l) => l.id === issue.list_id);
    return renderAdmin(c, { title: issue.subject, current, status, body: <IssueReportPage issue={issue} listName={list?.name ?? ''} report={await issueReport(db, issue)} done={status ? state.message : done(c)} /> });
  }
  let picked: { id: number; title: string }[] = [];
  try {
    picked = (await loadArticlesByIds(db, articleIdsOf(String(state.values.articleIds ?? '')))).map((a) => ({ id: a.id, title: a.title }));
  } catch {
    // A malformed list of numbers is shown as typed, with its error.
  }
  const { timeZone } = await loadSiteSettings(db);
  return renderAdmin(c, {
    title: issue ? issue.subject : t('admin.newsletter.newIssue'),
    current,
    status,
    body: <IssueFormPage user={user} issue={issue} lists={lists} picked={picked} state={state} done={done(c)} scheduleValue={isoToLocalInput(issue?.scheduled_at ?? null, timeZone)} />,
  });
}

newsletterAdminRoutes.get('/numeros/nouveau', (c) => {
  const listId = c.req.query('liste');
  return renderIssue(c, { values: listId ? { listId } : {} });
});

newsletterAdminRoutes.post('/numeros/nouveau', (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  return submitForm(c, {
    run: (fields) => saveIssue(c.get('app').db, issueInput(fields), user.user.id),
    then: (id) => `${current}/numeros/${id}?fait=created`,
    refused: (state, status) => renderIssue(c, state, undefined, status),
  });
});

newsletterAdminRoutes.get('/numeros/:id', async (c) => {
  const issue = await requestedIssue(c);
  const values = { listId: String(issue.list_id), subject: issue.subject, body: issue.body, articleIds: (JSON.parse(issue.article_ids) as number[]).join(', ') };
  return renderIssue(c, { values }, issue.id);
});

newsletterAdminRoutes.post('/numeros/:id', async (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const issue = await requestedIssue(c);
  return submitForm(c, {
    run: (fields) => saveIssue(c.get('app').db, issueInput(fields), user.user.id, issue.id),
    then: () => `${current}/numeros/${issue.id}?fait=saved`,
    refused: (state, status) => renderIssue(c, state, issue.id, status),
  });
});

// The letter as mail clients will show it. Its own policy: MJML's <style> blocks need inline styles; no script.
newsletterAdminRoutes.get('/numeros/:id/apercu', async (c) => {
  const issue = await requestedIssue(c);
  const { html } = await previewIssue(c.get('app').db, issue.id, c.get('app').config.siteUrl);
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    },
  });
});

newsletterAdminRoutes.post('/numeros/:id/essai', async (c) => {
  const user = requirePermission(c, 'newsletter.manage');
  const issue = await requestedIssue(c);
  await sendTestLetter(c.get('app').db, issue.id, user.user.email, c.get('app').config.siteUrl);
  return c.redirect(`${current}/numeros/${issue.id}?fait=test`, 303);
});

newsletterAdminRoutes.post('/numeros/:id/envoyer', async (c) => {
  const issue = await requestedIssue(c);
  const db = c.get('app').db;
  const fields = await formFields(c);
  const typed = field(fields, 'quand').trim();
  let at = new Date();
  if (typed) {
    const iso = localInputToIso(typed, (await loadSiteSettings(db)).timeZone);
    const parsed = Date.parse(iso);
    if (!/Z$/.test(iso) || Number.isNaN(parsed)) {
      const state = { values: { listId: String(issue.list_id), subject: issue.subject, body: issue.body, articleIds: (JSON.parse(issue.article_ids) as number[]).join(', ') }, message: t('errors.newsletter.badDate') };
      return renderIssue(c, state, issue.id, 400);
    }
    at = new Date(Math.max(parsed, Date.now()));
  }
  await scheduleIssue(db, issue.id, at);
  return c.redirect(`${current}/numeros/${issue.id}?fait=scheduled`, 303);
});
