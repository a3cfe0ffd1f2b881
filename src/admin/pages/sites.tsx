// Back-office pages of the links directory: the list of referenced sites (those of the sections one administers)
// and a site's form, with its feed, syndication on or off, and the outcome of its last fetch.
import type { FC } from 'hono/jsx';
import type { SectionChoice } from '../../articles/index.ts';
import type { Site } from '../../sites/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { Done, FormErrors, type FormState } from './form-fields.tsx';
import { DateTimeText } from './dates.tsx';

const statusKeys = { proposed: 'admin.sites.statusProposed', published: 'admin.sites.statusPublished', refused: 'admin.sites.statusRefused', trash: 'admin.sites.statusTrash' } as const;

export const SiteListPage: FC<{ sites: (Site & { sectionTitle: string })[]; done?: string | undefined }> = ({ sites, done }) => (
  <>
    <h1>{t('admin.sites.title')}</h1>
    <Done message={done} />
    <p>
      <a class="button" href="/ecrire/sites/nouveau">
        {t('admin.sites.new')}
      </a>
    </p>
    {sites.length === 0 ? (
      <p>{t('admin.sites.empty')}</p>
    ) : (
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('admin.sites.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.sites.colName')}</th>
              <th scope="col">{t('admin.sites.colSection')}</th>
              <th scope="col">{t('admin.sites.colStatus')}</th>
              <th scope="col">{t('admin.sites.colSyndication')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr>
                <td>
                  <a href={`/ecrire/sites/${s.id}`}>{s.name}</a>
                </td>
                <td>{s.sectionTitle}</td>
                <td>{t(statusKeys[s.status])}</td>
                <td>{s.syndication ? t('admin.sites.on') : t('admin.sites.off')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </>
);

export const SiteFormPage: FC<{ user: CurrentUser; site?: Site | undefined; choices: SectionChoice[]; state: FormState; done?: string | undefined }> = ({ user, site, choices, state, done }) => {
  const v = state.values;
  const value = (name: string, fallback: string) => (typeof v[name] === 'string' ? (v[name] as string) : fallback);
  const sectionId = value('sectionId', String(site?.section_id ?? ''));
  const status = value('status', site?.status ?? 'published');
  const sent = typeof v.name === 'string';
  const syndication = sent ? v.syndication === 'oui' : site?.syndication === 1;
  const error = (name: string) => state.errors?.[name];
  return (
    <>
      <h1>{site ? t('admin.sites.edit', { name: site.name }) : t('admin.sites.new')}</h1>
      <p>
        <a href="/ecrire/sites">{t('admin.sites.back')}</a>
      </p>
      <Done message={done} />
      <FormErrors state={state} />
      {site?.syndication ? (
        <p>
          {site.syndicated_at ? (
            <>
              {t('admin.sites.lastFetch', { date: '' })}
              <DateTimeText iso={site.syndicated_at} />
            </>
          ) : (
            t('admin.sites.neverFetched')
          )}
          {site.syndication_error ? <strong> {t('admin.sites.lastError', { error: site.syndication_error })}</strong> : null}
        </p>
      ) : null}
      <form method="post" action={site ? `/ecrire/sites/${site.id}` : '/ecrire/sites/nouveau'} class="form">
        <CsrfField user={user} />
        {(
          [
            ['name', 'admin.sites.name', 'text'],
            ['url', 'admin.sites.url', 'url'],
          ] as const
        ).map(([name, label, type]) => (
          <p>
            <label for={`site-${name}`}>{t(label)}</label>
            <input id={`site-${name}`} name={name} type={type} required value={value(name, site?.[name] ?? '')} aria-invalid={error(name) ? 'true' : undefined} />
            {error(name) ? <strong class="field-error">{error(name)}</strong> : null}
          </p>
        ))}
        <p>
          <label for="site-description">{t('admin.sites.description')}</label>
          <textarea id="site-description" name="description" rows={4}>
            {value('description', site?.description ?? '')}
          </textarea>
        </p>
        <p>
          <label for="site-section">{t('admin.sites.section')}</label>
          <select id="site-section" name="sectionId" required>
            {choices.map((c) => (
              <option value={String(c.section.id)} selected={String(c.section.id) === sectionId} disabled={!c.usable}>
                {'\u00a0'.repeat(c.depth * 2) + c.section.title}
              </option>
            ))}
          </select>
          {error('sectionId') ? <strong class="field-error">{error('sectionId')}</strong> : null}
        </p>
        <p>
          <label for="site-status">{t('admin.sites.status')}</label>
          <select id="site-status" name="status">
            {(Object.keys(statusKeys) as (keyof typeof statusKeys)[]).map((s) => (
              <option value={s} selected={s === status}>
                {t(statusKeys[s])}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="site-feedUrl">{t('admin.sites.feedUrl')}</label>
          <input id="site-feedUrl" name="feedUrl" type="url" value={value('feedUrl', site?.feed_url ?? '')} aria-describedby="site-syndication-aide" />
          {error('feedUrl') ? <strong class="field-error">{error('feedUrl')}</strong> : null}
        </p>
        <p>
          <input type="checkbox" id="site-syndication" name="syndication" value="oui" checked={syndication} aria-describedby="site-syndication-aide" /> <label for="site-syndication">{t('admin.sites.syndication')}</label>
          <small id="site-syndication-aide"> {t('admin.sites.syndicationHint')}</small>
        </p>
        <p>
          <button type="submit">{t('admin.sites.save')}</button>
        </p>
      </form>
    </>
  );
};
