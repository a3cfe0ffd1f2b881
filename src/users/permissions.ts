// Who may do what: every permission of Tisse in one place, as one pure function of an actor, an action
// and a target. Routes, CLI and jobs ask `can()`; nothing else decides. Restricted administrators are
// administrators with rows in user_sections: they administer those sections and everything below them.
import type { Db } from '../db/connect.ts';
import type { ArticleStatus, Trx, User, UserRole } from '../db/schema.ts';
import { loadSectionTree, type SectionTree } from '../sections/index.ts';

/** A user as permissions see them. `sections` is null for a full administrator and for non-administrators. */
export interface Actor {
  id: number;
  role: UserRole;
  /** For a restricted administrator: every section it administers, sub-sections included (already expanded). */
  sections: ReadonlySet<number> | null;
}

/** What an article-level permission looks at. */
export interface ArticleTarget {
  sectionId: number;
  status: ArticleStatus;
  authorIds: readonly number[];
}

export const articleActions = [
  'article.view', // see it in the back office
  'article.create', // target: { sectionId } (or an article's), or none: anywhere at all
  'article.edit',
  'article.propose',
  'article.withdraw', // proposed → draft
  'article.publish',
  'article.refuse',
  'article.unpublish',
  'article.schedule',
  'article.trash',
  'article.restore', // trash → draft
  'article.reopen', // refused → draft
  'article.restoreRevision',
  'article.discuss', // post in the team's private thread
] as const;

export const siteActions = [
  'backoffice.enter',
  'section.manage', // target: { sectionId } or none for top level
  'keyword.manage',
  'glossary.manage',
  'user.manage',
  'settings.manage',
  'audit.view', // the back office's journal (who did what): full administrators only
  'newsletter.manage', // lists, subscribers, issues (/ecrire/lettre): full administrators
  'document.upload',
  'document.manage', // edit and delete a document; target: DocumentTarget (without one: full administrators only)
  'forum.moderate', // target: { sectionId } of the article, or none for the whole queue
  'forum.postSubscribers', // post in a forum "sur abonnement"
  'profile.edit', // one's own name, bio, email, password and sessions (/ecrire/profil), visitors included
] as const;

/**
 * What `document.manage` looks at: the section of each object the document is attached to (an article's
 * section, a section itself; null for an object outside the tree, such as a keyword or an author).
 */
export interface DocumentTarget {
  attachedTo: readonly (number | null)[];
}

export type ArticleAction = (typeof articleActions)[number];
export type SiteAction = (typeof siteActions)[number];
export type Action = ArticleAction | SiteAction;

export type Target = ArticleTarget | DocumentTarget | { sectionId: number | null } | undefined;

function isAdmin(actor: Actor): boolean {
  return actor.role === 'administrator';
}

function isFullAdmin(actor: Actor): boolean {
  return actor.role === 'administrator' && actor.sections === null;
}

/** Administrator of this section: a full administrator, or a restricted one whose sections include it. */
export function administers(actor: Actor, sectionId: number | null | undefined): boolean {
  if (!isAdmin(actor)) return false;
  if (actor.sections === null) return true;
  return sectionId !== null && sectionId !== undefined && actor.sections.has(sectionId);
}

function isArticleTarget(target: Target): target is ArticleTarget {
  return target !== undefined && 'status' in target;
}

function writes(actor: Actor): boolean {
  return actor.role === 'administrator' || actor.role === 'editor';
}

