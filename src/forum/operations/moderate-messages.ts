// Moderating public messages: validate, refuse (also how an a posteriori message is unpublished), mark as
// spam, or delete — one message or many, from the back office or the CLI. As in SPIP, a status change
// carries the message's replies that had the same status along. All or nothing: an unknown id or one
// the moderator may not touch changes nothing.
import type { Db } from '../../db/connect.ts';
import type { ForumStatus } from '../../db/schema.ts';
import { can, type Actor } from '../../users/index.ts';
import { TisseError } from '../../kernel/errors.ts';

export type ModerationAction = 'validate' | 'refuse' | 'spam' | 'delete';

export const moderationActions: readonly ModerationAction[] = ['validate', 'refuse', 'spam', 'delete'];

const targetStatus: Record<Exclude<ModerationAction, 'delete'>, ForumStatus> = { validate: 'published', refuse: 'refused', spam: 'spam' };

/** Who moderates: a person of the back office (permissions checked), or the operator at the command line. */
export type Moderator = { kind: 'user'; actor: Actor } | { kind: 'operator' };

export interface ModerationResult {
  /** Messages changed, replies carried along included. */
  changed: number[];
}

export async function moderateMessages(db: Db, moderator: Moderator, action: ModerationAction, ids: number[]): Promise<ModerationResult> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) throw new TisseError('BAD_INPUT', 'errors.forum.noneChosen');
  if (wanted.some((id) => !Number.isSafeInteger(id) || id <= 0)) throw new TisseError('BAD_INPUT', 'errors.forum.badNumber');
  return db.write(async (trx) => {
    const rows = await trx
      .selectFrom('forum_messages')
      .select(['id', 'article_id', 'status'])
      .where('id', 'in', wanted)
      .where('kind', '=', 'public')
      .execute();
    const missing = wanted.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) throw new TisseError('NOT_FOUND', { key: 'errors.forum.notFound', params: { ids: missing.join(', ') } });
    if (moderator.kind === 'user') {
      const articles = await trx.selectFrom('articles').select(['id', 'section_id']).where('id', 'in', [...new Set(rows.map((r) => r.article_id))]).execute();
      const sectionOf = new Map(articles.map((a) => [a.id, a.section_id]));
      const refused = rows.filter((r) => !can(moderator.actor, 'forum.moderate', { sectionId: sectionOf.get(r.article_id) ?? null })).map((r) => r.id);
      if (refused.length > 0) throw new TisseError('FORBIDDEN', { key: 'errors.forum.cannotModerate', params: { ids: refused.join(', ') } });
    }
    const now = new Date().toISOString();
    const by = moderator.kind === 'user' ? moderator.actor.id : null;
    const changed: number[] = [];
    for (const row of rows) {
      // Replies that shared the message's status follow it; a reply moderated on its own keeps its status.
      const family = [row.id, ...(await descendants(trx, row.id, row.status))];
      if (action === 'delete') {
        await trx.deleteFrom('forum_messages').where('id', '=', row.id).execute(); // replies go with it (ON DELETE CASCADE)
      } else {
        await trx
          .updateTable('forum_messages')
          .set({ status: targetStatus[action], moderated_at: now, moderated_by: by })
          .where('id', 'in', family)
          .execute();
      }
      for (const id of family) if (!changed.includes(id)) changed.push(id);
    }
    return { changed };
  });
}

async function descendants(trx: Parameters<Parameters<Db['write']>[0]>[0], rootId: number, status: ForumStatus): Promise<number[]> {
  const found: number[] = [];
  let frontier = [rootId];
  while (frontier.length > 0) {
    const children = await trx.selectFrom('forum_messages').select('id').where('parent_id', 'in', frontier).where('status', '=', status).execute();
    frontier = children.map((c) => c.id).filter((id) => !found.includes(id));
    found.push(...frontier);
  }
  return found;
}
