// Back-office articles: the editor (new and existing; read-only for those who may not edit), live
// preview, autosave, workflow actions, team discussion, revisions with diff and restore. Every write goes
// through an operation of articles/.
import { field, fieldList, formFields } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import type { AdminEnv, CurrentUser } from '../web/auth.ts';
import { mustUser } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { ArticleEditor, PreviewBlock, type ArticleFormValues, type EditorChoices, type EditorProps } from './pages/article-editor.tsx';
import { statusLabel } from './pages/home.tsx';
import { RevisionsPage } from './pages/revisions.tsx';
import type { PortfolioProps } from './pages/article-portfolio.tsx';
import { loadPortfolio } from './article-portfolio.ts';
import { ArticleReadOnly } from './pages/article-read-only.tsx';
import { formatClockIn, isoToLocalInput, localInputToIso } from '../kernel/time-zone.ts';
import type { Db } from '../db/connect.ts';
import type { Article } from '../db/schema.ts';
import { TisseError, isTisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { loadArticle, loadArticleLinks, listArticleChoices, listTeamMessages, transitionsFrom, isTransitionName, createArticleFromForm, updateArticle, loadTranslationGroup, translateArticle, linkTranslation, autosaveArticle, changeArticleStatus, sectionChoices, defaultSectionId, markEditing, othersEditing, postTeamMessage, restoreRevision, diffRevisionFields, listRevisions, loadRevisionFields } from '../articles/index.ts';
import { loadSectionTree } from '../sections/index.ts';
import { articleTargetOf, can, listWriters, loadUserNames, type Actor, type ArticleTarget } from '../users/index.ts';
import { keywordChoices } from '../keywords/index.ts';
import { PREVIEW_MAX_CHARS, previewable, renderArticle, type RenderedArticle } from '../web/render-article.ts';
import { pathId } from '../web/request.ts';
import { parseId } from '../kernel/input.ts';
import { articleGlossary } from '../glossary/index.ts';
import { loadSiteSettings } from '../settings/index.ts';

export const articleAdminRoutes = new Hono<AdminEnv>();

/**
 * The editor's lists; the related-articles picker offers only articles the actor may see (plus those already
 * chosen), never the article `editing` itself; the section select, the sections the actor may use plus the
 * article's own.
 */
async function loadChoices(db: Db, actor: Actor, editing: Article | undefined, chosenRelated: readonly string[]): Promise<EditorChoices> {
  const chosen = chosenRelated.map(Number).filter((id) => Number.isInteger(id) && id > 0);
  const [tree, keywordGroups, writers, articles] = await Promise.all([loadSectionTree(db), keywordChoices(db, 'article'), listWriters(db), listArticleChoices(db, actor, editing?.id, chosen)]);
  return { tree, sections: sectionChoices(tree, actor, editing?.section_id), keywordGroups, writers, articles };
}

export async function valuesOf(db: Db, article: Article, target: ArticleTarget): Promise<ArticleFormValues> {
  const links = await loadArticleLinks(db, article.id);
  const { timeZone } = await loadSiteSettings(db);
  return {
    title: article.title,
    surtitle: article.surtitle,
    subtitle: article.subtitle,
    description: article.description,
    lead: article.lead,
    text: article.text,
    postscript: article.postscript,
    sectionId: String(article.section_id),
    slug: article.slug,
    publishedAt: isoToLocalInput(article.published_at, timeZone),
    writtenAt: isoToLocalInput(article.written_at, timeZone),
    forumMode: article.forum_mode ?? '',
    keywordIds: links.keywordIds.map(String),
    authorIds: target.authorIds.map(String),
    relatedIds: links.relatedIds.map(String),
    lang: article.lang_chosen ? article.lang : '',
    expectedUpdatedAt: article.updated_at,
  };
}

export function valuesFromForm(fields: Record<string, string | string[]>): ArticleFormValues {
  return {
    title: field(fields, 'title'),
    surtitle: field(fields, 'surtitle'),
    subtitle: field(fields, 'subtitle'),
    description: field(fields, 'description'),
    lead: field(fields, 'lead'),
    text: field(fields, 'text'),
    postscript: field(fields, 'postscript'),
    sectionId: field(fields, 'sectionId'),
    slug: field(fields, 'slug'),
    publishedAt: field(fields, 'publishedAt'),
    writtenAt: field(fields, 'writtenAt'),
    forumMode: field(fields, 'forumMode'),
    keywordIds: fieldList(fields, 'keywordIds'),
    authorIds: fieldList(fields, 'authorIds'),
    relatedIds: fieldList(fields, 'relatedIds'),
    lang: field(fields, 'lang'),
    expectedUpdatedAt: field(fields, 'expectedUpdatedAt'),
  };
}

/** The refusal of a preview over PREVIEW_MAX_CHARS (413, a French message). */
function previewTooLarge(): TisseError {
  return new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.articles.previewTooLarge', params: { size: PREVIEW_MAX_CHARS.toLocaleString('fr-FR') } });
}

/**
 * Renders unsaved text as the public page would (article profile, glossary, internal links); throws 413 when
 * the text is too long to render on request (web/render-article.ts).
 */
async function previewOf(db: Db, values: Pick<ArticleFormValues, 'title' | 'surtitle' | 'subtitle' | 'lead' | 'text' | 'postscript'>, base?: Article): Promise<RenderedArticle> {
  if (!previewable(values)) throw previewTooLarge();
  const now = new Date().toISOString();
  const article: Article = {
    id: base?.id ?? 0,
    section_id: base?.section_id ?? 0,
    slug: base?.slug ?? '',
    surtitle: values.surtitle,
    title: values.title,
    title_folded: '',
    subtitle: values.subtitle,
    description: '',
    lead: values.lead,
    text: values.text,
    postscript: values.postscript,
    status: base?.status ?? 'draft',
    published_at: base?.published_at ?? null,
    written_at: null,
    forum_mode: null,
    lang: base?.lang ?? 'fr',
    lang_chosen: base?.lang_chosen ?? 0,
    translation_of: base?.translation_of ?? null,
    glossary_enabled: base?.glossary_enabled ?? 1,
    link_title: '',
    link_url: '',
    redirect_url: '',
    created_at: now,
    updated_at: now,
  };
  // The site's occurrence rule, so that the preview marks the terms where the public page will.
  const glossary = await articleGlossary(db, article, { occurrences: (await loadSiteSettings(db)).glossaryOccurrences });
  return renderArticle(db, article, (doc, name) => glossary.annotate(doc, name));
}

/**
 * The editor of an article, or of a new one. An article the user may see but not edit opens read-only (the saved
 * article, not `props.values`): no form whose Save would only fail afterwards.
 */
export async function renderEditor(
  c: Context<AdminEnv>,
  props: Omit<EditorProps, 'user' | 'choices' | 'canDate' | 'portfolio'> & { status?: number; target?: ArticleTarget; portfolioNotice?: PortfolioProps['notice'] },
): Promise<Response> {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { status, target: known, portfolioNotice, ...rest } = props;
  let extra: Partial<EditorProps> = {};
  let canDate = false;
  let target: ArticleTarget | undefined;
  if (props.article) {
    target = known ?? (await articleTargetOf(db, props.article));
    canDate = can(user.actor, 'article.schedule', target);
    const discussion = can(user.actor, 'article.view', target)
      ? await listTeamMessages(db, props.article.id)
      : [];
    extra = {
      actions: transitionsFrom(props.article.status).filter((name) => can(user.actor, `article.${name}`, target)),
      discussion,
      canDiscuss: can(user.actor, 'article.discuss', target),
      translations: await loadTranslationGroup(db, props.article),
    };
    if (!can(user.actor, 'article.edit', target)) {
      return renderReadOnly(c, { ...extra, article: props.article, target, status, info: props.info, error: props.error, othersEditing: props.othersEditing });
    }
  }
  const choices = await loadChoices(db, user.actor, props.article, props.values.relatedIds);
  return renderAdmin(c, {
    title: props.article ? props.article.title : t('admin.article.new'),
    current: '/ecrire/articles',
    scripts: ['editor.js', 'portfolio.js', 'autosave.js', 'picker.js'],
    ...(status ? { status } : {}),
    body: <ArticleEditor user={user} choices={choices} canDate={canDate} portfolio={{ ...(await loadPortfolio(db, user.actor, props.article, target)), notice: portfolioNotice }} {...extra} {...rest} />,
  });
}

/** The saved article, read-only (pages/article-read-only.tsx), with the actions and discussion its reader may use. */
async function renderReadOnly(
  c: Context<AdminEnv>,
  props: Pick<EditorProps, 'actions' | 'discussion' | 'canDiscuss' | 'info' | 'error' | 'othersEditing'> & { article: Article; target: ArticleTarget; status: number | undefined },
): Promise<Response> {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article, target, status, ...rest } = props;
  const [links, authors] = await Promise.all([loadArticleLinks(db, article.id), loadUserNames(db, target.authorIds)]);
  const choices = await loadChoices(db, user.actor, article, links.relatedIds.map(String));
  // The saved text as the public page renders it; one too long to render on request is shown as typed.
  const preview = previewable(article) ? await previewOf(db, article, article) : undefined;
  return renderAdmin(c, {
    title: article.title,
    current: '/ecrire/articles',
    ...(status ? { status } : {}),
    body: <ArticleReadOnly user={user} article={article} authors={authors} keywordIds={links.keywordIds} relatedIds={links.relatedIds} choices={choices} preview={preview} {...rest} />,
  });
}

