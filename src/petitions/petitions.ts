// Reads of petitions: an article's petition, its confirmed count and the signatures it shows (confirmed, and only
// of signers who chose to appear), and the back office's list of every signature.
import type { Db } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import type { Database, PetitionSignaturesTable, PetitionsTable } from '../db/schema.ts';
import type { QueryCreator, Selectable } from 'kysely';
import { literalCount } from '../db/literal-count.ts';

export type Petition = Selectable<PetitionsTable>;
export type Signature = Selectable<PetitionSignaturesTable>;

/** How many signatures the article page lists (the newest); the count covers them all. */
export const SHOWN_SIGNATURES = 100;

/**
 * An article's petition, as a query not yet run (loadPetition compiles it; the article page nests it in its one
 * read, site/article-page-read.ts). Its columns by name: a JSON object on SQLite names each one.
 */
export function petitionQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('petitions')
    .select(['petitions.article_id', 'petitions.text', 'petitions.status', 'petitions.allow_message', 'petitions.created_at', 'petitions.updated_at'])
    .where('petitions.article_id', '=', articleId);
}

/** How many signatures of the petition are confirmed (a count: a bigint, text through pg). */
export function confirmedCountQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('petition_signatures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'confirmed');
}

/** The newest confirmed signatures of signers who chose to appear, as many as the page shows (db/literal-count.ts). */
export function shownSignaturesQuery(k: QueryCreator<Database>, articleId: number) {
  return k
    .selectFrom('petition_signatures')
    .select(['name', 'site_name', 'site_url', 'message', 'confirmed_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'confirmed')
    .where('shown', '=', 1)
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(literalCount(SHOWN_SIGNATURES));
}

export type ShownSignatureRow = Pick<Signature, 'name' | 'site_name' | 'site_url' | 'message' | 'confirmed_at'>;

const petitionOf = compiledQuery<[number], Petition>((k, arg) => petitionQuery(k, arg<number>(0)));

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

/** What the article page shows of a petition: the confirmed count and the newest confirmed signatures shown. */
export interface PetitionView {
  petition: Petition;
  count: number;
  signatures: PublicSignature[];
}

/** The view of a petition from its reads (confirmedCountQuery's count, shownSignaturesQuery's rows). */
export function petitionViewOf(petition: Petition, count: number | string, rows: readonly ShownSignatureRow[]): PetitionView {
  return {
    petition,
    count: Number(count),
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
