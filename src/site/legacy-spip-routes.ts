// The addresses a SPIP site answered, mapped to Tisse's: spip.php?article12, spip.php?page=article&id_article=12,
// /?article12, article12.html, the same for rubrique/mot/auteur/breve/site, IMG/… document files, the pages
// SPIP's templates named (page=plan → /plan, page=recherche&recherche=q → /recherche?q=q) and its feeds
// (page=backend → /rss.xml, with id_rubrique or id_mot → that section's or keyword's feed; backend.php too).
// SPIP's "propres" URLs are old paths in the urls table (written at import), answered by the site's catch-all;
// mot URLs of glossary terms are answered here (their page is /glossaire).
// An object the public may not see answers 404 (410 from the trash), never a redirect that reveals its new path.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../web/context.ts';
import type { ObjectType } from '../db/schema.ts';
import { breveLegacyPath, currentPath, loadLegacyObject, resolvePath } from '../urls/index.ts';
import { isPublic, loadArticle } from '../articles/index.ts';
import { loadUser } from '../users/index.ts';
import { loadTerm } from '../glossary/index.ts';
import { findDocumentByFile } from '../documents/index.ts';
import { loadSite } from '../sites/index.ts';
import { documentUrl } from '../web/markup-resolver.ts';
import { notFound, errorPage } from './page.ts';
import { t } from '../kernel/i18n/index.ts';
import { parseId } from '../kernel/input.ts';

export interface LegacyTarget {
  type: string;
  id: number;
}

const idColumns: Record<string, string> = {
  id_article: 'article', id_rubrique: 'rubrique', id_mot: 'mot', id_auteur: 'auteur', id_breve: 'breve', id_syndic: 'site',
};
const shortForm = /^(article|rubrique|mot|auteur|breve|site|syndic)(\d+)$/;

/** SPIP's digits as an id; 0 when no column can hold it (99999999999999999999), which names nothing. */
function legacyId(digits: string): number {
  return parseId(digits.replace(/^0+(?=\d)/, '')) ?? 0;
}

/** A page of SPIP's templates that names no object: the site map, the search, a feed (of a section or keyword). */
export type SpipPage =
  | { page: 'plan' }
  | { page: 'recherche'; q: string }
  | { page: 'backend'; of?: LegacyTarget }
  | { page: 'backend-breves' };

/** What a SPIP query string names: 'article12', 'page=article&id_article=12', 'page=backend&id_rubrique=5'… */
export function parseSpipQuery(search: string): LegacyTarget | SpipPage | undefined {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return undefined;
  const first = query.split('&')[0]!;
  const short = shortForm.exec(first);
  if (short) return { type: short[1] === 'syndic' ? 'site' : short[1]!, id: legacyId(short[2]!) };
  const params = new URLSearchParams(query);
  const page = params.get('page');
  if (page === 'plan') return { page: 'plan' };
  if (page === 'recherche') return { page: 'recherche', q: params.get('recherche') ?? '' };
  if (page === 'backend-breves') return { page: 'backend-breves' };
  if (page === 'backend') {
    // SPIP filters its feed by one of these; an author's articles have no feed here, so the site's stands in.
    for (const column of ['id_rubrique', 'id_mot'] as const) {
      const value = params.get(column);
      if (value && /^\d+$/.test(value)) return { page: 'backend', of: { type: idColumns[column]!, id: legacyId(value) } };
    }
    return { page: 'backend' };
  }
  for (const [column, type] of Object.entries(idColumns)) {
    const value = params.get(column);
    if (value && /^\d+$/.test(value) && (!page || page === type || page === 'forum' || (page === 'site' && type === 'site'))) return { type, id: legacyId(value) };
  }
  return undefined;
}

export const legacySpipUrls: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
  const url = new URL(c.req.url);
  const path = url.pathname;
  if (path === '/backend.php') return c.redirect('/rss.xml', 301);
  if (path === '/spip.php' || path === '/index.php' || (path === '/' && url.search)) {
    const target = parseSpipQuery(url.search);
    if (target && 'page' in target) return redirectToPage(c, target);
    if (target) return redirectTo(c, target);
    return path === '/' ? next() : c.redirect('/', 301);
  }
  const html = /^\/(article|rubrique|mot|auteur|breve|site)(\d+)\.html$/.exec(path);
  if (html) return redirectTo(c, { type: html[1]!, id: legacyId(html[2]!) });
  if (path.startsWith('/IMG/')) return redirectDocument(c, decodeURIComponent(path.slice('/IMG/'.length)));
  if (path.startsWith('/+-') && path.endsWith('-+')) {
    const known = await resolvePath(c.get('app').db, decodeURIComponent(path));
    if (known?.objectType === 'glossary') return redirectToGlossary(c, known.objectId);
  }
  return next();
};

