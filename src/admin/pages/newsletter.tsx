// Back-office pages of the newsletter (/ecrire/lettre): the overview (lists and latest issues), the list form,
// the subscribers' list, the import and export, the issue's composer with its preview, test and send forms, and
// the issue's report once it has started.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import type { NewsletterIssue, NewsletterList } from '../../db/schema.ts';
import type { ImportProblem, IssueReport, IssueSummary, SubscriberRow } from '../../newsletter/index.ts';
import { CsrfField, Notice } from './layout.tsx';
import { DateText, DateTimeText } from './dates.tsx';
import { CheckField, Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';
import { FilterSelect, ListFilters, Pagination, SortHeader, type ListState } from './list-parts.tsx';

const base = '/ecrire/lettre';

const statusLabel = (status: string) =>
  ({
    pending: t('admin.newsletter.status.pending'),
    confirmed: t('admin.newsletter.status.confirmed'),
    unsubscribed: t('admin.newsletter.status.unsubscribed'),
    bounced: t('admin.newsletter.status.bounced'),
    draft: t('admin.newsletter.issueStatus.draft'),
    scheduled: t('admin.newsletter.issueStatus.scheduled'),
    sending: t('admin.newsletter.issueStatus.sending'),
    sent: t('admin.newsletter.issueStatus.sent'),
  })[status] ?? status;

export { statusLabel as newsletterStatusLabel };

export const NewsletterHomePage: FC<{
  user: CurrentUser;
  lists: NewsletterList[];
  counts: Map<number, { confirmed: number; pending: number }>;
  issues: IssueSummary[];
  settings: FormState;
  done?: string | undefined;
}> = ({ user, lists, counts, issues, settings, done }) => (
  <>
    <h1>{t('admin.newsletter.title')}</h1>
    <Done message={done} />
    <FormErrors state={settings} />
    <p class="actions">
      {lists.length ? <a class="button" href={`${base}/numeros/nouveau`}>{t('admin.newsletter.newIssue')}</a> : null}
      <a class="button secondary" href={`${base}/listes/nouvelle`}>{t('admin.newsletter.newList')}</a>
      <a class="button secondary" href={`${base}/abonnes`}>{t('admin.newsletter.subscribers')}</a>
      <a class="button secondary" href={`${base}/import`}>{t('admin.newsletter.import')}</a>
      <a class="button secondary" href={`${base}/export`}>{t('admin.newsletter.export')}</a>
    </p>
    <section aria-labelledby="listes">
      <h2 id="listes">{t('admin.newsletter.lists')}</h2>
      {lists.length === 0 ? <p>{t('admin.newsletter.noLists')}</p> : null}
      {lists.length ? (
        <div class="table-scroll">
          <table class="list-table">
            <caption class="visually-hidden">{t('admin.newsletter.lists')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.newsletter.listName')}</th>
                <th scope="col">{t('admin.newsletter.confirmedCount')}</th>
                <th scope="col">{t('admin.newsletter.pendingCount')}</th>
                <th scope="col">{t('admin.newsletter.lastDigest')}</th>
                <th scope="col">{t('admin.newsletter.digest')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr>
                  <td><a href={`${base}/listes/${l.id}`}>{l.name}</a>{l.public ? null : <> ({t('admin.newsletter.hidden')})</>}</td>
                  <td><a href={`${base}/abonnes?liste=${l.id}&statut=confirmed`}>{counts.get(l.id)?.confirmed ?? 0}</a></td>
                  <td>{counts.get(l.id)?.pending ?? 0}</td>
                  <td>{l.last_digest_at ? <DateTimeText iso={l.last_digest_at} /> : t('admin.newsletter.never')}</td>
                  <td>
                    <form method="post" action={`${base}/listes/${l.id}/resume`}>
                      <CsrfField user={user} />
                      <button type="submit" class="secondary">{t('admin.newsletter.makeDigest')}<span class="visually-hidden"> ({l.name})</span></button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
    <section aria-labelledby="numeros">
      <h2 id="numeros">{t('admin.newsletter.issues')}</h2>
      {issues.length === 0 ? <p>{t('admin.newsletter.noIssues')}</p> : (
        <div class="table-scroll">
          <table class="list-table">
            <caption class="visually-hidden">{t('admin.newsletter.issues')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.newsletter.subject')}</th>
                <th scope="col">{t('admin.newsletter.list')}</th>
                <th scope="col">{t('admin.newsletter.issueStatus')}</th>
                <th scope="col">{t('admin.newsletter.when')}</th>
                <th scope="col">{t('admin.newsletter.recipients')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr>
                  <td><a href={`${base}/numeros/${i.id}`}>{i.subject}</a>{i.kind === 'digest' ? <> ({t('admin.newsletter.digest')})</> : null}</td>
                  <td>{i.list_name}</td>
                  <td>{statusLabel(i.status)}</td>
                  <td>{i.finished_at ? <DateTimeText iso={i.finished_at} /> : i.started_at ? <DateTimeText iso={i.started_at} /> : i.scheduled_at ? <DateTimeText iso={i.scheduled_at} /> : <DateText iso={i.created_at} />}</td>
                  <td>{i.status === 'draft' || i.status === 'scheduled' ? '—' : i.recipients}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    <section aria-labelledby="reglages-lettre" class="card">
      <h2 id="reglages-lettre">{t('admin.newsletter.settings')}</h2>
      <form method="post" action={`${base}/reglages`}>
        <CsrfField user={user} />
        <Field name="consentText" label={t('admin.newsletter.consentText')} state={settings} rows={3} required hint={t('admin.newsletter.consentTextHint')} />
        <Field name="ratePerMinute" label={t('admin.newsletter.ratePerMinute')} state={settings} type="number" hint={t('admin.newsletter.ratePerMinuteHint')} />
        <p class="actions"><button type="submit">{t('admin.form.save')}</button></p>
      </form>
    </section>
  </>
);

export const ListFormPage: FC<{ user: CurrentUser; list?: NewsletterList | undefined; sections: { value: string; label: string }[]; state: FormState; done?: string | undefined }> = ({ user, list, sections, state, done }) => (
  <>
    <h1>{list ? t('admin.newsletter.editList', { name: list.name }) : t('admin.newsletter.newList')}</h1>
    <Done message={done} />
    <FormErrors state={state} />
    <form method="post" action={list ? `${base}/listes/${list.id}` : `${base}/listes/nouvelle`}>
      <CsrfField user={user} />
      <Field name="name" label={t('admin.newsletter.listName')} state={state} required />
      <Field name="description" label={t('admin.newsletter.listDescription')} state={state} rows={2} />
      <SelectField name="sectionId" label={t('admin.newsletter.scope')} state={state} options={[{ value: '', label: t('admin.newsletter.wholeSite') }, ...sections]} hint={t('admin.newsletter.scopeHint')} />
      <Field name="digestSize" label={t('admin.newsletter.digestSize')} state={state} type="number" hint={t('admin.newsletter.digestSizeHint')} />
      <CheckField name="public" label={t('admin.newsletter.public')} state={state} />
      <p class="actions">
        <button type="submit">{list ? t('admin.form.save') : t('admin.form.create')}</button>
        <a class="button secondary" href={base}>{t('admin.form.cancel')}</a>
      </p>
    </form>
    {list ? (
      <form method="post" action={`${base}/listes/${list.id}/supprimer`}>
        <CsrfField user={user} />
        <p class="hint">{t('admin.newsletter.deleteListHint')}</p>
        <button type="submit" class="danger">{t('admin.form.delete')}<span class="visually-hidden"> « {list.name} »</span></button>
      </form>
    ) : null}
  </>
);

export const SubscribersPage: FC<{ user: CurrentUser; rows: SubscriberRow[]; list: ListState; lists: NewsletterList[]; status: string; listId: string; done?: string | undefined }> = ({ user, rows, list, lists, status, listId, done }) => (
  <>
    <h1>{t('admin.newsletter.subscribers')}</h1>
    <Done message={done} />
    <p class="actions"><a href={base}>{t('admin.newsletter.backToNewsletter')}</a></p>
    <ListFilters list={list} searchLabel={t('admin.newsletter.searchSubscribers')}>
      <FilterSelect name="statut" label={t('admin.newsletter.status')} value={status} options={['pending', 'confirmed', 'unsubscribed', 'bounced'].map((s) => ({ value: s, label: statusLabel(s) }))} />
      <FilterSelect name="liste" label={t('admin.newsletter.list')} value={listId} options={lists.map((l) => ({ value: String(l.id), label: l.name }))} />
    </ListFilters>
    <Pagination list={list} />
    {rows.length === 0 ? <p>{t('admin.list.none')}</p> : (
      <div class="table-scroll">
        <table class="list-table">
          <caption class="visually-hidden">{t('admin.newsletter.subscribers')}</caption>
          <thead>
            <tr>
              <SortHeader list={list} column="email" label={t('admin.newsletter.email')} />
              <th scope="col">{t('admin.newsletter.name')}</th>
              <th scope="col">{t('admin.newsletter.status')}</th>
              <th scope="col">{t('admin.newsletter.lists')}</th>
              <SortHeader list={list} column="date" label={t('admin.newsletter.consent')} />
              <th scope="col"><span class="visually-hidden">{t('admin.newsletter.erase')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <td>{s.email}</td>
                <td>{s.name}</td>
                <td>{statusLabel(s.status)}</td>
                <td>{s.lists}</td>
                <td>{s.consent_at ? <DateTimeText iso={s.consent_at} /> : '—'}{s.consent_source ? <> — {s.consent_source}</> : null}</td>
                <td>
                  <form method="post" action={`${base}/abonnes/${s.id}/effacer`} data-confirm={t('admin.newsletter.eraseConfirm', { email: s.email })}>
                    <CsrfField user={user} />
                    <button type="submit" class="danger">{t('admin.newsletter.erase')}<span class="visually-hidden"> {s.email}</span></button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    {list.pages > 1 ? <Pagination list={list} withCount={false} /> : null}
  </>
);

export const ImportPage: FC<{ user: CurrentUser; lists: NewsletterList[]; state: FormState; problems?: ImportProblem[] | undefined; result?: string | undefined }> = ({ user, lists, state, problems, result }) => (
  <>
    <h1>{t('admin.newsletter.import')}</h1>
    <p class="actions"><a href={base}>{t('admin.newsletter.backToNewsletter')}</a></p>
    {result ? <Notice>{result}</Notice> : null}
    <FormErrors state={state} />
    {problems?.length ? (
      <div class="notice error" role="alert">
        <p>{t('admin.newsletter.importRefused', { count: problems.length })}</p>
        <ul>
          {problems.slice(0, 200).map((p) => (
            <li>{t('admin.newsletter.importLine', { line: p.line, message: p.message })}</li>
          ))}
        </ul>
      </div>
    ) : null}
    <p>{t('admin.newsletter.importHelp')}</p>
    <form method="post" action={`${base}/import`} enctype="multipart/form-data">
      <CsrfField user={user} />
      <div class="field">
        <label for="champ-file">{t('admin.newsletter.importFile')}</label>
        <input type="file" id="champ-file" name="file" accept=".csv,text/csv" required />
      </div>
      <SelectField name="listId" label={t('admin.newsletter.list')} state={state} options={lists.map((l) => ({ value: String(l.id), label: l.name }))} />
      <CheckField name="consent" label={t('admin.newsletter.importConsent')} state={state} />
      <p class="hint">{t('admin.newsletter.importConsentHint')}</p>
      <p class="actions"><button type="submit">{t('admin.newsletter.importButton')}</button></p>
    </form>
  </>
);

export const IssueFormPage: FC<{
  user: CurrentUser;
  issue?: NewsletterIssue | undefined;
  lists: NewsletterList[];
  picked: { id: number; title: string }[];
  state: FormState;
  done?: string | undefined;
  scheduleValue: string;
}> = ({ user, issue, lists, picked, state, done, scheduleValue }) => (
  <>
    <h1>{issue ? issue.subject : t('admin.newsletter.newIssue')}</h1>
    <Done message={done} />
    <p class="actions"><a href={base}>{t('admin.newsletter.backToNewsletter')}</a></p>
    {issue?.status === 'scheduled' && issue.scheduled_at ? <Notice>{t('admin.newsletter.scheduledFor')} <DateTimeText iso={issue.scheduled_at} /></Notice> : null}
    <FormErrors state={state} />
    <form method="post" action={issue ? `${base}/numeros/${issue.id}` : `${base}/numeros/nouveau`}>
      <CsrfField user={user} />
      <SelectField name="listId" label={t('admin.newsletter.list')} state={state} options={lists.map((l) => ({ value: String(l.id), label: l.name }))} />
      <Field name="subject" label={t('admin.newsletter.subject')} state={state} required />
      <Field name="body" label={t('admin.newsletter.body')} state={state} rows={12} hint={t('admin.newsletter.bodyHint')} />
      <Field name="articleIds" label={t('admin.newsletter.articles')} state={state} hint={t('admin.newsletter.articlesHint')} />
      {picked.length ? (
        <ul class="hint">
          {picked.map((a) => (
            <li>{a.id} — {a.title}</li>
          ))}
        </ul>
      ) : null}
      <p class="actions">
        <button type="submit">{issue ? t('admin.form.save') : t('admin.newsletter.saveDraft')}</button>
      </p>
    </form>
    {issue ? (
      <section aria-labelledby="envoi" class="card">
        <h2 id="envoi">{t('admin.newsletter.sendTitle')}</h2>
        <p>
          <a href={`${base}/numeros/${issue.id}/apercu`} target="_blank" rel="noopener">{t('admin.newsletter.preview')}</a>
        </p>
        <form method="post" action={`${base}/numeros/${issue.id}/essai`}>
          <CsrfField user={user} />
          <p class="actions"><button type="submit" class="secondary">{t('admin.newsletter.sendTest', { email: user.user.email })}</button></p>
        </form>
        <form method="post" action={`${base}/numeros/${issue.id}/envoyer`}>
          <CsrfField user={user} />
          <div class="field">
            <label for="champ-quand">{t('admin.newsletter.sendAt')}</label>
            <p class="hint" id="champ-quand-aide">{t('admin.newsletter.sendAtHint')}</p>
            <input type="datetime-local" id="champ-quand" name="quand" value={scheduleValue} aria-describedby="champ-quand-aide" />
          </div>
          <p class="actions"><button type="submit">{t('admin.newsletter.send')}</button></p>
        </form>
      </section>
    ) : null}
  </>
);

export const IssueReportPage: FC<{ issue: NewsletterIssue; listName: string; report: IssueReport; done?: string | undefined }> = ({ issue, listName, report, done }) => (
  <>
    <h1>{issue.subject}</h1>
    <Done message={done} />
    <p class="actions"><a href={base}>{t('admin.newsletter.backToNewsletter')}</a> · <a href={`${base}/numeros/${issue.id}/apercu`} target="_blank" rel="noopener">{t('admin.newsletter.preview')}</a></p>
    <p>
      {listName} — {statusLabel(issue.status)}
      {issue.started_at ? <> — {t('admin.newsletter.startedAt')} <DateTimeText iso={issue.started_at} /></> : null}
      {issue.finished_at ? <> — {t('admin.newsletter.finishedAt')} <DateTimeText iso={issue.finished_at} /></> : null}
    </p>
    <table class="list-table report">
      <caption>{t('admin.newsletter.report')}</caption>
      <tbody>
        <tr><th scope="row">{t('admin.newsletter.recipients')}</th><td>{report.recipients}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.sent')}</th><td>{report.sent}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.waiting')}</th><td>{report.waiting}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.failed')}</th><td>{report.failed}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.bounced')}</th><td>{report.bounced}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.uncertain')}</th><td>{report.uncertain}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.cancelled')}</th><td>{report.cancelled}</td></tr>
        <tr><th scope="row">{t('admin.newsletter.report.unsubscribedAfter')}</th><td>{report.unsubscribedAfter}</td></tr>
      </tbody>
    </table>
  </>
);
