// Back-office home, "Ce qui m'attend": only what this person may act on (articles/awaiting-work.ts) — proposed
// articles they may publish, their own articles in progress, the team's messages on their articles, and for
// moderators the forum messages to validate. A visitor's account has its own home (decision 018).
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { isScheduled, type ArticleRow, type AwaitingWork } from '../../articles/index.ts';
import { formatDateTimeIn } from '../../kernel/time-zone.ts';
import { DateText, DateTimeText, useTimeZone } from './dates.tsx';

export const ArticleTable: FC<{ rows: ArticleRow[]; caption: string }> = ({ rows, caption }) => (
  <div class="table-scroll">
    <table>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.article.title')}</th>
          <th scope="col">{t('admin.article.section')}</th>
          <th scope="col">{t('admin.article.authors')}</th>
          <th scope="col">{t('admin.article.status')}</th>
          <th scope="col">{t('admin.article.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <td>
              <a href={`/ecrire/articles/${row.id}`}>{row.title}</a>
            </td>
            <td>{row.section_title}</td>
            <td>{row.authorNames.join(', ')}</td>
            <td>
              <StatusBadge status={row.status} publishedAt={row.published_at} />
            </td>
            <td>
              <DateText iso={row.updated_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** An article's status in words: a published article whose date is still to come is "publication prévue le …" (in `zone`). */
export function statusLabel(status: ArticleRow['status'], publishedAt: string | null | undefined, zone: string): string {
  return isScheduled({ status, published_at: publishedAt ?? null }) ? t('admin.status.scheduled', { date: formatDateTimeIn(publishedAt!, zone) }) : t(`admin.status.${status}`);
}

export const StatusBadge: FC<{ status: ArticleRow['status']; publishedAt?: string | null }> = ({ status, publishedAt }) => (
  <span class={`status status--${isScheduled({ status, published_at: publishedAt ?? null }) ? 'scheduled' : status}`}>{statusLabel(status, publishedAt, useTimeZone())}</span>
);

/** Forum messages among those this person moderates (forum/queries.ts countMessagesFor). */
export interface ForumCounts {
  pending: number;
  published: number;
  spam: number;
}

/** A team message, cut to a line or two: the whole thread is on the article's page. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

const TeamMessages: FC<{ messages: AwaitingWork['messages'] }> = ({ messages }) => (
  <ul class="team-messages">
    {messages.map((m) => (
      <li>
        <a href={`/ecrire/articles/${m.articleId}#discussion`}>{m.articleTitle}</a> — {m.authorName}, <DateTimeText iso={m.createdAt} />
        <br />
        <span class="hint">{excerpt(m.text)}</span>
      </li>
    ))}
  </ul>
);

export const HomePage: FC<{ work: AwaitingWork; reviews: boolean; canCreate: boolean; forum?: ForumCounts | undefined }> = ({ work, reviews, canCreate, forum }) => (
  <>
    <h1>{t('admin.home.title')}</h1>
    {canCreate ? (
      <p>
        <a class="button" href="/ecrire/articles/nouveau">
          {t('admin.article.new')}
        </a>
      </p>
    ) : null}
    {reviews ? (
      <section aria-labelledby="a-relire">
        <h2 id="a-relire">{t('admin.home.toReview', { count: work.toReview.length })}</h2>
        {work.toReview.length ? <ArticleTable rows={work.toReview} caption={t('admin.home.toReview', { count: work.toReview.length })} /> : <p>{t('admin.home.none')}</p>}
      </section>
    ) : null}
    <section aria-labelledby="mes-articles">
      <h2 id="mes-articles">{t('admin.home.mine', { count: work.mine.length })}</h2>
      {work.mine.length ? <ArticleTable rows={work.mine} caption={t('admin.home.mine', { count: work.mine.length })} /> : <p>{t('admin.home.none')}</p>}
    </section>
    <section aria-labelledby="messages-equipe">
      <h2 id="messages-equipe">{t('admin.home.messages', { count: work.messages.length })}</h2>
      {work.messages.length ? <TeamMessages messages={work.messages} /> : <p>{t('admin.home.none')}</p>}
    </section>
    {forum ? (
      <section aria-labelledby="forum-accueil">
        <h2 id="forum-accueil">{t('admin.home.forum')}</h2>
        <p>
          <a href="/ecrire/forum?statut=pending">{t('admin.home.forumPending', { count: forum.pending })}</a> —{' '}
          {t('admin.home.forumCounts', { published: forum.published, spam: forum.spam })}
        </p>
      </section>
    ) : null}
  </>
);

/** The home of a visitor's account (decision 018): what the account is for, and the way to their profile. */
export const VisitorHomePage: FC = () => (
  <>
    <h1>{t('admin.home.visitorTitle')}</h1>
    <p>{t('admin.home.visitorLead')}</p>
    <ul>
      <li>
        <a href="/ecrire/profil">{t('admin.home.visitorProfile')}</a>
      </li>
      <li>
        <a href="/">{t('admin.home.visitorSite')}</a>
      </li>
    </ul>
  </>
);
