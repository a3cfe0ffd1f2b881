// spip_auteurs → users, and spip_auteurs_liens rubrique rows → user_sections (restricted administrators).
// SPIP's password hashes need the site's secret key, which no backup holds: every account must choose a
// new password (`tisse user invite --all`).
import type { Insertable } from 'kysely';
import type { UserRole, UsersTable } from '../../../db/schema.ts';
import { spipDate } from '../dates.ts';
import { int, str, type MappingContext } from '../context.ts';

interface SpipAuteur {
  id_auteur: number;
  nom: string;
  bio: string;
  email: string;
  url_site: string;
  login: string | null;
  statut: string;
  lang: string;
  en_ligne: string;
  maj: string | null;
}

const roles: Record<string, UserRole> = { '0minirezo': 'administrator', '1comite': 'editor', '6forum': 'visitor', '5poubelle': 'disabled' };

/** Address given to an account whose SPIP email is empty or already used: it can never receive mail. */
export const placeholderEmail = (id: number) => `auteur-${id}@import-spip.invalid`;

export function mapUsers(ctx: MappingContext, siteLang: string): void {
  const rows: Insertable<UsersTable>[] = [];
  const emails = new Set<string>();
  const logins = new Set<string>();
  for (const a of ctx.dump.rows<SpipAuteur>('spip_auteurs')) {
    const id = int(a.id_auteur);
    const role = roles[str(a.statut)];
    if (!role) {
      ctx.skip('spip_auteurs', id, `statut « ${a.statut} » (inscription jamais confirmée) : compte non créé, gardé dans legacy_objects`);
      ctx.legacy('auteur', id, a);
      continue;
    }
    let email = str(a.email).trim().toLowerCase();
    if (!email || emails.has(email)) {
      ctx.report.notes.push(`Auteur ${id} (${a.nom}) : ${email ? `email ${email} déjà pris par un autre auteur` : 'pas d’email'} ; adresse remplacée par ${placeholderEmail(id)}, à corriger avant de l’inviter.`);
      email = placeholderEmail(id);
    }
    emails.add(email);
    let login: string | null = str(a.login).trim() || null;
    if (login && logins.has(login.toLowerCase())) login = null;
    if (login) logins.add(login.toLowerCase());
    const name = str(a.nom).trim() || `Auteur ${id}`;
    rows.push({
      id,
      email,
      name,
      slug: ctx.slugFor('author', id, ctx.currentSpipUrl('auteur', id) ?? name),
      login,
      password_hash: null,
      role,
      bio: str(a.bio),
      website: str(a.url_site),
      // The back office's language (decision 030): '' follows the site's; another one is the person's choice.
      lang: str(a.lang) && str(a.lang) !== siteLang ? str(a.lang) : '',
      must_reset_password: 1,
      created_at: spipDate(a.maj) ?? ctx.importedAt,
      last_seen_at: spipDate(a.en_ligne),
    });
    ctx.userIds.add(id);
    ctx.count('auteurs', str(a.statut));
  }
  ctx.add('users', 'auteurs', rows);
}

/** Restricted administrators: an administrator with rubrique links administers only those branches. */
export function mapUserSections(ctx: MappingContext, links: { id_auteur: number; id_objet: number; objet: string }[]): void {
  const rows = [];
  for (const l of links) {
    if (l.objet !== 'rubrique') continue;
    const userId = int(l.id_auteur);
    const sectionId = int(l.id_objet);
    if (!ctx.userIds.has(userId) || !ctx.sectionIds.has(sectionId)) {
      ctx.skip('spip_auteurs_liens', `${userId}/rubrique/${sectionId}`, 'auteur ou rubrique absent');
      continue;
    }
    rows.push({ user_id: userId, section_id: sectionId });
    ctx.count('administrateurs restreints (rubriques)');
  }
  ctx.add('user_sections', 'rubriques des administrateurs restreints', rows);
}