async function redirectTo(c: Context<AppEnv>, target: LegacyTarget): Promise<Response> {
  const { db } = c.get('app');
  // An id no column can hold (0 stands for one: 99999999999999999999, 007…) names nothing.
  if (target.id === 0) return notFound(c);
  let type: ObjectType;
  let id = target.id;
  if (target.type === 'breve') {
    // An imported brève is an article (decision 026), found by the old path the import wrote for it.
    const known = await resolvePath(db, breveLegacyPath(id));
    if (known?.objectType === 'article') id = known.objectId;
    else return redirectToKeptObject(c, target);
  }
  switch (target.type === 'breve' ? 'article' : target.type) {
    case 'article': {
      const article = await loadArticle(db, id);
      if (!article) return notFound(c);
      if (!isPublic(article)) return article.status === 'trash' ? errorPage(c, 410, t('error.title'), t('errors.contentDeleted')) : notFound(c);
      type = 'article';
      break;
    }
    case 'rubrique':
      type = 'section';
      break;
    case 'auteur': {
      const user = await loadUser(db, id);
      if (!user || user.role === 'disabled') return notFound(c);
      type = 'author';
      break;
    }
    case 'mot': {
      const term = await loadTerm(db, id);
      if (term) return redirectToGlossary(c, id);
      type = 'keyword';
      break;
    }
    default:
      return redirectToKeptObject(c, target);
  }
  const path = await currentPath(db, type, id);
  return path ? c.redirect(path, 301) : notFound(c);
}

/**
 * A referenced site leads to the section that lists it. Objects kept in legacy_objects by an earlier import (sites
 * and brèves before they had a form here) lead to the section SPIP listed them in.
 */
async function redirectToKeptObject(c: Context<AppEnv>, target: LegacyTarget): Promise<Response> {
  const { db } = c.get('app');
  const site = target.type === 'site' ? await loadSite(db, target.id) : undefined;
  if (site) {
    const path = site.status === 'published' ? await currentPath(db, 'section', site.section_id) : undefined;
    return path ? c.redirect(path, 301) : notFound(c);
  }
  const row = await loadLegacyObject<{ id_rubrique?: number; statut?: string }>(db, 'spip', target.type, target.id);
  if (!row || row.statut !== 'publie' || !row.id_rubrique) return notFound(c);
  const path = await currentPath(db, 'section', row.id_rubrique);
  return path ? c.redirect(path, 301) : notFound(c);
}

async function redirectToPage(c: Context<AppEnv>, target: SpipPage): Promise<Response> {
  switch (target.page) {
    case 'plan':
      return c.redirect('/plan', 301);
    case 'recherche':
      return c.redirect(target.q.trim() ? `/recherche?q=${encodeURIComponent(target.q)}` : '/recherche', 301);
    case 'backend-breves':
      return c.redirect('/rss.xml', 301);
    case 'backend': {
      if (!target.of) return c.redirect('/rss.xml', 301);
      const { db } = c.get('app');
      if (target.of.id === 0) return notFound(c);
      const path = await currentPath(db, target.of.type === 'rubrique' ? 'section' : 'keyword', target.of.id);
      if (path) return c.redirect(`${path}/rss.xml`, 301);
      // A mot of the glossary has no feed of its own: the site's stands in.
      if (target.of.type === 'mot' && (await loadTerm(db, target.of.id))) return c.redirect('/rss.xml', 301);
      return notFound(c);
    }
  }
}

async function redirectToGlossary(c: Context<AppEnv>, id: number): Promise<Response> {
  const term = await loadTerm(c.get('app').db, id);
  return term ? c.redirect(`/glossaire#${encodeURIComponent(term.slug)}`, 301) : notFound(c);
}

async function redirectDocument(c: Context<AppEnv>, file: string): Promise<Response> {
  const doc = await findDocumentByFile(c.get('app').db, file);
  return doc ? c.redirect(documentUrl(doc.file), 301) : notFound(c);
}
