// What goes into the journal (audit/): every back-office form that succeeded, named `<area>.<verb>` from its
// path, with who sent it, what it touched and from where. One middleware for every route, so a new form is
// journaled without anyone remembering to; the table below says how a path reads. Routes that save without a
// person deciding anything (the editor's autosave, its lock, the preview, the team's discussion) are left out.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { clientIp, currentUser, type AdminEnv } from '../web/auth.ts';
import { field, fieldList, formFields, type FormFields } from '../web/form-action.ts';
import { findSession, SESSION_COOKIE } from '../users/index.ts';
import { recordAudit, type AuditRecord } from '../audit/index.ts';

/** The back office's areas as the journal names them (path segment → area). */
const AREAS: Record<string, string> = {
  articles: 'article',
  documents: 'document',
  rubriques: 'section',
  mots: 'keyword',
  glossaire: 'glossary',
  auteurs: 'user',
  forum: 'forum',
  reglages: 'settings',
  profil: 'profile',
};

/** A path's last word → the verb. A numeric last segment edits the object it names. */
const VERBS: Record<string, string> = {
  nouveau: 'create',
  nouvelle: 'create',
  ajouter: 'create',
  supprimer: 'delete',
  desactiver: 'disable',
  statut: 'status',
  lot: 'bulk',
  restaurer: 'restoreRevision',
  deplacer: 'move',
  ordre: 'move',
  moderer: 'moderate',
  joindre: 'edit',
  detacher: 'edit',
  email: 'email',
  'mot-de-passe': 'password',
  fermer: 'endSessions',
};

/** Saves that are not decisions: the autosave, the edit lock, previews, the team's thread. */
const NOT_JOURNALED = new Set(['apercu', 'verrou', 'brouillon', 'discussion']);

/** Every action the journal may hold: the filter of /ecrire/journal offers these. */
export const AUDIT_ACTIONS: readonly string[] = [
  'session.login', 'session.loginRefused', 'session.logout',
  'article.create', 'article.edit', 'article.status', 'article.bulk', 'article.restoreRevision',
  'document.create', 'document.edit', 'document.delete', 'document.bulk',
  'section.create', 'section.edit', 'section.move', 'section.delete',
  'keywordGroup.create', 'keywordGroup.edit', 'keywordGroup.delete',
  'keyword.create', 'keyword.edit', 'keyword.delete',
  'glossary.create', 'glossary.edit', 'glossary.delete',
  'user.create', 'user.edit', 'user.disable',
  'forum.moderate',
  'settings.save', 'appearance.save',
  'profile.save', 'profile.email', 'profile.password', 'profile.endSessions',
];

interface Reading {
  action: string;
  target: string;
  /** Reads the detail from the form once the route has answered (its body is cached by then). */
  detail?: (fields: FormFields) => string;
}

/** How a POST under /ecrire/ reads in the journal; undefined: not journaled. Exported for its test. */
export function readAction(path: string): Reading | undefined {
  const [first = '', ...rest] = path.replace(/^\/ecrire\/?/, '').split('/').filter(Boolean);
  if (first === 'login') return { action: 'session.login', target: '' };
  if (first === 'logout') return { action: 'session.logout', target: '' };
  if (!AREAS[first] || rest.some((word) => NOT_JOURNALED.has(word))) return undefined;
  const ids = rest.filter((word) => /^[0-9]+$/.test(word));
  const target = ids[0] ?? '';
  const last = rest.at(-1);
  const verb = last === undefined ? undefined : /^[0-9]+$/.test(last) ? 'edit' : VERBS[last];
  switch (first) {
    case 'reglages':
      return rest[0] === 'apparence' ? { action: 'appearance.save', target: '', detail: () => rest.slice(1).filter((w) => !/^[0-9]+$/.test(w)).join(' ') } : { action: 'settings.save', target: '' };
    case 'profil':
      return { action: `profile.${verb ?? 'save'}`, target: '' };
    case 'articles':
      // An upload from the editor is a document's creation, for that article.
      if (last === 'documents') return { action: 'document.create', target: '', detail: () => `article ${target}` };
      break;
    case 'mots':
      if (rest[0] === 'groupes') return { action: `keywordGroup.${verb ?? 'edit'}`, target };
      break;
  }
  const action = `${AREAS[first]}.${verb ?? 'edit'}`;
  if (verb === 'status') return { action, target, detail: (fields) => field(fields, 'action') };
  if (verb === 'bulk' || verb === 'moderate') return { action, target: '', detail: (fields) => `${field(fields, 'action')} ${fieldList(fields, 'ids').join(',')}`.trim() };
  if (first === 'documents' && (last === 'joindre' || last === 'detacher')) return { action, target, detail: (fields) => `${last} article ${field(fields, 'articleId')}` };
  return AUDIT_ACTIONS.includes(action) ? { action, target } : undefined;
}

/** Journals every successful POST of the back office; a failed journal write is logged, the answer stands. */
export const auditTrail: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const reading = readAction(c.req.path);
  if (!reading) return next();
  const before = currentUser(c);
  await next();
  const refused = c.res.status >= 400;
  if (refused && reading.action !== 'session.login') return;
  try {
    const record = await recordOf(c, reading, before, refused);
    if (record) await recordAudit(c.get('app').db, record);
  } catch (error) {
    c.get('app').log.error({ err: error, path: c.req.path }, 'audit: could not journal a back-office action');
  }
};

async function recordOf(c: Context<AdminEnv>, reading: Reading, before: ReturnType<typeof currentUser>, refused: boolean): Promise<AuditRecord | undefined> {
  const ip = clientIp(c);
  const form = async () => (isUrlencoded(c) ? formFields(c) : {});
  if (reading.action === 'session.login') {
    if (refused) {
      // A refused login names the account it tried: a run of them is what an administrator looks for.
      const email = field(await form(), 'email');
      return { userId: null, userName: email, action: 'session.loginRefused', target: '', ip };
    }
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(c.res.headers.get('set-cookie') ?? '')?.[1];
    const session = await findSession(c.get('app').db, token ?? getCookie(c, SESSION_COOKIE));
    if (!session) return undefined;
    return { userId: session.user.id, userName: session.user.name || session.user.email, action: reading.action, target: '', ip };
  }
  const who = before ?? currentUser(c);
  if (!who) return undefined;
  const detail = reading.detail ? reading.detail(await form()) : '';
  return { userId: who.user.id, userName: who.user.name || who.user.email, action: reading.action, target: reading.target, detail, ip };
}

function isUrlencoded(c: Context): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '');
}
