// The moderation queue in the back office, under /ecrire/forum: administrators see every message, restricted
// administrators those of their sections; actions go through the moderate-messages operation.
import { field, fieldList, formFields } from '../web/form-action.ts';
import { Hono } from 'hono';
import { mustUser, requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { ModerationPage, statusLabels } from './pages/moderation.tsx';
import type { ForumStatus } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { parseId } from '../kernel/input.ts';
import { propre } from '../markup/index.ts';
import { moderateMessages, moderationActions, moderationSorts, countMessagesFor, listModerationMessages, type ModerationAction, type ModerationSort } from '../forum/index.ts';
import { t, type MessageKey } from '../kernel/i18n/index.ts';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { localInputToIso } from '../kernel/time-zone.ts';
import { loadSiteSettings } from '../settings/index.ts';

export const forumAdminRoutes = new Hono<AdminEnv>();

const BASE = '/ecrire/forum';

const moderationFilters = {
  statut: listFilters.oneOf(Object.keys(statusLabels) as ForumStatus[]),
  article: listFilters.id,
  du: listFilters.day,
  au: listFilters.day,
};

const moderationList: ListDefinition<ModerationSort, typeof moderationFilters> = { sorts: moderationSorts, defaultSort: 'date', defaultDirection: 'desc', filters: moderationFilters };

/** The day after a calendar day, as YYYY-MM-DD. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}


/** The confirmation after moderating, from the queue's address (?fait=<action>&nombre=<n>). */
function doneMessage(action: string | undefined, countRaw: string | undefined): string | undefined {
  const count = parseId(countRaw ?? '');
  if (!action || count === undefined || !moderationActions.includes(action as ModerationAction)) return undefined;
  return t(`admin.forum.done.${action}.${count === 1 ? 'one' : 'many'}` as MessageKey, { count });
}

forumAdminRoutes.get('/', async (c) => {
  const user = requirePermission(c, 'forum.moderate');
  const { db } = c.get('app');
  const query = parseListQuery(c, moderationList);
  const status: ForumStatus = query.filters.statut ?? 'pending';
  const { du, au } = query.filters;
  const { timeZone } = await loadSiteSettings(db);
  const [page, counts] = await Promise.all([
    listModerationMessages(db, user.actor, {
      filter: {
        status,
        search: query.q,
        articleId: query.filters.article,
        postedFrom: du ? localInputToIso(`${du}T00:00`, timeZone) : undefined,
        postedBefore: au ? localInputToIso(`${nextDay(au)}T00:00`, timeZone) : undefined,
      },
      sort: query.sort,
      direction: query.direction,
      offset: (query.page - 1) * LIST_PAGE_SIZE,
      limit: LIST_PAGE_SIZE,
    }),
    countMessagesFor(db, user.actor),
  ]);
  const nearest = listPageOutOfRange(BASE, query, page.total);
  if (nearest) return c.redirect(nearest, 302);
  return renderAdmin(c, {
    title: `Forum — ${t(statusLabels[status])}`,
    current: BASE,
    body: (
      <ModerationPage
        user={user}
        status={status}
        counts={counts}
        done={doneMessage(c.req.query('fait'), c.req.query('nombre'))}
        messages={page.rows.map((m) => ({ ...m, html: propre(m.text, { profile: 'forum' }).html }))}
        list={{ base: BASE, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total }}
        filters={{ article: query.params.get('article') ?? undefined, du, au }}
      />
    ),
  });
});

/** The queue address a moderation came from, checked to be the queue's own (no open redirect). */
function returnAddress(raw: string): string {
  return /^\/ecrire\/forum(\?[^#\s]*)?$/.test(raw) ? raw : BASE;
}

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
  c.get('app').log.info({ user: user.user.id, action, ids: changed }, `forum: ${changed.length} message(s) moderated (${action})`);
  const back = returnAddress(field(fields, 'retour'));
  return c.redirect(`${back}${back.includes('?') ? '&' : '?'}fait=${action}&nombre=${changed.length}`, 303);
});
