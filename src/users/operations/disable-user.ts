// Disables an account: the role 'disabled' keeps its articles and byline but it can no longer log in;
// its sessions and edit flags close at once. The last full administrator cannot be disabled.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { closeSessions, keepOneFullAdministrator } from './update-user.ts';

export async function disableUser(db: Db, id: number): Promise<void> {
  await db.write(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    if (!user) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
    await keepOneFullAdministrator(trx, id);
    await trx.updateTable('users').set({ role: 'disabled' }).where('id', '=', id).execute();
    await trx.deleteFrom('user_sections').where('user_id', '=', id).execute();
    await closeSessions(trx, id);
  });
}

