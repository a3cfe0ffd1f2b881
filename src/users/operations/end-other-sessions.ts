// "Se déconnecter partout ailleurs": a person ends every session of their account but the one they are using
// (a browser left open elsewhere, a lost phone). Their edit locks stay: they belong to the person, not a session.
import type { Db } from '../../db/connect.ts';

/** Ends the user's other sessions; answers how many were open. */
export async function endOtherSessions(db: Db, userId: number, keepSessionId: string): Promise<number> {
  return db.write(async (trx) => {
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).executeTakeFirst();
    return Number(ended.numDeletedRows);
  });
}