export async function loadEditable(c: Context<AdminEnv>, user: CurrentUser): Promise<{ article: Article; target: ArticleTarget }> {
  const id = pathId(c, 'id', 'errors.articles.notFound');
  const db = c.get('app').db;
  const article = await loadArticle(db, id);
  if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
  const target = await articleTargetOf(db, article);
  if (!can(user.actor, 'article.view', target)) throw new TisseError('FORBIDDEN', 'errors.articles.cannotView');
  return { article, target };
}

/** The form's values for an operation: its dates were typed in the site's time zone. */
async function toOperationInput(db: Db, values: ArticleFormValues) {
  const { timeZone } = await loadSiteSettings(db);
  return {
    ...values,
    publishedAt: localInputToIso(values.publishedAt, timeZone),
    writtenAt: localInputToIso(values.writtenAt, timeZone),
    expectedUpdatedAt: values.expectedUpdatedAt || undefined,
  };
}

articleAdminRoutes.get('/nouveau', async (c) => {
  const user = mustUser(c);
  if (!can(user.actor, 'article.create')) throw new TisseError('FORBIDDEN');
  // The section asked for (?rubrique=) when the user may write there, else the first they may: a restricted
  // administrator starts in one of their sections.
  const wanted = parseId(c.req.query('rubrique') ?? '');
  const sectionId = defaultSectionId(sectionChoices(await loadSectionTree(c.get('app').db), user.actor), wanted);
  const empty: ArticleFormValues = { title: '', surtitle: '', subtitle: '', description: '', lead: '', text: '', postscript: '', sectionId: sectionId === undefined ? '' : String(sectionId), slug: '', publishedAt: '', writtenAt: '', forumMode: '', keywordIds: [], authorIds: [String(user.user.id)], relatedIds: [], lang: '', expectedUpdatedAt: '' };
  return renderEditor(c, { values: empty });
});