export function can(actor: Actor | null | undefined, action: Action, target?: Target): boolean {
  if (!actor || actor.role === 'disabled') return false;
  switch (action) {
    case 'backoffice.enter':
    case 'document.upload':
      return writes(actor);
    case 'forum.postSubscribers':
    case 'profile.edit':
      return true;
    case 'document.manage': {
      // Editing or deleting a document changes every page it is attached to: a restricted administrator may
      // do it only when all of them are theirs. A document attached to nothing is the full administrators'.
      if (isFullAdmin(actor)) return true;
      if (!isAdmin(actor) || !target || !('attachedTo' in target)) return false;
      return target.attachedTo.length > 0 && target.attachedTo.every((sectionId) => administers(actor, sectionId));
    }
    case 'keyword.manage':
    case 'glossary.manage':
    case 'user.manage':
    case 'settings.manage':
    case 'audit.view':
    case 'newsletter.manage':
      return isFullAdmin(actor);
    case 'section.manage':
    case 'forum.moderate': {
      const sectionId = target && 'sectionId' in target ? target.sectionId : null;
      // Without a target: the whole tree (full administrators) or some of it (restricted ones).
      if (!target) return isAdmin(actor);
      return administers(actor, sectionId);
    }
    case 'article.create': {
      // As in SPIP, anyone who writes may start an article in any section; publishing is what is guarded. A
      // restricted administrator works in their sections: they start (or move) articles there only, where they
      // can also publish them. Without a section: whether the actor may start an article somewhere.
      if (!writes(actor)) return false;
      const sectionId = target && 'sectionId' in target ? target.sectionId : undefined;
      return sectionId === undefined || actor.role !== 'administrator' || actor.sections === null || administers(actor, sectionId);
    }
  }
  if (!isArticleTarget(target) || !writes(actor)) return false;
  const admin = administers(actor, target.sectionId);
  const author = target.authorIds.includes(actor.id);
  const status = target.status;
  switch (action) {
    case 'article.view':
      // SPIP: editors see their own articles and everything submitted or published, not others' drafts.
      return admin || author || status === 'proposed' || status === 'published';
    case 'article.discuss':
      return admin || author || status === 'proposed' || status === 'published';
    case 'article.edit':
    case 'article.restoreRevision':
      return admin || (author && (status === 'draft' || status === 'proposed'));
    case 'article.propose':
      return status === 'draft' && (admin || author);
    case 'article.withdraw':
      return status === 'proposed' && (admin || author);
    case 'article.reopen':
      return status === 'refused' && (admin || author);
    case 'article.trash':
      return status !== 'trash' && (admin || (author && status === 'draft'));
    case 'article.publish':
    case 'article.schedule':
      return admin && status !== 'trash';
    case 'article.refuse':
      return admin && (status === 'proposed' || status === 'draft');
    case 'article.unpublish':
      return admin && status === 'published';
    case 'article.restore':
      return admin && status === 'trash';
  }
  return false;
}

/** Builds the actor of a user: loads a restricted administrator's sections and expands them to their sub-sections. */
export async function loadActor(db: Db, user: Pick<User, 'id' | 'role'>, tree?: SectionTree): Promise<Actor> {
  if (user.role !== 'administrator') return { id: user.id, role: user.role, sections: null };
  const rows = await db.kysely.selectFrom('user_sections').select('section_id').where('user_id', '=', user.id).execute();
  if (rows.length === 0) return { id: user.id, role: user.role, sections: null };
  const sections = tree ?? (await loadSectionTree(db));
  const all = new Set<number>();
  for (const row of rows) for (const id of sections.subtree(row.section_id)) all.add(id);
  return { id: user.id, role: user.role, sections: all };
}

/** The permission target of an article: its section, status and authors. */
export async function loadArticleTarget(db: Db, articleId: number): Promise<ArticleTarget | undefined> {
  const article = await db.kysely.selectFrom('articles').select(['id', 'section_id', 'status']).where('id', '=', articleId).executeTakeFirst();
  return article && articleTargetOf(db, article);
}

/** The permission target of an article already read: only its authors are loaded. */
export async function articleTargetOf(db: Db, article: { id: number; section_id: number; status: ArticleTarget['status'] }): Promise<ArticleTarget> {
  const authors = await db.kysely.selectFrom('article_authors').select('user_id').where('article_id', '=', article.id).orderBy('position').execute();
  return { sectionId: article.section_id, status: article.status, authorIds: authors.map((a) => a.user_id) };
}

/** The permission target of a document: the section of each object it is attached to (inside a write, pass its transaction). */
export async function loadDocumentTarget(db: Db | Trx, documentId: number): Promise<DocumentTarget> {
  const query = 'kysely' in db ? db.kysely : db;
  const links = await query
    .selectFrom('document_links')
    .leftJoin('articles', (join) => join.onRef('articles.id', '=', 'document_links.object_id').on('document_links.object_type', '=', 'article'))
    .select(['document_links.object_type', 'document_links.object_id', 'articles.section_id'])
    .where('document_links.document_id', '=', documentId)
    .execute();
  return {
    attachedTo: links.map((link) => (link.object_type === 'article' ? link.section_id : link.object_type === 'section' ? link.object_id : null)),
  };
}
