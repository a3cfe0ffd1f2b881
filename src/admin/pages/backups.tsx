// Réglages → Sauvegardes (full administrators): the last backups of <dataDir>/backups/ with a download link each,
// « Sauvegarder maintenant », and the schedule (off or daily, how many kept).
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField, Notice } from './layout.tsx';
import { DateTimeText } from './dates.tsx';
import { Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';

export interface BackupsPageProps {
  user: CurrentUser;
  backups: { name: string; bytes: number; createdAt: string; size: string }[];
  state: FormState;
  next: string | null;
  pending: boolean;
  lastFailure: { error: string; at: string } | null;
  done?: string | undefined;
}

export const BackupsPage: FC<BackupsPageProps> = (p) => (
  <>
    <h1>{t('admin.backups.title')}</h1>
    <Done message={p.done} />
    <FormErrors state={p.state} />
    <p>{t('admin.backups.intro')}</p>
    {p.lastFailure ? (
      <Notice kind="error">
        {t('admin.backups.lastFailed', { error: p.lastFailure.error })} (<DateTimeText iso={p.lastFailure.at} />)
      </Notice>
    ) : null}
    <h2>{t('admin.backups.listTitle')}</h2>
    {p.pending ? <Notice>{t('admin.backups.pending')}</Notice> : null}
    <form method="post" action="/ecrire/sauvegardes/maintenant">
      <CsrfField user={p.user} />
      <p class="actions">
        <button type="submit">{t('admin.backups.startNow')}</button>
      </p>
    </form>
    {p.backups.length === 0 ? (
      <p>{t('admin.backups.none')}</p>
    ) : (
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('admin.backups.date')}</th>
            <th scope="col">{t('admin.backups.file')}</th>
            <th scope="col">{t('admin.backups.size')}</th>
            <th scope="col">{t('admin.backups.download')}</th>
          </tr>
        </thead>
        <tbody>
          {p.backups.map((backup) => (
            <tr>
              <td>
                <DateTimeText iso={backup.createdAt} />
              </td>
              <td>
                <code>{backup.name}</code>
              </td>
              <td>{backup.size}</td>
              <td>
                <a href={`/ecrire/sauvegardes/${backup.name}`} download={backup.name} aria-label={t('admin.backups.downloadLabel', { date: backup.createdAt.slice(0, 16).replace('T', ' ') })}>
                  {t('admin.backups.download')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>{t('admin.backups.scheduleTitle')}</h2>
    {p.next ? (
      <p>
        {t('admin.backups.next')} <DateTimeText iso={p.next} />
      </p>
    ) : null}
    <form method="post" action="/ecrire/sauvegardes">
      <CsrfField user={p.user} />
      <SelectField
        name="schedule"
        label={t('admin.backups.schedule')}
        state={p.state}
        options={[
          { value: 'off', label: t('admin.backups.scheduleOff') },
          { value: 'daily', label: t('admin.backups.scheduleDaily') },
        ]}
      />
      <Field name="keep" label={t('admin.backups.keep')} hint={t('admin.backups.keepHelp')} state={p.state} type="number" />
      <p class="actions">
        <button type="submit">{t('admin.backups.save')}</button>
      </p>
    </form>
  </>
);
