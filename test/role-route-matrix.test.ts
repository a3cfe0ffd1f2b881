// Every back-office route × every role, over HTTP, on both databases (issue 15). The routes come from the
// application itself (`app.routes` of src/app.ts, everything under /ecrire): a route missing from the table
// below fails the test, so a new route cannot be forgotten, and a row for a route that no longer exists fails
// too. Path parameters are filled with real objects, made fresh for each request (a deletion or a move must not
// change what the next role sees): for the restricted administrator once inside their sections ("in") and once
// outside ("out"); the other roles get the "in" objects. Articles belong to another editor and are drafts, so
// the editor of the matrix may not open them (article.view), and a restricted administrator may only inside.
//
// What each role gets, in this order: anonymous, visitor, editor, restricted administrator inside their
// sections, the same outside them, administrator.
//   L  asked to log in: a GET is sent to /ecrire/login?retour=…, a POST answers 401
//   F  403
//   O  allowed: 2xx or 3xx (not to the login page); forms are sent valid, so a permission checked after
//      validation still shows
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, type Session } from './helpers/back-office.ts';
import { createApp } from '../src/app.ts';
import type { AppContext } from '../src/web/context.ts';
import { createSection } from '../src/sections/index.ts';
import { createArticle } from '../src/articles/index.ts';
import { createUser, sha256 } from '../src/users/index.ts';
import { attachDocument, uploadDocument } from '../src/documents/index.ts';
import { saveKeyword, saveKeywordGroup } from '../src/keywords/index.ts';
import { saveTerm } from '../src/glossary/index.ts';
import { savePetition } from '../src/petitions/index.ts';
import { saveSite } from '../src/sites/index.ts';
import { listSettingsRevisions, saveSiteSettings } from '../src/settings/index.ts';
import sharp from 'sharp';
import { basename } from 'node:path';
import { createBackup } from '../src/backup/index.ts';
import { saveIssue, saveList } from '../src/newsletter/index.ts';
import { addSubscribers } from './newsletter/helpers.ts';

/** Routes that end the other sessions of the account that sends them. */
const ENDS_OTHER_SESSIONS = new Set(['POST /ecrire/profil/mot-de-passe', 'POST /ecrire/profil/sessions/fermer']);

const roles = ['anonymous', 'visitor', 'editor', 'restrictedIn', 'restrictedOut', 'administrator'] as const;
type Role = (typeof roles)[number];
type Kind = 'in' | 'out';
type Body = Record<string, string | string[]>;

/** What one request needs: its path parameters and its form (fresh objects for each request). */
interface Prepared {
  params?: Record<string, string | number>;
  body?: Body;
  /** Sent as multipart/form-data (uploads), as the field `fileField` (default `file`). */
  file?: File;
  fileField?: string;
}

interface Row {
  /** One letter per role, in the order of `roles`. */
  expect: string;
  prepare?: (kind: Kind, role: Role) => Promise<Prepared>;
}

/** The back-office routes of the application, as "METHOD path" (middleware and repeated entries left out). */
function backOfficeRoutes(): string[] {
  const app = createApp({} as AppContext);
  const seen = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/ecrire')) continue;
    seen.add(`${route.method} ${route.path}`);
  }
  return [...seen].sort();
}

/** Fills ":name" and ":name{regex}" segments. */
function fill(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_all, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(String(params[name]));
  });
}

