// The moderation queue in the back office, under /ecrire/forum: administrators see every message, restricted
// administrators those of their sections; actions go through the moderate-messages operation.
import { Hono } from 'hono';
import { mustUser, requirePermission, type AdminEnv } from '../admin/auth.ts';
import { field, fieldList, formFields, renderAdmin } from '../admin/render.tsx';
import { ModerationPage, statusLabels } from '../admin/pages/moderation.tsx';
import { can } from '../content/permissions.ts';
import type { ForumStatus } from '../db/schema.ts';
import { TisseError } from '../errors.ts';
import { propre } from '../markup/index.ts';
import { moderateMessages, moderationActions, type ModerationAction } from './operations/moderate-messages.ts';
import { countMessagesByStatus, listMessages } from './queries.ts';

export const forumAdminRoutes = new Hono<AdminEnv>();

function statusParam(value: string | undefined): ForumStatus {
  return value && value in statusLabels ? (value as ForumStatus) : 'pending';
}

const doneLabels: Record<ModerationAction, string> = { validate: 'validé(s)', refuse: 'refusé(s)', spam: 'marqué(s) comme spam', delete: 'supprimé(s)' };

forumAdminRoutes.get('/', async (c) => {
  const user = requirePermission(c, 'forum.moderate');
  const { db } = c.get('app');
  const status = statusParam(c.req.query('statut'));
  const [rows, counts] = await Promise.all([listMessages(db, { status, limit: 200 }), countMessagesByStatus(db)]);
  const mine = rows.filter((m) => can(user.actor, 'forum.moderate', { sectionId: m.sectionId }));
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
        messages={mine.map((m) => ({ ...m, html: propre(m.text, { profile: 'forum' }).html }))}
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
    ids = [Number(id)];
  } else {
    action = field(fields, 'action');
    ids = fieldList(fields, 'ids').map(Number);
  }
  if (!moderationActions.includes(action as ModerationAction)) throw new TisseError('BAD_INPUT', 'Action de modération inconnue.');
  if (ids.length === 0) throw new TisseError('BAD_INPUT', 'Cochez au moins un message.');
  const { changed } = await moderateMessages(c.get('app').db, { kind: 'user', actor: user.actor }, action as ModerationAction, ids);
  c.get('app').log.info({ user: user.user.id, action, ids: changed }, `forum: ${changed.length} message(s) ${doneLabels[action as ModerationAction]}`);
  return c.redirect(`/ecrire/forum?statut=${statusParam(c.req.query('statut'))}&fait=${changed.length}`, 303);
});
