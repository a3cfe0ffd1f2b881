// Réglages → Apparence: the logo and the favicon (preview, upload, remove), the active theme's settings (one
// field per setting of its theme.json), the main menu, the home page's blocks, the "Nous suivre" links, and the
// last changes of the settings. Each part is its own form; a refused one shows as it was typed, with a note at
// the top of the page saying where.
import type { Child, FC } from 'hono/jsx';
import { t, type MessageKey } from '../../kernel/i18n/index.ts';
import { formatDateTimeIn } from '../../kernel/time-zone.ts';
import { DateTimeText, useTimeZone } from './dates.tsx';
import type { CurrentUser } from '../../web/auth.ts';
import { documentUrl } from '../../web/markup-resolver.ts';
import type { BrandImage, SettingKey, SettingsRevisionEntry, SiteSettings } from '../../settings/index.ts';
import type { ThemeManifest, ThemeSetting } from '../../themes/index.ts';
import type { Choice } from '../../appearance/index.ts';
import { BRAND_IMAGE_MAX_BYTES, FAVICON_MIN } from '../../appearance/index.ts';
import { partAnchor, type AppearancePart } from '../appearance-form.ts';
import { CsrfField, Notice } from './layout.tsx';
import { CheckField, Done, Field, FormErrors, SelectField, value, type FormState } from './form-fields.tsx';
import { MenuForm } from './appearance-menu.tsx';

const base = '/ecrire/reglages/apparence';

export interface AppearancePageProps {
  user: CurrentUser;
  settings: SiteSettings;
  manifest: ThemeManifest;
  forms: Record<AppearancePart, FormState>;
  /** The part whose form was refused, if any. */
  refused?: AppearancePart | undefined;
  sections: Choice[];
  articles: Choice[];
  revisions: (SettingsRevisionEntry & { restorable: boolean })[];
  menuRows: number;
  done?: string | undefined;
}

const partTitle: Record<AppearancePart, MessageKey> = {
  logo: 'admin.appearance.logo',
  favicon: 'admin.appearance.favicon',
  theme: 'admin.appearance.theme',
  menu: 'admin.appearance.menu',
  home: 'admin.appearance.home',
  social: 'admin.appearance.social',
  history: 'admin.appearance.history',
};

export const AppearancePage: FC<AppearancePageProps> = (p) => (
  <>
    <h1>{t('admin.appearance.title')}</h1>
    <Done message={p.done} />
    {p.refused ? (
      <Notice kind="error">
        {t('admin.appearance.refusedIn')} <a href={`#${partAnchor[p.refused]}`}>{t(partTitle[p.refused])}</a>
      </Notice>
    ) : null}
    <p>{t('admin.appearance.intro', { theme: p.manifest.name })}</p>
    <nav aria-label={t('admin.appearance.parts')}>
      <ul class="tabs">
        {(Object.keys(partTitle) as AppearancePart[]).map((part) => (
          <li>
            <a href={`#${partAnchor[part]}`}>{t(partTitle[part])}</a>
          </li>
        ))}
      </ul>
    </nav>
    <div class="cards">
      <BrandImagePart kind="logo" {...p} />
      <BrandImagePart kind="favicon" {...p} />
    </div>
    <ThemePart {...p} />
    <MenuForm user={p.user} state={p.forms.menu} refused={p.refused === 'menu'} rows={p.menuRows} sections={p.sections} articles={p.articles} empty={p.settings.mainMenu.length === 0} />
    <HomePart {...p} />
    <SocialPart {...p} />
    <HistoryPart {...p} />
  </>
);

/** A part of the page: its anchor, its title, and its form's general message when it was the one refused. */
const Part: FC<{ part: AppearancePart; refused: boolean; state: FormState; children?: Child }> = ({ part, refused, state, children }) => (
  <section id={partAnchor[part]} class="card appearance-part" aria-labelledby={`titre-${partAnchor[part]}`}>
    <h2 id={`titre-${partAnchor[part]}`}>{t(partTitle[part])}</h2>
    {refused ? <FormErrors state={state} /> : null}
    {children}
  </section>
);