forEachDialect('every back-office route × every role', (dialect) => {
  let site: TestSite;
  let n = 0;
  const unique = () => `${++n}-${randomBytes(3).toString('hex')}`;
  const sections = {} as Record<Kind, number>;
  const users = {} as Record<'editor' | 'otherEditor' | 'visitor' | 'restricted' | 'resetting', number>;
  const sessions = {} as Record<Exclude<Role, 'anonymous'>, Session>;
  const credentials: Record<Exclude<Role, 'anonymous'>, [string, string]> = {
    visitor: ['lecteur@example.org', 'motdepasse-lecteur'],
    editor: ['redac@example.org', 'motdepasse-redac'],
    restrictedIn: ['restreint@example.org', 'motdepasse-restreint'],
    restrictedOut: ['restreint@example.org', 'motdepasse-restreint'],
    administrator: ['admin@example.org', 'motdepasse-admin'],
  };

  // Fresh objects, inside or outside the restricted administrator's sections.
  const article = async (kind: Kind, status: 'draft' | 'published' = 'draft') =>
    (await createArticle(site.db, { sectionId: sections[kind], title: `Article ${unique()}`, status, authorIds: [users.otherEditor], createdBy: users.otherEditor })).id;
  const section = async (kind: Kind) => (await createSection(site.db, { title: `Rubrique ${unique()}`, parentId: sections[kind] })).id;
  const documentIn = async (kind: Kind | null) => {
    const doc = await uploadDocument(site.db, { originalName: `note-${unique()}.txt`, bytes: new TextEncoder().encode('Bonjour.\n') }, { dataDir: site.config.dataDir });
    if (kind) await attachDocument(site.db, doc.id, await article(kind));
    return doc.id;
  };
  const pendingMessage = async (kind: Kind) => {
    const articleId = await article(kind, 'published');
    const row = await site.db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: articleId, thread_id: null, parent_id: null, status: 'pending', title: '', text: 'Un message.', author_name: 'Lecteur', author_email: 'l@example.org', author_url: '', user_id: null, ip: '127.0.0.1', created_at: new Date().toISOString(), moderated_at: null, moderated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  /** An article with a petition, signed once (confirmed): its id and the signature's. */
  const petition = async (kind: Kind, signed = true) => {
    const articleId = await article(kind, 'published');
    await savePetition(site.db, articleId, { text: 'Signez !' });
    if (!signed) return { articleId, signatureId: 0 };
    const now = new Date().toISOString();
    const row = await site.db.write((trx) =>
      trx.insertInto('petition_signatures').values({ article_id: articleId, name: 'Signataire', email: `s-${unique()}@example.org`, site_name: '', site_url: '', message: '', shown: 1, ip: '', status: 'confirmed', token_hash: null, created_at: now, confirmed_at: now }).returning('id').executeTakeFirstOrThrow(),
    );
    return { articleId, signatureId: row.id };
  };
  const group = async () => (await saveKeywordGroup(site.db, { title: `Groupe ${unique()}`, appliesTo: ['article'] })).id;
  const keyword = async () => (await saveKeyword(site.db, { groupId: await group(), title: `Mot ${unique()}` })).id;
  const term = async () => (await saveTerm(site.db, { term: `Terme ${unique()}`, variants: [], definition: 'Une définition.' })).term.id;
  const account = async () => (await createUser(site.db, { email: `compte-${unique()}@example.org`, name: `Compte ${unique()}`, role: 'editor', password: 'motdepasse-compte' })).user.id;
  const resetToken = async () => {
    const token = `jeton-${unique()}`;
    await site.db.kysely
      .insertInto('password_resets')
      .values({ token_hash: sha256(token), user_id: users.resetting, created_at: new Date().toISOString(), expires_at: new Date(Date.now() + 3_600_000).toISOString(), used_at: null })
      .execute();
    return token;
  };
  // A fresh change of the appearance, for the restore route to take back.
  const appearanceRevision = async () => {
    await saveSiteSettings(site.db, { followLinks: [{ label: `Compte ${unique()}`, url: '/compte', kind: 'other' }] });
    return (await listSettingsRevisions(site.db, 1))[0]!.id;
  };
  let archive: string | undefined;
  const backupName = async () => (archive ??= basename((await createBackup(site.config)).file));
  const newsletterList = async () => saveList(site.db, { name: `Liste ${unique()}` });
  const newsletterIssue = async () => saveIssue(site.db, { listId: await newsletterList(), subject: `Lettre ${unique()}`, body: 'Bonjour.' }, null);
  const subscriber = async () => (await addSubscribers(site.db, await newsletterList(), [{ email: `abonne-${unique()}@example.org` }]))[0]!;
  const logoPng = async () => new Uint8Array(await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 15, g: 94, b: 86 } } }).png().toBuffer());
  const articleForm = (kind: Kind): Body => ({ title: `Article ${unique()}`, sectionId: String(sections[kind]), authorIds: String(users.otherEditor) });

  const writers = 'LFOOOO';
  const admins = 'LFFOOO';
  const inSections = 'LFFOFO';
  const fullAdmins = 'LFFFFO';
  const everyone = 'OOOOOO';
  const everyAccount = 'LOOOOO';

  const table: Record<string, Row> = {
    // Open to everyone: the login, the password reset and the back office's assets.
    'GET /ecrire/assets/:name': { expect: everyone, prepare: async () => ({ params: { name: 'admin.css' } }) },
    'GET /ecrire/login': { expect: everyone },
    'POST /ecrire/login': { expect: everyone, prepare: async (_kind, role) => ({ body: { email: role === 'anonymous' ? 'redac@example.org' : credentials[role][0], password: role === 'anonymous' ? 'motdepasse-redac' : credentials[role][1] } }) },
    'POST /ecrire/logout': { expect: everyone },
    'GET /ecrire/mot-de-passe-oublie': { expect: everyone },
    'POST /ecrire/mot-de-passe-oublie': { expect: everyone, prepare: async () => ({ body: { email: 'reset@example.org' } }) },
    // Asked by public pages' script: a team member's own links; anyone else 401 (no redirect to log in).
    'GET /ecrire/barre': { expect: 'LLOOOO' },
    'GET /ecrire/reinitialiser/:token': { expect: everyone, prepare: async () => ({ params: { token: await resetToken() } }) },
    'POST /ecrire/reinitialiser/:token': { expect: everyone, prepare: async () => ({ params: { token: await resetToken() }, body: { password: 'un-nouveau-mot-de-passe', confirm: 'un-nouveau-mot-de-passe' } }) },

    // Home: every account; a visitor's says what the account is for and leads to its profile (decision 018).
    'GET /ecrire': { expect: everyAccount },
    'GET /ecrire/': { expect: everyAccount },

    // One's own profile: every account (decision 018). Forms are sent valid and keep the account as it was (same
    // email, same password), so the other rows' logins still work.
    'GET /ecrire/profil': { expect: everyAccount },
    'POST /ecrire/profil': { expect: everyAccount, prepare: async (_kind, role) => ({ body: { name: role === 'anonymous' ? 'Personne' : credentials[role][0].split('@')[0]!, bio: '' } }) },
    'POST /ecrire/profil/email': { expect: everyAccount, prepare: async (_kind, role) => ({ body: role === 'anonymous' ? { email: 'x@example.org', emailPassword: 'x' } : { email: credentials[role][0], emailPassword: credentials[role][1] } }) },
    'POST /ecrire/profil/mot-de-passe': {
      expect: everyAccount,
      prepare: async (_kind, role) => {
        const password = role === 'anonymous' ? 'motdepasse-x' : credentials[role][1];
        return { body: { currentPassword: password, password, confirm: password } };
      },
    },
    'POST /ecrire/profil/sessions/fermer': { expect: everyAccount },

    // Articles: anyone who writes may start one anywhere, a restricted administrator in their sections only
    // (article.create); the rest follows article.view / edit / publish.
    'GET /ecrire/articles': { expect: writers },
    'GET /ecrire/articles/nouveau': { expect: writers },
    'GET /ecrire/articles/choix': { expect: writers },
    // Bulk publishing another editor's draft: the editor may not, nor the restricted administrator outside their sections.
    'POST /ecrire/articles/lot': { expect: 'LFFOFO', prepare: async (kind) => ({ body: { action: 'publish', ids: [String(await article(kind))] } }) },
    'POST /ecrire/articles/nouveau': { expect: 'LFOOFO', prepare: async (kind) => ({ body: articleForm(kind) }) },
    'POST /ecrire/articles/apercu': { expect: writers, prepare: async () => ({ body: { title: 'Aperçu', text: 'Du {{texte}}.' } }) },
    'GET /ecrire/articles/:id{[0-9]+}': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) } }) },
    'POST /ecrire/articles/:id{[0-9]+}': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: articleForm(kind) }) },
    'POST /ecrire/articles/:id{[0-9]+}/brouillon': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: articleForm(kind) }) },
    'POST /ecrire/articles/:id{[0-9]+}/verrou': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) } }) },
    'POST /ecrire/articles/:id{[0-9]+}/statut': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: { action: 'publish' } }) },
    // Translations (issue 22): whoever may edit the article, and write a draft in its section.
    'POST /ecrire/articles/:id{[0-9]+}/traduire': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: { translationLang: 'en' } }) },
    'POST /ecrire/articles/:id{[0-9]+}/traduction-de': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: { translationOf: '' } }) },
    // Uploading from the editor: whoever may edit the article.
    'POST /ecrire/articles/:id{[0-9]+}/documents': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, file: new File(['Bonjour.\n'], 'note.txt', { type: 'text/plain' }), fileField: 'documentFile' }) },
    'POST /ecrire/articles/:id{[0-9]+}/discussion': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: { text: 'Un mot pour l’équipe.' } }) },
    'GET /ecrire/articles/:id{[0-9]+}/petition': { expect: inSections, prepare: async (kind) => ({ params: { id: (await petition(kind)).articleId } }) },
    'POST /ecrire/articles/:id{[0-9]+}/petition': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) }, body: { text: 'Nous demandons…', status: 'open', allowMessage: 'oui' } }) },
    'POST /ecrire/articles/:id{[0-9]+}/petition/supprimer': { expect: inSections, prepare: async (kind) => ({ params: { id: (await petition(kind, false)).articleId } }) },
    'POST /ecrire/articles/:id{[0-9]+}/petition/signatures/:signature{[0-9]+}': {
      expect: inSections,
      prepare: async (kind) => {
        const made = await petition(kind);
        return { params: { id: made.articleId, signature: made.signatureId }, body: { to: 'trash' } };
      },
    },
    'GET /ecrire/articles/:id{[0-9]+}/petition/signatures.csv': { expect: inSections, prepare: async (kind) => ({ params: { id: (await petition(kind)).articleId } }) },
    'GET /ecrire/articles/:id{[0-9]+}/revisions': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind) } }) },
    'POST /ecrire/articles/:id{[0-9]+}/revisions/:number{[0-9]+}/restaurer': { expect: inSections, prepare: async (kind) => ({ params: { id: await article(kind), number: 1 } }) },

    // Forum moderation: administrators, restricted ones for their sections' articles.
    'GET /ecrire/forum': { expect: admins },
    'POST /ecrire/forum/moderer': { expect: inSections, prepare: async (kind) => ({ body: { one: `validate:${await pendingMessage(kind)}` } }) },

    // Sections: administrators; restricted ones inside their sections.
    'GET /ecrire/sites': { expect: admins },
    'GET /ecrire/sites/nouveau': { expect: admins },
    'POST /ecrire/sites/nouveau': { expect: inSections, prepare: async (kind) => ({ body: { name: `Site ${unique()}`, url: 'https://site.example', sectionId: String(sections[kind]), status: 'published' } }) },
    'GET /ecrire/sites/:id{[0-9]+}': { expect: inSections, prepare: async (kind) => ({ params: { id: (await saveSite(site.db, { sectionId: sections[kind], name: `Site ${unique()}`, url: 'https://site.example' })).id } }) },
    'POST /ecrire/sites/:id{[0-9]+}': {
      expect: inSections,
      prepare: async (kind) => ({
        params: { id: (await saveSite(site.db, { sectionId: sections[kind], name: `Site ${unique()}`, url: 'https://site.example' })).id },
        body: { name: `Site ${unique()}`, url: 'https://autre.example', sectionId: String(sections[kind]), status: 'published' },
      }),
    },
    'GET /ecrire/rubriques': { expect: admins },
    'GET /ecrire/rubriques/nouvelle': { expect: admins },
    'POST /ecrire/rubriques/nouvelle': { expect: inSections, prepare: async (kind) => ({ body: { title: `Rubrique ${unique()}`, parentId: String(sections[kind]) } }) },
    'GET /ecrire/rubriques/:id': { expect: inSections, prepare: async (kind) => ({ params: { id: await section(kind) } }) },
    'POST /ecrire/rubriques/:id': { expect: inSections, prepare: async (kind) => ({ params: { id: await section(kind) }, body: { title: `Rubrique ${unique()}`, slug: `rubrique-${unique()}` } }) },
    'POST /ecrire/rubriques/:id/deplacer': { expect: inSections, prepare: async (kind) => ({ params: { id: await section(kind) }, body: { parentId: String(sections[kind]) } }) },
    'POST /ecrire/rubriques/:id/ordre': { expect: inSections, prepare: async (kind) => ({ params: { id: await section(kind) }, body: { sens: '-1' } }) },
    'POST /ecrire/rubriques/:id/supprimer': { expect: inSections, prepare: async (kind) => ({ params: { id: await section(kind) } }) },

    // Keywords, glossary, authors, settings and appearance: full administrators only.
    // The newsletter (issue 20): full administrators only.
    'GET /ecrire/lettre': { expect: fullAdmins },
    'POST /ecrire/lettre/reglages': { expect: fullAdmins, prepare: async () => ({ body: { consentText: 'J’accepte de recevoir la lettre.', ratePerMinute: '600' } }) },
    'GET /ecrire/lettre/listes/nouvelle': { expect: fullAdmins },
    'POST /ecrire/lettre/listes/nouvelle': { expect: fullAdmins, prepare: async () => ({ body: { name: `Liste ${unique()}`, digestSize: '5' } }) },
    'GET /ecrire/lettre/listes/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterList() } }) },
    'POST /ecrire/lettre/listes/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterList() }, body: { name: `Liste ${unique()}`, digestSize: '5' } }) },
    'POST /ecrire/lettre/listes/:id/supprimer': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterList() } }) },
    'POST /ecrire/lettre/listes/:id/resume': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterList() } }) },
    'GET /ecrire/lettre/abonnes': { expect: fullAdmins },
    'POST /ecrire/lettre/abonnes/:id/effacer': { expect: fullAdmins, prepare: async () => ({ params: { id: await subscriber() } }) },
    'GET /ecrire/lettre/import': { expect: fullAdmins },
    'POST /ecrire/lettre/import': { expect: fullAdmins, prepare: async () => ({ body: { listId: String(await newsletterList()), consent: '1' }, file: new File([`email\nimport-${unique()}@example.org\n`], 'abonnes.csv', { type: 'text/csv' }) }) },
    'GET /ecrire/lettre/export': { expect: fullAdmins },
    'GET /ecrire/lettre/numeros/nouveau': { expect: fullAdmins },
    'POST /ecrire/lettre/numeros/nouveau': { expect: fullAdmins, prepare: async () => ({ body: { listId: String(await newsletterList()), subject: `Lettre ${unique()}`, body: 'Bonjour.', articleIds: '' } }) },
    'GET /ecrire/lettre/numeros/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterIssue() } }) },
    'POST /ecrire/lettre/numeros/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterIssue() }, body: { listId: String(await newsletterList()), subject: `Lettre ${unique()}`, body: 'Bonjour.', articleIds: '' } }) },
    'GET /ecrire/lettre/numeros/:id/apercu': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterIssue() } }) },
    'POST /ecrire/lettre/numeros/:id/essai': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterIssue() } }) },
    'POST /ecrire/lettre/numeros/:id/envoyer': { expect: fullAdmins, prepare: async () => ({ params: { id: await newsletterIssue() }, body: { quand: '' } }) },

    'GET /ecrire/mots': { expect: fullAdmins },
    'GET /ecrire/mots/groupes/nouveau': { expect: fullAdmins },
    'POST /ecrire/mots/groupes/nouveau': { expect: fullAdmins, prepare: async () => ({ body: { title: `Groupe ${unique()}`, appliesTo: 'article' } }) },
    'GET /ecrire/mots/groupes/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await group() } }) },
    'POST /ecrire/mots/groupes/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await group() }, body: { title: `Groupe ${unique()}`, appliesTo: 'article' } }) },
    'POST /ecrire/mots/groupes/:id/supprimer': { expect: fullAdmins, prepare: async () => ({ params: { id: await group() } }) },
    'GET /ecrire/mots/nouveau': { expect: fullAdmins },
    'POST /ecrire/mots/nouveau': { expect: fullAdmins, prepare: async () => ({ body: { groupId: String(await group()), title: `Mot ${unique()}` } }) },
    'GET /ecrire/mots/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await keyword() } }) },
    'POST /ecrire/mots/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await keyword() }, body: { groupId: String(await group()), title: `Mot ${unique()}` } }) },
    'POST /ecrire/mots/:id/supprimer': { expect: fullAdmins, prepare: async () => ({ params: { id: await keyword() } }) },
    'GET /ecrire/glossaire': { expect: fullAdmins },
    'GET /ecrire/glossaire/nouveau': { expect: fullAdmins },
    'POST /ecrire/glossaire/nouveau': { expect: fullAdmins, prepare: async () => ({ body: { term: `Terme ${unique()}`, definition: 'Une définition.' } }) },
    'GET /ecrire/glossaire/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await term() } }) },
    'POST /ecrire/glossaire/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await term() }, body: { term: `Terme ${unique()}`, definition: 'Une autre définition.' } }) },
    'POST /ecrire/glossaire/:id/supprimer': { expect: fullAdmins, prepare: async () => ({ params: { id: await term() } }) },
    'GET /ecrire/auteurs': { expect: fullAdmins },
    'GET /ecrire/auteurs/nouveau': { expect: fullAdmins },
    'POST /ecrire/auteurs/nouveau': { expect: fullAdmins, prepare: async () => ({ body: { name: `Compte ${unique()}`, email: `compte-${unique()}@example.org`, role: 'editor', password: 'motdepasse-compte' } }) },
    'GET /ecrire/auteurs/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await account() } }) },
    'POST /ecrire/auteurs/:id': { expect: fullAdmins, prepare: async () => ({ params: { id: await account() }, body: { name: `Compte ${unique()}`, email: `compte-${unique()}@example.org`, role: 'editor' } }) },
    'POST /ecrire/auteurs/:id/desactiver': { expect: fullAdmins, prepare: async () => ({ params: { id: await account() } }) },
    'GET /ecrire/reglages': { expect: fullAdmins },
    'GET /ecrire/journal': { expect: fullAdmins },
    'POST /ecrire/reglages': { expect: fullAdmins, prepare: async () => ({ body: { name: 'Mon site Tisse', lang: 'fr', forumMode: 'pri', smtpSecurity: 'starttls' } }) },
    'GET /ecrire/reglages/apparence': { expect: fullAdmins },
    'POST /ecrire/reglages/apparence/logo': { expect: fullAdmins, prepare: async () => ({ file: new File([await logoPng()], 'logo.png', { type: 'image/png' }) }) },
    'POST /ecrire/reglages/apparence/logo/retirer': { expect: fullAdmins },
    'POST /ecrire/reglages/apparence/favicon': { expect: fullAdmins, prepare: async () => ({ file: new File([await logoPng()], 'icone.png', { type: 'image/png' }) }) },
    'POST /ecrire/reglages/apparence/favicon/retirer': { expect: fullAdmins },
    'POST /ecrire/reglages/apparence/theme': { expect: fullAdmins, prepare: async () => ({ body: { 'theme.accent_color': '#0f5e56', 'theme.heading_color': '#1b2a2f', 'theme.heading_font': 'serif', 'theme.body_font': 'sans', 'theme.logo_placement': 'alone', 'theme.show_tagline': '1' } }) },
    'POST /ecrire/reglages/apparence/menu': { expect: fullAdmins, prepare: async (kind) => ({ body: { 'mainMenu.0.target': `section:${sections[kind]}`, 'mainMenu.1.label': `Lien ${unique()}`, 'mainMenu.1.url': '/plan' } }) },
    'POST /ecrire/reglages/apparence/accueil': { expect: fullAdmins, prepare: async (kind) => ({ body: { 'homeBlocks.featured': 'latest', 'homeBlocks.latestCount': '5', 'homeBlocks.sectionIds': String(sections[kind]), 'homeBlocks.perSection': '3' } }) },
    'POST /ecrire/reglages/apparence/reseaux': { expect: fullAdmins, prepare: async () => ({ body: { followLinks: `Lettre ${unique()} | /lettre` } }) },
    // Backups: the full administrators' (issue 21). The download is an archive the folder lists.
    'GET /ecrire/sauvegardes': { expect: fullAdmins },
    'POST /ecrire/sauvegardes': { expect: fullAdmins, prepare: async () => ({ body: { schedule: 'off', keep: '7' } }) },
    'POST /ecrire/sauvegardes/maintenant': { expect: fullAdmins },
    'GET /ecrire/sauvegardes/:name': { expect: 'LFFFFO', prepare: async () => ({ params: { name: await backupName() } }) },
    'POST /ecrire/reglages/apparence/revisions/:id/retablir': { expect: fullAdmins, prepare: async () => ({ params: { id: await appearanceRevision() } }) },

    // Documents: anyone who writes uploads and reads the library; attaching needs the article's edit right;
    // editing and deleting need to administer everything the document is attached to (issue 15, item 8).
    'GET /ecrire/documents': { expect: writers },
    // Bulk deletion of a document attached to nothing: the full administrators' (document.manage).
    'POST /ecrire/documents/lot': { expect: 'LFFFFO', prepare: async () => ({ body: { ids: [String(await documentIn(null))] } }) },
    'POST /ecrire/documents/ajouter': { expect: inSections, prepare: async (kind) => ({ body: { title: 'Note', articleId: String(await article(kind)) }, file: new File(['Bonjour.\n'], 'note.txt', { type: 'text/plain' }) }) },
    'GET /ecrire/documents/:id': { expect: writers, prepare: async (kind) => ({ params: { id: await documentIn(kind) } }) },
    'POST /ecrire/documents/:id': { expect: inSections, prepare: async (kind) => ({ params: { id: await documentIn(kind) }, body: { title: 'Nouveau titre' } }) },
    'POST /ecrire/documents/:id/joindre': { expect: inSections, prepare: async (kind) => ({ params: { id: await documentIn(null) }, body: { articleId: String(await article(kind)) } }) },
    'POST /ecrire/documents/:id/detacher': {
      expect: inSections,
      prepare: async (kind) => {
        const articleId = await article(kind);
        const id = await documentIn(null);
        await attachDocument(site.db, id, articleId);
        return { params: { id }, body: { articleId: String(articleId) } };
      },
    },
    'POST /ecrire/documents/:id/supprimer': { expect: inSections, prepare: async (kind) => ({ params: { id: await documentIn(kind) } }) },
  };

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sections.in = (await createSection(site.db, { title: 'Dedans' })).id;
    sections.out = (await createSection(site.db, { title: 'Dehors' })).id;
    const make = async (email: string, password: string, role: 'editor' | 'visitor' | 'administrator', sectionIds: number[] = []) =>
      (await createUser(site.db, { email, name: email.split('@')[0]!, role, password, sections: sectionIds })).user.id;
    users.editor = await make('redac@example.org', 'motdepasse-redac', 'editor');
    users.otherEditor = await make('autre@example.org', 'motdepasse-autre', 'editor');
    users.visitor = await make('lecteur@example.org', 'motdepasse-lecteur', 'visitor');
    users.restricted = await make('restreint@example.org', 'motdepasse-restreint', 'administrator', [sections.in]);
    users.resetting = await make('reset@example.org', 'motdepasse-reset', 'editor');
    for (const role of roles) if (role !== 'anonymous') sessions[role] = await logIn(site, ...credentials[role]);
  });
  after(() => site.close());

  test('the table names every back-office route of the application, and nothing else', () => {
    const routes = backOfficeRoutes();
    const missing = routes.filter((route) => !(route in table));
    const extra = Object.keys(table).filter((route) => !routes.includes(route));
    assert.deepEqual(missing, [], 'routes without a row: add them to the matrix');
    assert.deepEqual(extra, [], 'rows for routes that no longer exist');
    for (const [route, row] of Object.entries(table)) assert.match(row.expect, /^[LFO]{6}$/, route);
  });

  async function send(role: Role, route: string, row: Row): Promise<{ status: number; location: string }> {
    const [method, path] = route.split(' ') as [string, string];
    const kind: Kind = role === 'restrictedOut' ? 'out' : 'in';
    const prepared = (await row.prepare?.(kind, role)) ?? {};
    // Logging out ends the session: that request gets a session of its own.
    const session = role === 'anonymous' ? undefined : route === 'POST /ecrire/logout' ? await logIn(site, ...credentials[role]) : sessions[role];
    const headers: Record<string, string> = {};
    if (session) headers.cookie = session.cookie;
    let body: BodyInit | undefined;
    if (method === 'POST') {
      headers.origin = site.url;
      if (prepared.file) {
        const form = new FormData();
        if (session) form.append('_csrf', session.csrf);
        for (const [name, value] of Object.entries(prepared.body ?? {})) for (const one of [value].flat()) form.append(name, one);
        form.append(prepared.fileField ?? 'file', prepared.file);
        body = form;
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        const form = new URLSearchParams(session ? { _csrf: session.csrf } : {});
        for (const [name, value] of Object.entries(prepared.body ?? {})) for (const one of [value].flat()) form.append(name, one);
        body = form;
      }
    }
    const response = await site.get(fill(path, prepared.params), { method, headers, ...(body ? { body } : {}) });
    await response.arrayBuffer();
    // A new password and "log out everywhere else" end the account's other sessions: the roles sharing it log in again.
    if (role !== 'anonymous' && ENDS_OTHER_SESSIONS.has(route)) {
      for (const other of roles) if (other !== 'anonymous' && other !== role && credentials[other][0] === credentials[role][0]) sessions[other] = await logIn(site, ...credentials[other]);
    }
    return { status: response.status, location: response.headers.get('location') ?? '' };
  }

  function classOf(answer: { status: number; location: string }): string {
    if (answer.status === 401 || (answer.status >= 300 && answer.status < 400 && answer.location.startsWith('/ecrire/login?retour='))) return 'L';
    if (answer.status === 403) return 'F';
    if (answer.status >= 200 && answer.status < 400) return 'O';
    return `HTTP ${answer.status}`;
  }

  /** The back-office links of the frame of a page (header and menu), as paths. */
  function menuLinks(html: string): string[] {
    const frame = [/<header class="admin-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '', /<nav class="admin-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''].join('');
    return [...new Set([...frame.matchAll(/href="(\/ecrire[^"]*)"/g)].map((m) => m[1]!))];
  }

  // Issue 18: the menu shows only what the role may use. Every link of a role's frame answers it 200, and every
  // page of an area the role may open (a GET without parameters answering HTML, other than forms to create
  // something) is in it.
  test('every role’s menu links answer 200, and every area the role may open is in its menu', async () => {
    const areas = backOfficeRoutes()
      .filter((route) => route.startsWith('GET ') && !route.includes(':'))
      .map((route) => route.slice(4))
      .filter((path) => path !== '/ecrire' && !/\/(login|mot-de-passe-oublie|nouveau|nouvelle)$/.test(path));
    const problems: string[] = [];
    for (const role of roles) {
      if (role === 'anonymous') continue;
      const session = sessions[role];
      const home = await site.get('/ecrire/', { headers: { cookie: session.cookie } });
      assert.equal(home.status, 200, `home as ${role}`);
      const links = menuLinks(await home.text());
      for (const link of links) {
        const answer = await site.get(link, { headers: { cookie: session.cookie } });
        await answer.arrayBuffer();
        if (answer.status !== 200) problems.push(`${role}: menu link ${link} answers ${answer.status}`);
      }
      for (const path of areas) {
        const answer = await site.get(path, { headers: { cookie: session.cookie } });
        await answer.arrayBuffer();
        // A page, not what scripts ask (the article picker, the team's bar: JSON).
        const page = (answer.headers.get('content-type') ?? '').startsWith('text/html');
        if (answer.status === 200 && page && !links.includes(path)) problems.push(`${role}: ${path} answers 200 but no menu link leads there`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every route answers every role as the table says', { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of backOfficeRoutes()) {
      const row = table[route];
      if (!row) continue; // reported by the test above
      for (const [index, role] of roles.entries()) {
        const answer = await send(role, route, row);
        const got = classOf(answer);
        if (got !== row.expect[index]) wrong.push(`${route} as ${role}: expected ${row.expect[index]}, got ${got}${answer.location ? ` → ${answer.location}` : ''}`);
        checked++;
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(checked, Object.keys(table).length * roles.length);
  });
});
