// The forum moderation queue (SPIP's « Suivre les forums »): messages by status with their article, rendered
// text and author, and actions on each message or on the checked ones. Message text is rendered with the
// forum profile, like on the public site; the poster's email and address are shown to moderators only.
import type { FC } from 'hono/jsx';
import type { ForumStatus } from '../../db/schema.ts';
import type { ModerationRow } from '../../forum/index.ts';
import { DateTimeText } from './dates.tsx';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { t, type MessageKey } from '../../kernel/i18n/index.ts';
import { listHref } from '../../web/list-query.ts';
import { CsrfField, Notice } from './layout.tsx';
import { FilterDay, FilterText, ListFilters, Pagination, type ListState } from './list-parts.tsx';

/** A message as the queue shows it: the moderators' row with its text rendered by the forum profile. */
export type QueueMessage = Omit<ModerationRow, 'text'> & { html: string };

/** The queue's tabs, as catalogue keys (rendered in the page's language). */
export const statusLabels = { pending: 'admin.forum.status.pending', published: 'admin.forum.status.published', refused: 'admin.forum.status.refused', spam: 'admin.forum.status.spam' } as const satisfies Record<ForumStatus, MessageKey>;

const actionLabels = { validate: 'admin.forum.action.validate', refuse: 'admin.forum.action.refuse', spam: 'admin.forum.action.spam', delete: 'admin.forum.action.delete' } as const satisfies Record<string, MessageKey>;

export interface ModerationPageProps {
  user: CurrentUser;
  status: ForumStatus;
  counts: Record<ForumStatus, number>;
  messages: QueueMessage[];
  done?: string | undefined;
  /** The queue's search, filters, sort and page (web/list-query.ts). */
  list: ListState;
  filters: { article?: string | undefined; du?: string | undefined; au?: string | undefined };
}

export const ModerationPage: FC<ModerationPageProps> = ({ user, status, counts, messages, done, list, filters }) => (
  <>
    <h1>{t('admin.forum.title')}</h1>
    <nav aria-label={t('admin.forum.statusNav')}>
      <ul class="tabs">
        {(Object.keys(statusLabels) as ForumStatus[]).map((s) => (
          <li>
            <a href={`/ecrire/forum?statut=${s}`} aria-current={s === status ? 'page' : undefined}>
              {t(statusLabels[s])} ({counts[s]})
            </a>
          </li>
        ))}
      </ul>
    </nav>
    {done ? <Notice>{done}</Notice> : null}
    <ListFilters list={list} searchLabel={t('admin.forum.search')} ownSort>
      <input type="hidden" name="statut" value={status} />
      <FilterText name="article" label={t('admin.forum.filterArticle')} value={filters.article} inputmode="numeric" />
      <FilterDay name="du" label={t('admin.forum.postedFrom')} value={filters.du} />
      <FilterDay name="au" label={t('admin.forum.postedTo')} value={filters.au} />
      <div class="field">
        <label for="liste-ordre">{t('admin.forum.order')}</label>
        <select id="liste-ordre" name="ordre">
          <option value="desc" selected={list.direction === 'desc'}>{t('admin.forum.newestFirst')}</option>
          <option value="asc" selected={list.direction === 'asc'}>{t('admin.forum.oldestFirst')}</option>
        </select>
      </div>
    </ListFilters>
    <Pagination list={list} />
    {messages.length === 0 ? (
      <p>{t('admin.forum.empty')}</p>
    ) : (
      <form method="post" action={`/ecrire/forum/moderer?statut=${status}`}>
        <CsrfField user={user} />
        <input type="hidden" name="retour" value={listHref(list.base, list.params, { page: String(list.page) })} />
        <p class="toolbar">
          {t('admin.forum.checked')}{' '}
          {(Object.keys(actionLabels) as (keyof typeof actionLabels)[]).map((action) => (
            <>
              <button type="submit" name="action" value={action} class={action === 'delete' ? 'danger' : 'secondary'}>
                {t(actionLabels[action])}
              </button>{' '}
            </>
          ))}
        </p>
        <ol class="moderation-queue">
          {messages.map((m) => (
            <li id={`message${m.id}`} class="moderation-queue__item">
              <article aria-labelledby={`message${m.id}-titre`}>
                <header>
                  <p>
                    <input type="checkbox" name="ids" value={String(m.id)} id={`choix${m.id}`} />{' '}
                    <label for={`choix${m.id}`} id={`message${m.id}-titre`}>
                      {t('admin.forum.number', { id: m.id })} — {m.title || t('admin.forum.untitled')}
                    </label>
                  </p>
                  <p>
                    {t('admin.forum.on')} <a href={`/${m.articleSlug}#forum`}>{m.articleTitle}</a>, {t('admin.forum.dateIntro')} <DateTimeText iso={m.createdAt} />, {t('admin.forum.by', { name: m.authorName })}{' '}
                    &lt;{m.authorEmail}&gt;{m.authorUrl ? <> — {m.authorSiteName ? `${m.authorSiteName} : ` : ''}{m.authorUrl}</> : null} — {t('admin.forum.ip', { ip: m.ip || t('admin.forum.ipUnknown') })}
                  </p>
                </header>
                <div class="moderation-queue__text">{markupHtml(m.html)}</div>
                <p>
                  {(Object.keys(actionLabels) as (keyof typeof actionLabels)[])
                    .filter((action) => !(action === 'validate' && m.status === 'published') && !(action === 'refuse' && m.status === 'refused') && !(action === 'spam' && m.status === 'spam'))
                    .map((action) => (
                      <>
                        <button type="submit" name="one" value={`${action}:${m.id}`} class={action === 'delete' ? 'danger' : action === 'validate' ? undefined : 'secondary'}>
                          {t(actionLabels[action])}
                          <span class="visually-hidden"> {t('admin.forum.theMessage', { id: m.id })}</span>
                        </button>{' '}
                      </>
                    ))}
                </p>
              </article>
            </li>
          ))}
        </ol>
      </form>
    )}
    {list.pages > 1 ? <Pagination list={list} withCount={false} /> : null}
  </>
);