articleAdminRoutes.post('/nouveau', async (c) => {
  const user = mustUser(c);
  if (!can(user.actor, 'article.create')) throw new TisseError('FORBIDDEN');
  const db = c.get('app').db;
  const fields = await formFields(c);
  const values = valuesFromForm(fields);
  if (field(fields, 'apercu')) {
    if (!previewable(values)) return renderEditor(c, { values, error: previewTooLarge().message, status: 413 });
    return renderEditor(c, { values, preview: await previewOf(db, values) });
  }
  try {
    // One operation: the whole form validated, then one transaction (nothing left behind by a refusal).
    const article = await createArticleFromForm(db, user.actor, { ...(await toOperationInput(db, values)), expectedUpdatedAt: undefined });
    await markEditing(db, article.id, user.user.id);
    return c.redirect(`/ecrire/articles/${article.id}?enregistre=1`, 303);
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return renderEditor(c, { values, error: error.message, fieldErrors: error.fields ?? (error.code === 'BAD_INPUT' ? { title: error.message } : undefined), status: error.status });
  }
});

articleAdminRoutes.post('/apercu', async (c) => {
  mustUser(c);
  const values = valuesFromForm(await formFields(c));
  const preview = await previewOf(c.get('app').db, values);
  const html = await (<PreviewBlock preview={preview} />).toString();
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
});

