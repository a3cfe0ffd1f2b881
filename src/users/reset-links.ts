// Password links (reset, import invitation) without a working link at rest: a request is a password_resets row
// whose token nobody holds yet, and its mail is queued with a marker in place of the token. When the mail leaves,
// issueResetLink draws the token and stores only its SHA-256; a mail sent again (a retry) gets a new token, which
// replaces the old one. The jobs table, and a copy of the database, hold nothing that opens an account.
import { randomBytes } from 'node:crypto';
import type { Db, Trx } from '../db/connect.ts';
import { randomToken, sha256 } from './sessions.ts';

export const RESET_PATH = '/ecrire/reinitialiser/';

export interface ResetRequest {
  requestId: string;
  /** Stands for the token in the queued mail (outbox enqueueResetLinkMail). */
  marker: string;
}

export async function openResetRequest(trx: Trx, userId: number, expiresAt: Date, now = new Date()): Promise<ResetRequest> {
  const requestId = randomToken(16);
  await trx
    .insertInto('password_resets')
    // A token nobody holds until the mail leaves: the row cannot be used before.
    .values({ token_hash: sha256(randomToken()), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), used_at: null, request_id: requestId })
    .execute();
  return { requestId, marker: `TOKEN${randomBytes(16).toString('hex')}` };
}

/** The link path of a request's mail, with the marker where the token will go. */
export function resetLinkTemplate(siteUrl: string, request: ResetRequest): string {
  return `${siteUrl}${RESET_PATH}${request.marker}`;
}

/**
 * Draws the token of a request as its mail leaves; undefined when the request is used, expired or unknown (then no
 * mail should leave). Not through db.write: a token changes nothing a page shows.
 */
export async function issueResetLink(db: Db, requestId: string, now = new Date()): Promise<string | undefined> {
  const token = randomToken();
  const row = await db.kysely
    .updateTable('password_resets')
    .set({ token_hash: sha256(token) })
    .where('request_id', '=', requestId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('user_id')
    .executeTakeFirst();
  return row ? token : undefined;
}

/** Ends every outstanding link of an account: its password just changed. */
export async function endResetLinks(trx: Trx, userId: number, now = new Date()): Promise<void> {
  await trx.updateTable('password_resets').set({ used_at: now.toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
