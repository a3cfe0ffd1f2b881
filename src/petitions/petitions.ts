// Reads of petitions: an article's petition, its confirmed count and the signatures it shows (confirmed, and only
// of signers who chose to appear), and the back office's list of every signature.
import type { Db } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { PetitionSignaturesTable, PetitionsTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';

export type Petition = Selectable<PetitionsTable>;
export type Signature = Selectable<PetitionSignaturesTable>;

/** How many signatures the article page lists (the newest); the count covers them all. */
export const SHOWN_SIGNATURES = 100;

/** Compiled once: every article page asks whether it carries a petition. */
const petitionOf = compiledQuery<[number], Petition>((k, arg) => k.selectFrom('petitions').selectAll().where('article_id', '=', arg<number>(0)));

export async function loadPetition(db: Db, articleId: number): Promise<Petition | undefined> {
  return (await petitionOf(db, articleId))[0];
}

export interface PublicSignature {
  name: string;
  siteName: string;
  siteUrl: string;
  message: string;
  confirmedAt: string;
}

/** What the article page shows of its petition: the confirmed count and the newest confirmed signatures shown. */
export async function loadPetitionView(db: Db, articleId: number): Promise<{ petition: Petition; count: number; signatures: PublicSignature[] } | undefined> {
  const petition = await loadPetition(db, articleId);
  if (!petition) return undefined;
  const [count, rows] = await Promise.all([
    db.kysely
      .selectFrom('petition_signatures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('article_id', '=', articleId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow(),
    db.kysely
      .selectFrom('petition_signatures')
      .select(['name', 'site_name', 'site_url', 'message', 'confirmed_at'])
      .where('article_id', '=', articleId)
      .where('status', '=', 'confirmed')
      .where('shown', '=', 1)
      .orderBy('confirmed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(SHOWN_SIGNATURES)
      .execute(),
  ]);
  return {
    petition,
    count: Number(count.n),
    signatures: rows.map((r) => ({ name: r.name, siteName: r.site_name, siteUrl: r.site_url, message: petition.allow_message ? r.message : '', confirmedAt: r.confirmed_at ?? '' })),
  };
}

/** Every signature of a petition, oldest first (the back office and its CSV export). */
export async function listSignatures(db: Db, articleId: number): Promise<Signature[]> {
  return db.kysely.selectFrom('petition_signatures').selectAll().where('article_id', '=', articleId).orderBy('created_at').orderBy('id').execute();
}

/** Signatures per status, for the back office. */
export async function countSignatures(db: Db, articleId: number): Promise<Record<'pending' | 'confirmed' | 'trash', number>> {
  const rows = await db.kysely
    .selectFrom('petition_signatures')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('article_id', '=', articleId)
    .groupBy('status')
    .execute();
  const counts = { pending: 0, confirmed: 0, trash: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