const BrandImagePart: FC<AppearancePageProps & { kind: 'logo' | 'favicon' }> = (p) => {
  const image: BrandImage | null = p.settings[p.kind];
  const state = p.forms[p.kind];
  const error = state.errors?.file;
  const id = `champ-${p.kind}`;
  return (
    <Part part={p.kind} refused={p.refused === p.kind} state={state}>
      {image ? (
        <figure class={`brand-preview brand-preview--${p.kind}`}>
          <img src={documentUrl(image.file)} alt={t(p.kind === 'logo' ? 'admin.appearance.currentLogo' : 'admin.appearance.currentFavicon')} />
          <figcaption>
            {image.width && image.height ? `${image.width} × ${image.height} px · ` : ''}
            <a href={`/ecrire/documents/${image.documentId}`}>{t('admin.appearance.documentNumber', { id: image.documentId })}</a>
          </figcaption>
        </figure>
      ) : (
        <p class="brand-none">{t(p.kind === 'logo' ? 'admin.appearance.noLogo' : 'admin.appearance.noFavicon')}</p>
      )}
      <form method="post" action={`${base}/${p.kind}`} enctype="multipart/form-data">
        <CsrfField user={p.user} />
        <div class="field">
          <label for={id}>{t(p.kind === 'logo' ? 'admin.appearance.logoFile' : 'admin.appearance.faviconFile')}</label>
          <p class="hint" id={`${id}-aide`}>
            {p.kind === 'logo' ? t('admin.appearance.logoHint', { size: BRAND_IMAGE_MAX_BYTES / 1024 / 1024 }) : t('admin.appearance.faviconHint', { size: BRAND_IMAGE_MAX_BYTES / 1024 / 1024, min: FAVICON_MIN })}
          </p>
          {error ? (
            <p class="error" id={`${id}-erreur`}>
              {error}
            </p>
          ) : null}
          <input
            type="file"
            id={id}
            name="file"
            required
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/svg+xml,.svg"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-aide ${id}-erreur` : `${id}-aide`}
          />
        </div>
        <p class="actions">
          <button type="submit">{t(p.kind === 'logo' ? 'admin.appearance.sendLogo' : 'admin.appearance.sendFavicon')}</button>
        </p>
      </form>
      {image ? (
        <form method="post" action={`${base}/${p.kind}/retirer`} class="actions">
          <CsrfField user={p.user} />
          <button type="submit" class="secondary">
            {t(p.kind === 'logo' ? 'admin.appearance.removeLogo' : 'admin.appearance.removeFavicon')}
          </button>
          <span class="hint">{t('admin.appearance.keptInLibrary')}</span>
        </form>
      ) : null}
    </Part>
  );
};

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** One field per setting of the theme, of the kind the setting is, labelled as theme.json says. */
const ThemeField: FC<{ name: string; setting: ThemeSetting; state: FormState }> = ({ name, setting, state }) => {
  const field = `theme.${name}`;
  if (setting.type === 'select') {
    return <SelectField name={field} label={setting.label} state={state} options={Object.entries(setting.options).map(([option, label]) => ({ value: option, label }))} />;
  }
  if (setting.type === 'boolean') return <CheckField name={field} label={setting.label} state={state} />;
  if (setting.type === 'text') return <Field name={field} label={setting.label} state={state} />;
  const id = `champ-${field}`;
  const typed = value(state, field);
  const error = state.errors?.[field];
  const hint = setting.contrastWith ? t('admin.appearance.contrastHint', { background: setting.contrastWith }) : undefined;
  const described = [hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field field--color">
      <label for={id}>{setting.label}</label>
      {hint ? (
        <p class="hint" id={`${id}-aide`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
      <span class="color-pair">
        {/* A colour picker cannot show what is not a colour: a refused value comes back as text, to be corrected. */}
        {COLOR.test(typed) ? (
          <input type="color" id={id} name={field} value={typed.toLowerCase()} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
        ) : (
          <input type="text" id={id} name={field} value={typed} aria-invalid={error ? 'true' : undefined} aria-describedby={described} />
        )}
        <output for={id} class="color-hex">
          {COLOR.test(typed) ? typed.toLowerCase() : ''}
        </output>
      </span>
    </div>
  );
};

const ThemePart: FC<AppearancePageProps> = (p) => {
  const settings = Object.entries(p.manifest.settings);
  return (
    <Part part="theme" refused={p.refused === 'theme'} state={p.forms.theme}>
      {settings.length === 0 ? (
        <p>{t('admin.appearance.themeNoSettings', { theme: p.manifest.name })}</p>
      ) : (
        <form method="post" action={`${base}/theme`}>
          <CsrfField user={p.user} />
          <p class="hint">{t('admin.appearance.themeHint', { theme: p.manifest.name })}</p>
          <div class="theme-fields">
            {settings.map(([name, setting]) => (
              <ThemeField name={name} setting={setting} state={p.forms.theme} />
            ))}
          </div>
          <p class="actions">
            <button type="submit">{t('admin.appearance.saveTheme')}</button>
          </p>
        </form>
      )}
    </Part>
  );
};

const HomePart: FC<AppearancePageProps> = (p) => {
  const state = p.forms.home;
  const featured = value(state, 'homeBlocks.featured') || 'latest';
  const featuredError = state.errors?.['homeBlocks.featured'];
  const sectionsError = state.errors?.['homeBlocks.sectionIds'];
  const chosen = new Set((state.values['homeBlocks.sectionIds'] === undefined ? [] : [state.values['homeBlocks.sectionIds']].flat()) as string[]);
  return (
    <Part part="home" refused={p.refused === 'home'} state={state}>
      <form method="post" action={`${base}/accueil`}>
        <CsrfField user={p.user} />
        <fieldset class="field" aria-describedby={featuredError ? 'champ-featured-erreur' : undefined}>
          <legend>{t('admin.appearance.featured')}</legend>
          {featuredError ? (
            <p class="error" id="champ-featured-erreur">
              {featuredError}
            </p>
          ) : null}
          {(['latest', 'none', 'article'] as const).map((choice) => (
            <p class="check">
              <input type="radio" id={`champ-featured-${choice}`} name="homeBlocks.featured" value={choice} checked={featured === choice || undefined} />{' '}
              <label for={`champ-featured-${choice}`}>{t(`admin.appearance.featured.${choice}`)}</label>
            </p>
          ))}
          <div class="featured-article">
            <label for="champ-homeBlocks.featuredArticle">{t('admin.appearance.featuredArticle')}</label>
            <select id="champ-homeBlocks.featuredArticle" name="homeBlocks.featuredArticle">
              <option value="">—</option>
              {p.articles.map((article) => (
                <option value={String(article.id)} selected={value(state, 'homeBlocks.featuredArticle') === String(article.id) || undefined}>
                  {article.label}
                </option>
              ))}
            </select>
            <label for="champ-homeBlocks.featuredNumber">{t('admin.appearance.orNumber')}</label>
            <input type="number" min="1" id="champ-homeBlocks.featuredNumber" name="homeBlocks.featuredNumber" value={value(state, 'homeBlocks.featuredNumber')} class="short" />
          </div>
        </fieldset>
        <Field name="homeBlocks.latestCount" label={t('admin.appearance.latestCount')} hint={t('admin.appearance.latestCountHint')} state={state} type="number" />
        <fieldset class="field" aria-describedby={sectionsError ? 'champ-sections-aide champ-sections-erreur' : 'champ-sections-aide'}>
          <legend>{t('admin.appearance.homeSections')}</legend>
          <p class="hint" id="champ-sections-aide">
            {t('admin.appearance.homeSectionsHint')}
          </p>
          {sectionsError ? (
            <p class="error" id="champ-sections-erreur">
              {sectionsError}
            </p>
          ) : null}
          {p.sections.length === 0 ? <p>{t('admin.appearance.noSections')}</p> : null}
          <div class="check-columns">
            {p.sections.map((section) => (
              <p class="check">
                <input type="checkbox" id={`champ-homeSection-${section.id}`} name="homeBlocks.sectionIds" value={String(section.id)} checked={chosen.has(String(section.id)) || undefined} />{' '}
                <label for={`champ-homeSection-${section.id}`}>{section.label}</label>
              </p>
            ))}
          </div>
        </fieldset>
        <Field name="homeBlocks.perSection" label={t('admin.appearance.perSection')} hint={t('admin.appearance.perSectionHint')} state={state} type="number" />
        <p class="actions">
          <button type="submit">{t('admin.appearance.saveHome')}</button>
        </p>
      </form>
    </Part>
  );
};

const SocialPart: FC<AppearancePageProps> = (p) => (
  <Part part="social" refused={p.refused === 'social'} state={p.forms.social}>
    <form method="post" action={`${base}/reseaux`}>
      <CsrfField user={p.user} />
      <Field name="followLinks" label={t('admin.settings.follow')} hint={t('admin.settings.followHint')} state={p.forms.social} rows={6} />
      <p class="actions">
        <button type="submit">{t('admin.appearance.saveSocial')}</button>
      </p>
    </form>
  </Part>
);

/** Each setting's name as the history shows it (the compiler asks for one per setting). */
const settingLabels: Record<SettingKey, MessageKey> = {
  name: 'admin.settingKey.name',
  tagline: 'admin.settingKey.tagline',
  description: 'admin.settingKey.description',
  address: 'admin.settingKey.address',
  lang: 'admin.settingKey.lang',
  timeZone: 'admin.settingKey.timeZone',
  forumMode: 'admin.settingKey.forumMode',
  followLinks: 'admin.settingKey.followLinks',
  glossaryOccurrences: 'admin.settingKey.glossaryOccurrences',
  iframeHosts: 'admin.settingKey.iframeHosts',
  emailFrom: 'admin.settingKey.emailFrom',
  smtp: 'admin.settingKey.smtp',
  logo: 'admin.settingKey.logo',
  favicon: 'admin.settingKey.favicon',
  themeSettings: 'admin.settingKey.themeSettings',
  mainMenu: 'admin.settingKey.mainMenu',
  homeBlocks: 'admin.settingKey.homeBlocks',
  backups: 'admin.settingKey.backups',
  newsletter: 'admin.settingKey.newsletter',
};

/** A key no longer in the settings (a revision older than a rename) shows as it was stored. */
const settingLabel = (key: string): string => (Object.hasOwn(settingLabels, key) ? t(settingLabels[key as SettingKey]) : key);

const HistoryPart: FC<AppearancePageProps> = (p) => (
  <Part part="history" refused={p.refused === 'history'} state={p.forms.history}>
    <p class="hint">{t('admin.appearance.historyHint')}</p>
    {p.revisions.length === 0 ? (
      <p>{t('admin.appearance.noHistory')}</p>
    ) : (
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.appearance.when')}</th>
              <th scope="col">{t('admin.appearance.who')}</th>
              <th scope="col">{t('admin.appearance.what')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('admin.appearance.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.revisions.map((revision) => (
              <tr>
                <td>
                  <DateTimeText iso={revision.changedAt} />
                </td>
                <td>{revision.authorName ?? t('admin.appearance.nobody')}</td>
                <td>{revision.keys.map(settingLabel).join(', ')}</td>
                <td>
                  {revision.restorable ? (
                    <form method="post" action={`${base}/revisions/${revision.id}/retablir`} class="inline-form">
                      <CsrfField user={p.user} />
                      <button type="submit" class="secondary small" aria-label={t('admin.appearance.restoreThis', { when: formatDateTimeIn(revision.changedAt, useTimeZone()) })}>
                        {t('admin.appearance.restore')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </Part>
);
