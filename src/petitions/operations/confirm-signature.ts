// Confirming a signature with the link its mail carried: the pending signature holding the token's hash becomes
// confirmed (counted, and listed if its signer chose to appear), and the hash is forgotten so the link works once.
// Through db.write: the article's page changes (migration 065's rules drop it from every page cache).
import type { Db } from '../../db/connect.ts';
import { PetitionRejection } from '../rejection.ts';
import { confirmationTokenHash } from './sign-petition.ts';

export async function confirmSignature(db: Db, token: string, now = new Date()): Promise<{ articleId: number }> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new PetitionRejection('bad_link', 'errors.petition.badLink');
  const row = await db.write((trx) =>
    trx
      .updateTable('petition_signatures')
      .set({ status: 'confirmed', confirmed_at: now.toISOString(), token_hash: null })
      .where('token_hash', '=', confirmationTokenHash(token))
      .where('status', '=', 'pending')
      .returning('article_id')
      .executeTakeFirst(),
  );
  if (!row) throw new PetitionRejection('bad_link', 'errors.petition.badLink');
  return { articleId: row.article_id };
}
