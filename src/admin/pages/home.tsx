// Back-office home: what waits for me — articles proposed for publication, my drafts, and for moderators the
// forum messages to validate.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { isScheduled, type ArticleRow } from '../../articles/index.ts';
import { formatDateTimeIn } from '../../kernel/time-zone.ts';
import { DateText, useTimeZone } from './dates.tsx';

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

export const HomePage: FC<{ proposed: ArticleRow[]; drafts: ArticleRow[]; canCreate: boolean; forum?: ForumCounts | undefined }> = ({ proposed, drafts, canCreate, forum }) => (
  <>
    <h1>{t('admin.home.title')}</h1>
    {canCreate ? (
      <p>
        <a class="button" href="/ecrire/articles/nouveau">
          {t('admin.article.new')}
        </a>
      </p>
    ) : null}
    <section aria-labelledby="proposes">
      <h2 id="proposes">{t('admin.home.proposed', { count: proposed.length })}</h2>
      {proposed.length ? <ArticleTable rows={proposed} caption={t('admin.home.proposed', { count: proposed.length })} /> : <p>{t('admin.home.none')}</p>}
    </section>
    <section aria-labelledby="brouillons">
      <h2 id="brouillons">{t('admin.home.drafts', { count: drafts.length })}</h2>
      {drafts.length ? <ArticleTable rows={drafts} caption={t('admin.home.drafts', { count: drafts.length })} /> : <p>{t('admin.home.none')}</p>}
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
