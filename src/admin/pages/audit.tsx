// The back office's journal (/ecrire/journal, full administrators): who did what, newest first, filtered by kind
// of action, 50 a page.
import type { FC } from 'hono/jsx';
import { isMessageKey, t } from '../../kernel/i18n/index.ts';
import type { AuditEntry } from '../../audit/index.ts';
import { DateTimeText } from './dates.tsx';

export interface AuditPageProps {
  entries: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  action: string;
  /** The kinds of action the filter offers. */
  actions: readonly string[];
}

/** 'article.status' → « Article — changement de statut »; a name the catalogue lacks reads as itself. */
export function actionLabel(action: string): string {
  const [area = '', verb = ''] = action.split('.');
  const areaKey = `admin.audit.area.${area}`;
  const verbKey = `admin.audit.verb.${verb}`;
  if (!isMessageKey(areaKey) || !isMessageKey(verbKey)) return action;
  return `${t(areaKey)} — ${t(verbKey)}`;
}

/** A status change or bulk action names its action as the editor's button does (« Publier en ligne »). */
function detailLabel(entry: AuditEntry): string {
  if (entry.action !== 'article.status' && entry.action !== 'article.bulk') return entry.detail;
  const [name = '', ...more] = entry.detail.split(' ');
  const key = `admin.action.${name}`;
  return isMessageKey(key) ? [t(key), ...more].join(' ') : entry.detail;
}

function pageHref(page: number, action: string): string {
  const query = new URLSearchParams();
  if (action) query.set('action', action);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `/ecrire/journal${text ? `?${text}` : ''}`;
}

export const AuditPage: FC<AuditPageProps> = (p) => (
  <>
    <h1>{t('admin.audit.title')}</h1>
    <p>{t('admin.audit.intro')}</p>
    <form method="get" action="/ecrire/journal" class="actions">
      <div class="field">
        <label for="action">{t('admin.audit.filter')}</label>
        <select id="action" name="action">
          <option value="">{t('admin.audit.all')}</option>
          {p.actions.map((name) => (
            <option value={name} selected={p.action === name}>
              {actionLabel(name)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit">{t('admin.audit.show')}</button>
      </div>
    </form>
    {p.entries.length === 0 ? (
      <p>{t('admin.audit.empty')}</p>
    ) : (
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.what')}</th>
            <th scope="col">{t('admin.audit.target')}</th>
            <th scope="col">{t('admin.audit.detail')}</th>
            <th scope="col">{t('admin.audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {p.entries.map((entry) => (
            <tr>
              <td>
                <DateTimeText iso={entry.at} />
              </td>
              <td>{entry.user_name}</td>
              <td>{actionLabel(entry.action)}</td>
              <td>{entry.target}</td>
              <td>{detailLabel(entry)}</td>
              <td>{entry.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <nav aria-label={t('admin.audit.page', { page: p.page, pages: p.pages, total: p.total })}>
      <p>{t('admin.audit.page', { page: p.page, pages: p.pages, total: p.total })}</p>
      {p.page > 1 ? <a href={pageHref(p.page - 1, p.action)} rel="prev">{t('admin.audit.previous')}</a> : null}{' '}
      {p.page < p.pages ? <a href={pageHref(p.page + 1, p.action)} rel="next">{t('admin.audit.next')}</a> : null}
    </nav>
  </>
);
