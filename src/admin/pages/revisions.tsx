// An article's history: its revisions (who, when), a form to compare any two, the word-level diff, and a
// restore button per revision for those who may edit the article.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { DateTimeText } from './dates.tsx';
import type { FieldDiff, RevisionEntry } from '../../articles/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';

export interface RevisionsProps {
  user: CurrentUser;
  articleId: number;
  title: string;
  revisions: RevisionEntry[];
  from?: number | undefined;
  to?: number | undefined;
  diff?: FieldDiff[] | undefined;
  canRestore: boolean;
}

export const RevisionsPage: FC<RevisionsProps> = (p) => (
  <>
    <h1>{t('admin.revisions.title', { title: p.title })}</h1>
    <p>
      <a href={`/ecrire/articles/${p.articleId}`}>{t('admin.article.edit')}</a>
    </p>
    <form method="get" action={`/ecrire/articles/${p.articleId}/revisions`} class="actions">
      <div class="field">
        <label for="de">{t('admin.revisions.from')}</label>
        <select id="de" name="de">
          {p.revisions.map((r) => (
            <option value={String(r.number)} selected={p.from === r.number}>{String(r.number)}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="a">{t('admin.revisions.to')}</label>
        <select id="a" name="a">
          {p.revisions.map((r) => (
            <option value={String(r.number)} selected={p.to === r.number}>{String(r.number)}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <button type="submit">{t('admin.revisions.compare')}</button>
      </div>
    </form>
    {p.diff && p.from !== undefined && p.to !== undefined ? (
      <section aria-labelledby="diff">
        <h2 id="diff">{t('admin.revisions.diff', { from: p.from, to: p.to })}</h2>
        {p.diff.every((d) => !d.changed) ? <p>{t('admin.revisions.noChange')}</p> : null}
        {p.diff
          .filter((d) => d.changed)
          .map((d) => (
            <>
              <h3>{t(`admin.article.${d.field}`)}</h3>
              <div class="diff">
                {d.parts.map((part) => (part.kind === 'added' ? <ins>{part.text}</ins> : part.kind === 'removed' ? <del>{part.text}</del> : <span>{part.text}</span>))}
              </div>
            </>
          ))}
      </section>
    ) : null}
  <div class="table-scroll">
    <table>
        <caption>{t('admin.article.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.revisions.number')}</th>
            <th scope="col">{t('admin.revisions.when')}</th>
            <th scope="col">{t('admin.revisions.who')}</th>
            <th scope="col">{t('admin.revisions.note')}</th>
            {p.canRestore ? <th scope="col"><span class="visually-hidden">{t('admin.revisions.restore')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {p.revisions.map((r, index) => (
            <tr>
              <td>{String(r.number)}</td>
              <td>
                <DateTimeText iso={r.created_at} />
              </td>
              <td>{r.author}</td>
              <td>{r.note}</td>
              {p.canRestore ? (
                <td>
                  {index > 0 ? (
                    <form method="post" action={`/ecrire/articles/${p.articleId}/revisions/${r.number}/restaurer`}>
                      <CsrfField user={p.user} />
                      <button type="submit" class="secondary" aria-label={`${t('admin.revisions.restore')} ${r.number}`}>
                        {t('admin.revisions.restore')}
                      </button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
  </div>
  </>
);
