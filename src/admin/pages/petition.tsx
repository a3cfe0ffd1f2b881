// The back-office page of an article's petition: its text and state (for whoever may edit the article), the
// counts, and for the section's moderators the signatures (emails are personal data) with trash / restore and
// the CSV export.
import type { FC } from 'hono/jsx';
import type { Article } from '../../db/schema.ts';
import type { Petition, Signature } from '../../petitions/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { Done, FormErrors, type FormState } from './form-fields.tsx';
import { DateTimeText } from './dates.tsx';

export interface PetitionPageProps {
  user: CurrentUser;
  article: Article;
  petition: Petition | undefined;
  canEdit: boolean;
  /** Undefined when the user may not see the signatures. */
  signatures: Signature[] | undefined;
  counts: { confirmed: number; pending: number; trash: number };
  state: FormState;
  done?: string | undefined;
}

const statusLabel = { pending: 'admin.petition.statusPending', confirmed: 'admin.petition.statusConfirmed', trash: 'admin.petition.statusTrash' } as const;

export const PetitionPage: FC<PetitionPageProps> = (p) => {
  const base = `/ecrire/articles/${p.article.id}/petition`;
  const v = p.state.values;
  const value = (name: string, fallback: string) => (typeof v[name] === 'string' ? (v[name] as string) : fallback);
  const status = value('status', p.petition?.status ?? 'open');
  const allowMessage = p.state.values.text !== undefined ? v.allowMessage === 'oui' : (p.petition?.allow_message ?? 1) === 1;
  return (
    <>
      <h1>{t('admin.petition.title', { title: p.article.title })}</h1>
      <p>
        <a href={`/ecrire/articles/${p.article.id}`}>{t('admin.petition.back')}</a>
      </p>
      <Done message={p.done} />
      <FormErrors state={p.state} />
      {p.petition ? <p>{t('admin.petition.counts', p.counts)}</p> : <p>{t('admin.petition.none')}</p>}
      {p.canEdit ? (
        <form method="post" action={base} class="form">
          <CsrfField user={p.user} />
          <p>
            <label for="petition-texte">{t('admin.petition.text')}</label>
            <textarea id="petition-texte" name="text" rows={8}>
              {value('text', p.petition?.text ?? '')}
            </textarea>
          </p>
          <fieldset>
            <legend>{t('admin.petition.status')}</legend>
            <p>
              <input type="radio" id="petition-ouverte" name="status" value="open" checked={status === 'open'} /> <label for="petition-ouverte">{t('admin.petition.open')}</label>
            </p>
            <p>
              <input type="radio" id="petition-close" name="status" value="closed" checked={status === 'closed'} /> <label for="petition-close">{t('admin.petition.closed')}</label>
            </p>
          </fieldset>
          <p>
            <input type="checkbox" id="petition-message" name="allowMessage" value="oui" checked={allowMessage} /> <label for="petition-message">{t('admin.petition.allowMessage')}</label>
          </p>
          <p>
            <button type="submit">{t('admin.petition.save')}</button>
          </p>
        </form>
      ) : null}
      {p.canEdit && p.petition && p.counts.confirmed + p.counts.pending + p.counts.trash === 0 ? (
        <form method="post" action={`${base}/supprimer`}>
          <CsrfField user={p.user} />
          <button type="submit" class="button--danger">
            {t('admin.petition.remove')}
          </button>
        </form>
      ) : null}
      {p.petition && p.signatures ? (
        <section aria-labelledby="signatures-titre">
          <h2 id="signatures-titre">{t('admin.petition.signatures')}</h2>
          <p>
            <a href={`${base}/signatures.csv`} download="">
              {t('admin.petition.export')}
            </a>
          </p>
          {p.signatures.length === 0 ? (
            <p>{t('admin.petition.noSignatures')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{t('admin.petition.signatures')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.petition.colName')}</th>
                    <th scope="col">{t('admin.petition.colEmail')}</th>
                    <th scope="col">{t('admin.petition.colStatus')}</th>
                    <th scope="col">{t('admin.petition.colShown')}</th>
                    <th scope="col">{t('admin.petition.colDate')}</th>
                    <th scope="col">{t('admin.petition.colAction')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.signatures.map((s) => (
                    <tr>
                      <td>{s.name}</td>
                      <td>{s.email}</td>
                      <td>{t(statusLabel[s.status])}</td>
                      <td>{s.shown ? t('admin.petition.yes') : t('admin.petition.no')}</td>
                      <td>
                        <DateTimeText iso={s.created_at} />
                      </td>
                      <td>
                        {s.status === 'trash' && !s.confirmed_at ? null : (
                          <form method="post" action={`${base}/signatures/${s.id}`}>
                            <CsrfField user={p.user} />
                            <input type="hidden" name="to" value={s.status === 'trash' ? 'confirmed' : 'trash'} />
                            <button type="submit">{s.status === 'trash' ? t('admin.petition.restore') : t('admin.petition.trash')}</button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
};
