// The forum moderation queue (SPIP's « Suivre les forums »): messages by status with their article, rendered
// text and author, and actions on each message or on the checked ones. Message text is rendered with the
// forum profile, like on the public site; the poster's email and address are shown to moderators only.
import type { FC } from 'hono/jsx';
import type { ForumStatus } from '../../db/schema.ts';
import type { ModerationRow } from '../../forum/index.ts';
import { DateTimeText } from './dates.tsx';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { t } from '../../kernel/i18n/index.ts';
import { listHref } from '../../web/list-query.ts';
import { CsrfField, Notice } from './layout.tsx';
import { FilterDay, FilterText, ListFilters, Pagination, type ListState } from './list-parts.tsx';

/** A message as the queue shows it: the moderators' row with its text rendered by the forum profile. */
export type QueueMessage = Omit<ModerationRow, 'text'> & { html: string };

export const statusLabels: Record<ForumStatus, string> = { pending: 'À valider', published: 'Publiés', refused: 'Refusés', spam: 'Spam' };

const actionLabels = { validate: 'Valider', refuse: 'Refuser', spam: 'Spam', delete: 'Supprimer' } as const;

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
    <h1>Forum : messages des lecteurs</h1>
    <nav aria-label="Statut des messages">
      <ul class="tabs">
        {(Object.keys(statusLabels) as ForumStatus[]).map((s) => (
          <li>
            <a href={`/ecrire/forum?statut=${s}`} aria-current={s === status ? 'page' : undefined}>
              {statusLabels[s]} ({counts[s]})
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
      <p>Aucun message dans cette liste.</p>
    ) : (
      <form method="post" action={`/ecrire/forum/moderer?statut=${status}`}>
        <CsrfField user={user} />
        <input type="hidden" name="retour" value={listHref(list.base, list.params, { page: String(list.page) })} />
        <p class="toolbar">
          Messages cochés :{' '}
          {(Object.keys(actionLabels) as (keyof typeof actionLabels)[]).map((action) => (
            <>
              <button type="submit" name="action" value={action} class={action === 'delete' ? 'danger' : 'secondary'}>
                {actionLabels[action]}
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
                      n° {m.id} — {m.title || '(sans titre)'}
                    </label>
                  </p>
                  <p>
                    Sur <a href={`/${m.articleSlug}#forum`}>{m.articleTitle}</a>, le <DateTimeText iso={m.createdAt} />, par {m.authorName}{' '}
                    &lt;{m.authorEmail}&gt;{m.authorUrl ? <> — {m.authorSiteName ? `${m.authorSiteName} : ` : ''}{m.authorUrl}</> : null} — IP {m.ip || 'inconnue'}
                  </p>
                </header>
                <div class="moderation-queue__text">{markupHtml(m.html)}</div>
                <p>
                  {(Object.keys(actionLabels) as (keyof typeof actionLabels)[])
                    .filter((action) => !(action === 'validate' && m.status === 'published') && !(action === 'refuse' && m.status === 'refused') && !(action === 'spam' && m.status === 'spam'))
                    .map((action) => (
                      <>
                        <button type="submit" name="one" value={`${action}:${m.id}`} class={action === 'delete' ? 'danger' : action === 'validate' ? undefined : 'secondary'}>
                          {actionLabels[action]}
                          <span class="visually-hidden"> le message n° {m.id}</span>
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