articleAdminRoutes.get('/:id{[0-9]+}', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article, target } = await loadEditable(c, user);
  // A GET changes nothing: the editor's script takes the edit lock (POST …/verrou), and so does a save.
  const others = await othersEditing(db, article.id, user.user.id);
  return renderEditor(c, {
    article,
    target,
    values: await valuesOf(db, article, target),
    othersEditing: others,
    info: c.req.query('enregistre') !== undefined ? t('admin.article.saved') : c.req.query('statut') ? t('admin.action.done', { status: statusLabel(article.status, article.published_at, (await loadSiteSettings(db)).timeZone) }) : undefined,
    // A text too long to render on request is previewed once saved, on its public page.
    preview: previewable(article) ? await previewOf(db, article, article) : undefined,
  });
});

// The edit lock (articles/operations/edit-lock.ts), taken by the editor's script when it opens and every few
// minutes while it stays open; without the script, a save takes it.
articleAdminRoutes.post('/:id{[0-9]+}/verrou', async (c) => {
  const user = mustUser(c);
  const { article, target } = await loadEditable(c, user);
  if (!can(user.actor, 'article.edit', target)) throw new TisseError('FORBIDDEN', 'errors.articles.cannotEdit');
  await markEditing(c.get('app').db, article.id, user.user.id);
  return c.body(null, 204);
});

articleAdminRoutes.post('/:id{[0-9]+}', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article } = await loadEditable(c, user);
  const fields = await formFields(c);
  const values = valuesFromForm(fields);
  if (field(fields, 'apercu')) {
    if (!previewable(values)) return renderEditor(c, { article, values, error: previewTooLarge().message, status: 413 });
    return renderEditor(c, { article, values, preview: await previewOf(db, values, article) });
  }
  try {
    await updateArticle(db, user.actor, article.id, await toOperationInput(db, values));
    await markEditing(db, article.id, user.user.id);
    return c.redirect(`/ecrire/articles/${article.id}?enregistre=1`, 303);
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return renderEditor(c, { article, values, error: error.message, fieldErrors: error.fields, status: error.status, preview: previewable(values) ? await previewOf(db, values, article) : undefined });
  }
});

// "Traduire" (issue 22): a copy in another language, joined to the article's translation group; its editor opens.
articleAdminRoutes.post('/:id{[0-9]+}/traduire', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article, target } = await loadEditable(c, user);
  const fields = await formFields(c);
  try {
    const translation = await translateArticle(db, user.actor, article.id, { lang: field(fields, 'translationLang') });
    return c.redirect(`/ecrire/articles/${translation.id}?enregistre=1`, 303);
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return renderEditor(c, { article, target, values: await valuesOf(db, article, target), error: error.message, status: error.status });
  }
});

// "Cet article traduit l'article n°": joins the article to another's group, or takes it out (an empty number).
articleAdminRoutes.post('/:id{[0-9]+}/traduction-de', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article, target } = await loadEditable(c, user);
  const typed = field(await formFields(c), 'translationOf').trim().replace(/^n°\s*/i, '');
  try {
    const originalId = typed === '' ? null : parseId(typed);
    if (originalId === undefined) throw new TisseError('BAD_INPUT', 'errors.translations.badNumber');
    await linkTranslation(db, user.actor, article.id, originalId);
    return c.redirect(`/ecrire/articles/${article.id}?enregistre=1`, 303);
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    return renderEditor(c, { article, target, values: await valuesOf(db, article, target), error: error.message, status: error.status });
  }
});

