// The back office's menu: each entry names the permission its page asks for, so a person sees only the pages
// they may open (issue 18: no link ends on a 403). test/role-route-matrix.test.ts holds it for every role.
import type { MessageKey } from '../kernel/i18n/index.ts';
import { can, type Actor, type SiteAction } from '../users/index.ts';

export interface MenuEntry {
  href: string;
  key: MessageKey;
  /** What the page's GET route checks, without a target (the whole area or some of it). */
  permission: SiteAction;
  /** Entries under this one, shown beside it. */
  sub?: MenuEntry[];
}

export const adminMenu: readonly MenuEntry[] = [
  { href: '/ecrire/articles', key: 'admin.nav.articles', permission: 'backoffice.enter' },
  {
    href: '/ecrire/rubriques',
    key: 'admin.nav.sections',
    permission: 'section.manage',
    sub: [{ href: '/ecrire/sites', key: 'admin.nav.sites', permission: 'section.manage' }],
  },
  { href: '/ecrire/mots', key: 'admin.nav.keywords', permission: 'keyword.manage' },
  { href: '/ecrire/glossaire', key: 'admin.nav.glossary', permission: 'glossary.manage' },
  { href: '/ecrire/auteurs', key: 'admin.nav.authors', permission: 'user.manage' },
  { href: '/ecrire/documents', key: 'admin.nav.documents', permission: 'document.upload' },
  { href: '/ecrire/forum', key: 'admin.nav.forum', permission: 'forum.moderate' },
  {
    href: '/ecrire/lettre',
    key: 'admin.nav.newsletter',
    permission: 'newsletter.manage',
    sub: [
      { href: '/ecrire/lettre/abonnes', key: 'admin.nav.subscribers', permission: 'newsletter.manage' },
      { href: '/ecrire/lettre/import', key: 'admin.nav.newsletterImport', permission: 'newsletter.manage' },
    ],
  },
  {
    href: '/ecrire/reglages',
    key: 'admin.nav.settings',
    permission: 'settings.manage',
    sub: [
      { href: '/ecrire/reglages/apparence', key: 'admin.nav.appearance', permission: 'settings.manage' },
      { href: '/ecrire/sauvegardes', key: 'admin.nav.backups', permission: 'settings.manage' },
    ],
  },
  { href: '/ecrire/journal', key: 'admin.nav.journal', permission: 'audit.view' },
];

/** The entries (and sub-entries) this actor may open; a parent hidden hides its children. */
export function menuFor(actor: Actor): MenuEntry[] {
  return adminMenu
    .filter((entry) => can(actor, entry.permission))
    .map((entry) => (entry.sub ? { ...entry, sub: entry.sub.filter((sub) => can(actor, sub.permission)) } : entry));
}
