// Every check a post must pass before anything is written, shared by the preview step and the send step:
// the article and its forum mode, the honeypot, the fields, the length and link limits, the form token,
// the parent message. Throws a ForumRejection saying why, in French.
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import type { Article, ForumMode, ForumStatus, User } from '../db/schema.ts';
import { loadArticle, isPublic } from '../articles/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { checkFormToken } from './form-token.ts';
import { countLinks, parsePostFields, type PostFields } from './input.ts';
import { forumModeOf, initialStatus } from './modes.ts';
import { loadForumPolicy, type ForumPolicy } from './policy.ts';
import { ForumRejection } from './rejection.ts';

export interface PostInput {
  articleId: number;
  parentId: number | null;
  /** What the person typed (name and email may be empty for a logged-in poster). */
  fields: Partial<Record<keyof PostFields, unknown>>;
  token: string;
  /** The honeypot field: people leave it empty. */
  honeypot: string;
  ip: string;
  /** The logged-in poster, if any. */
  user?: Pick<User, 'id' | 'name' | 'email' | 'role'> | null;
}

export interface CheckedPost {
  article: Article;
  mode: ForumMode;
  status: ForumStatus;
  fields: PostFields;
  parent: { id: number; threadId: number; title: string } | null;
  policy: ForumPolicy;
}

export async function checkPost(db: Db, config: Pick<Config, 'forumMinSeconds'>, input: PostInput): Promise<CheckedPost> {
  const article = Number.isSafeInteger(input.articleId) ? await loadArticle(db, input.articleId) : undefined;
  if (!article || !isPublic(article)) throw new ForumRejection('not_found', 'Cet article n’existe pas ou n’est pas publié : impossible d’y répondre.');
  const [settings, policy] = await Promise.all([loadSiteSettings(db), loadForumPolicy(db)]);
  const mode = forumModeOf(article, settings.forumMode);
  const status = initialStatus(mode);
  if (!status) throw new ForumRejection('closed', 'Les commentaires sont fermés pour cet article.');
  const user = input.user && input.user.role !== 'disabled' ? input.user : null;
  if (mode === 'abo' && !user) throw new ForumRejection('login_required', 'Ce forum est réservé aux visiteurs inscrits : identifiez-vous pour participer.');
  if (input.honeypot.trim() !== '') {
    throw new ForumRejection('honeypot', 'Votre message a été pris pour un envoi automatique : le champ « Ne pas remplir » doit rester vide.');
  }

  const raw = user ? { ...input.fields, name: input.fields.name || user.name, email: user.email } : input.fields;
  const parsed = parsePostFields(raw);
  if (!parsed.ok) throw new ForumRejection('invalid', 'Certains champs sont à corriger.', parsed.errors);
  const fields = parsed.fields;
  const length = [...fields.text].length;
  if (length < policy.minTextLength) {
    throw new ForumRejection('invalid', 'Certains champs sont à corriger.', { text: `Votre message est trop court (${policy.minTextLength} caractères au moins).` });
  }
  if (length > policy.maxTextLength) {
    throw new ForumRejection('invalid', 'Certains champs sont à corriger.', {
      text: `Votre message est trop long : ${length} caractères pour ${policy.maxTextLength} au plus.`,
    });
  }
  const links = countLinks(fields.text) + countLinks(fields.title);
  if (links > policy.maxLinks) {
    throw new ForumRejection('links', `Votre message contient trop de liens (${links}, pour ${policy.maxLinks} au plus) : retirez-en quelques-uns.`, {
      text: `Trop de liens (${policy.maxLinks} au plus).`,
    });
  }

  const token = await checkFormToken(db, input.token, {
    articleId: article.id,
    parentId: input.parentId,
    minSeconds: config.forumMinSeconds,
    maxHours: policy.tokenHours,
  });
  if (!token.ok) {
    if (token.problem === 'too_fast') throw new ForumRejection('too_fast', 'Votre message a été envoyé trop vite après l’ouverture du formulaire : relisez-le et envoyez-le à nouveau.');
    if (token.problem === 'expired') throw new ForumRejection('expired', 'Le formulaire a expiré : votre texte est conservé ci-dessous, envoyez-le à nouveau.');
    throw new ForumRejection('token', 'Ce formulaire n’est pas valide (il ne vient pas de cette page) : rechargez la page et recommencez.');
  }

  let parent: CheckedPost['parent'] = null;
  if (input.parentId !== null) {
    const row = Number.isSafeInteger(input.parentId)
      ? await db.kysely
          .selectFrom('forum_messages')
          .select(['id', 'thread_id', 'title', 'article_id', 'status', 'kind'])
          .where('id', '=', input.parentId)
          .executeTakeFirst()
      : undefined;
    if (!row || row.article_id !== article.id || row.kind !== 'public' || row.status !== 'published') {
      throw new ForumRejection('not_found', 'Le message auquel vous répondez n’existe pas ou n’est plus publié.');
    }
    parent = { id: row.id, threadId: row.thread_id ?? row.id, title: row.title };
  }
  return { article, mode, status, fields, parent, policy };
}