// Autosave (assets/autosave.js): the form as the Save button would send it, answered in JSON so the page stays
// as it is. A refusal says why; a conflict (someone saved since the form was loaded) points to the revisions,
// and the script stops saving: the typed text stays in the page, nothing is overwritten.
articleAdminRoutes.post('/:id{[0-9]+}/brouillon', async (c) => {
  const user = mustUser(c);
  const id = pathId(c, 'id', 'errors.articles.notFound');
  const values = valuesFromForm(await formFields(c));
  try {
    const db = c.get('app').db;
    const saved = await autosaveArticle(db, user.actor, id, await toOperationInput(db, values));
    const time = formatClockIn(saved.article.updated_at, (await loadSiteSettings(db)).timeZone);
    return c.json({ status: 'saved', updatedAt: saved.article.updated_at, revision: saved.revision, message: t('admin.autosave.saved', { time }) }, 200, { 'cache-control': 'no-store' });
  } catch (error) {
    if (!isTisseError(error) || error.status >= 500) throw error;
    const stale = error.code === 'CONFLICT' && error.text === 'errors.articles.editConflict';
    const body = stale
      ? { status: 'conflict', message: t('admin.autosave.conflict'), link: { href: `/ecrire/articles/${id}/revisions`, label: t('admin.autosave.revisions') } }
      : { status: error.code === 'BAD_INPUT' ? 'invalid' : 'refused', message: error.status === 400 ? t('admin.autosave.invalid', { message: error.message }) : error.message, fields: error.fields ?? {} };
    return c.json(body, error.status as 400 | 403 | 404 | 409, { 'cache-control': 'no-store' });
  }
});

articleAdminRoutes.post('/:id{[0-9]+}/statut', async (c) => {
  const user = mustUser(c);
  const fields = await formFields(c);
  const action = field(fields, 'action');
  if (!isTransitionName(action)) throw new TisseError('BAD_INPUT', 'errors.articles.unknownAction');
  const db = c.get('app').db;
  const publishAt = localInputToIso(field(fields, 'publishAt'), (await loadSiteSettings(db)).timeZone);
  const id = pathId(c, 'id', 'errors.articles.notFound');
  await changeArticleStatus(db, user.actor, id, action, { siteUrl: c.get('app').config.siteUrl, ...(publishAt ? { publishAt } : {}) });
  return c.redirect(`/ecrire/articles/${id}?statut=1`, 303);
});

articleAdminRoutes.post('/:id{[0-9]+}/discussion', async (c) => {
  const user = mustUser(c);
  const id = pathId(c, 'id', 'errors.articles.notFound');
  await postTeamMessage(c.get('app').db, user.actor, id, { text: field(await formFields(c), 'text') });
  return c.redirect(`/ecrire/articles/${id}#discussion`, 303);
});

/** A revision number from the query: absent is undefined; one no revision can have names none (404). */
function revisionNumber(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const number = parseId(raw);
  if (number === undefined) throw new TisseError('NOT_FOUND', 'errors.articles.revisionNotFound');
  return number;
}

articleAdminRoutes.get('/:id{[0-9]+}/revisions', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const { article, target } = await loadEditable(c, user);
  const revisions = await listRevisions(db, article.id);
  const to = revisionNumber(c.req.query('a')) ?? revisions[0]?.number ?? 0;
  const from = revisionNumber(c.req.query('de')) ?? revisions[1]?.number ?? to;
  let diff;
  if (revisions.length > 0) {
    const [a, b] = await Promise.all([loadRevisionFields(db, article.id, from), loadRevisionFields(db, article.id, to)]);
    if ((c.req.query('a') || c.req.query('de')) && (!a || !b)) throw new TisseError('NOT_FOUND', 'errors.articles.revisionNotFound');
    if (a && b) diff = diffRevisionFields(a, b);
  }
  return renderAdmin(c, {
    title: t('admin.revisions.title', { title: article.title }),
    current: '/ecrire/articles',
    body: <RevisionsPage user={user} articleId={article.id} title={article.title} revisions={revisions} from={from} to={to} diff={diff} canRestore={can(user.actor, 'article.restoreRevision', target)} />,
  });
});

articleAdminRoutes.post('/:id{[0-9]+}/revisions/:number{[0-9]+}/restaurer', async (c) => {
  const user = mustUser(c);
  const id = pathId(c, 'id', 'errors.articles.notFound');
  await restoreRevision(c.get('app').db, user.actor, id, pathId(c, 'number', 'errors.articles.revisionNotFound'));
  return c.redirect(`/ecrire/articles/${id}/revisions`, 303);
});
