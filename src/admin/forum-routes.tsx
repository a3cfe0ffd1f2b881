// The moderation queue in the back office, under /ecrire/forum: administrators see every message, restricted
// administrators those of their sections; actions go through the moderate-messages operation.
import { field, fieldList, formFields } from '../web/form-action.ts';
import { Hono } from 'hono';
import { mustUser, requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { ModerationPage, statusLabels } from './pages/moderation.tsx';
import { can } from '../users/index.ts';
import type { ForumStatus } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { parseId } from '../kernel/input.ts';
import { propre } from '../markup/index.ts';
import { moderateMessages, moderationActions, countMessagesFor, listMessages, type ModerationAction } from '../forum/index.ts';

export const forumAdminRoutes = new Hono<AdminEnv>();

function statusParam(value: string | undefined): ForumStatus {
  return value && value in statusLabels ? (value as ForumStatus) : 'pending';
}

/** Messages per page of the queue: enough to moderate a busy day in one go, few enough to render at once. */
export const QUEUE_PAGE_SIZE = 200;

/** Messages a restricted administrator's queue looks through (theirs are filtered from these, newest first). */
const RESTRICTED_SCAN = 5000;

const doneLabels: Record<ModerationAction, string> = { validate: 'validé(s)', refuse: 'refusé(s)', spam: 'marqué(s) comme spam', delete: 'supprimé(s)' };

forumAdminRoutes.get('/', async (c) => {
  const user = requirePermission(c, 'forum.moderate');
  const { db } = c.get('app');
  const status = statusParam(c.req.query('statut'));
  const page = Math.max(1, Math.min(Number.parseInt(c.req.query('page') ?? '1', 10) || 1, 100_000));
  // A restricted administrator's pages are cut after filtering, so each page is full of messages they may act on.
  const everything = user.actor.sections === null;
  const [rows, counts] = await Promise.all([
    everything
      ? listMessages(db, { status, limit: QUEUE_PAGE_SIZE + 1, offset: (page - 1) * QUEUE_PAGE_SIZE })
      : listMessages(db, { status, limit: RESTRICTED_SCAN }),
    countMessagesFor(db, user.actor),
  ]);
  const allowed = rows.filter((m) => can(user.actor, 'forum.moderate', { sectionId: m.sectionId }));
  const mine = everything ? allowed : allowed.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE + 1);
  const hasNext = mine.length > QUEUE_PAGE_SIZE;
  const done = c.req.query('fait');
  return renderAdmin(c, {
    title: `Forum — ${statusLabels[status]}`,
    current: '/ecrire/forum',
    body: (
      <ModerationPage
        user={user}
        status={status}
        counts={counts}
        done={done && /^\d+$/.test(done) ? `${done} message(s) modéré(s).` : undefined}
        messages={mine.slice(0, QUEUE_PAGE_SIZE).map((m) => ({ ...m, html: propre(m.text, { profile: 'forum' }).html }))}
        page={page}
        hasNext={hasNext}
      />
    ),
  });
});

forumAdminRoutes.post('/moderer', async (c) => {
  const user = mustUser(c);
  const fields = await formFields(c);
  const one = field(fields, 'one');
  let action: string;
  let ids: number[];
  if (one) {
    const [name = '', id = ''] = one.split(':');
    action = name;
    ids = [parseId(id) ?? 0];
  } else {
    action = field(fields, 'action');
    ids = fieldList(fields, 'ids').map((raw) => parseId(raw) ?? 0);
  }
  // A number no message can have is refused before the database sees it.
  if (ids.includes(0) || ids.length > 1000) throw new TisseError('BAD_INPUT', 'errors.forum.noneChecked');
  if (!moderationActions.includes(action as ModerationAction)) throw new TisseError('BAD_INPUT', 'errors.forum.unknownAction');
  if (ids.length === 0) throw new TisseError('BAD_INPUT', 'errors.forum.noneChecked');
  const { changed } = await moderateMessages(c.get('app').db, { kind: 'user', actor: user.actor }, action as ModerationAction, ids);
  c.get('app').log.info({ user: user.user.id, action, ids: changed }, `forum: ${changed.length} message(s) ${doneLabels[action as ModerationAction]}`);
  return c.redirect(`/ecrire/forum?statut=${statusParam(c.req.query('statut'))}&fait=${changed.length}`, 303);
});
