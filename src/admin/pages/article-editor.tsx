// The article editor: every SPIP field and the address (slug-field.tsx), a markup toolbar, live preview (and a
// no-JS preview button), warnings (someone else editing, broken internal links), the autosave line
// (autosave-status.tsx), the workflow actions, the translations, the team discussion. Who may not edit gets article-read-only.tsx.
import { SeeOnlineInline } from './see-online.tsx';
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { DateText, useTimeZone } from './dates.tsx';
import type { Article, ArticleStatus, ForumMessage } from '../../db/schema.ts';
import type { SectionTree } from '../../sections/index.ts';
import type { ArticleChoice, SectionChoice, TransitionName, TranslationMember } from '../../articles/index.ts';
import { languageName } from '../../kernel/language-tag.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { RenderedArticle } from '../../web/render-article.ts';
import { CsrfField, Notice } from './layout.tsx';
import { StatusBadge } from './home.tsx';
import type { CurrentUser } from '../../web/auth.ts';
import { ArticlePortfolio, type PortfolioProps } from './article-portfolio.tsx';
import { AutosaveStatus, autosaveMode } from './autosave-status.tsx';
import { SlugField } from './slug-field.tsx';

/** What the form shows: the saved article, or what was typed when a save failed. */
export interface ArticleFormValues {
  title: string;
  surtitle: string;
  subtitle: string;
  description: string;
  lead: string;
  text: string;
  postscript: string;
  sectionId: string;
  slug: string;
  publishedAt: string;
  writtenAt: string;
  forumMode: string;
  keywordIds: string[];
  authorIds: string[];
  relatedIds: string[];
  /** The chosen language (BCP 47), or '' for the section's. */
  lang: string;
  expectedUpdatedAt: string;
}

export interface EditorChoices {
  tree: SectionTree;
  /** The sections the section select offers (articles/section-choices.ts). */
  sections: SectionChoice[];
  keywordGroups: { id: number; title: string; keywords: { id: number; title: string }[] }[];
  writers: { id: number; name: string }[];
  articles: ArticleChoice[];
}

export interface EditorProps {
  user: CurrentUser;
  article?: Article | undefined;
  values: ArticleFormValues;
  choices: EditorChoices;
  canDate: boolean;
  error?: string | undefined;
  fieldErrors?: Record<string, string> | undefined;
  info?: string | undefined;
  othersEditing?: string[];
  preview?: RenderedArticle | undefined;
  actions?: TransitionName[];
  discussion?: ForumMessage[];
  canDiscuss?: boolean;
  portfolio?: PortfolioProps | undefined;
  /** The article's translation group, itself included (empty: no translation). */
  translations?: TranslationMember[];
}

const TextField: FC<{ name: keyof ArticleFormValues; label: string; values: ArticleFormValues; errors?: Record<string, string> | undefined; required?: boolean }> = ({ name, label, values, errors, required }) => (
  <div class="field">
    <label for={`f-${name}`}>{label}</label>
    {errors?.[name] ? <p class="error" id={`e-${name}`}>{errors[name]}</p> : null}
    <input type="text" id={`f-${name}`} name={name} value={values[name] as string} required={required} aria-describedby={errors?.[name] ? `e-${name}` : undefined} />
  </div>
);

const AreaField: FC<{ name: keyof ArticleFormValues; label: string; values: ArticleFormValues; rows: number; toolbar?: boolean }> = ({ name, label, values, rows, toolbar }) => (
  <div class="field">
    <label for={`f-${name}`}>{label}</label>
    {toolbar ? <Toolbar target={`f-${name}`} /> : null}
    <textarea id={`f-${name}`} name={name} rows={rows} data-preview="1">
      {values[name] as string}
    </textarea>
  </div>
);

/** Buttons insert SPIP shortcuts around the selection (admin.js); without JS they are hidden. */
const Toolbar: FC<{ target: string }> = ({ target }) => (
  <div class="toolbar" role="toolbar" aria-label={t('admin.toolbar.label')} data-target={target} hidden>
    <button type="button" data-before="{{" data-after="}}">{t('admin.toolbar.bold')}</button>
    <button type="button" data-before="{" data-after="}">{t('admin.toolbar.italic')}</button>
    <button type="button" data-before={'\n{{{'} data-after={'}}}\n'}>{t('admin.toolbar.heading')}</button>
    <button type="button" data-before="[" data-after="->https://]">{t('admin.toolbar.link')}</button>
    <button type="button" data-before="[[" data-after="]]">{t('admin.toolbar.note')}</button>
    <button type="button" data-before={'\n-* '} data-after="">{t('admin.toolbar.list')}</button>
    <button type="button" data-before="<quote>" data-after="</quote>">{t('admin.toolbar.quote')}</button>
  </div>
);

export const PreviewBlock: FC<{ preview: RenderedArticle }> = ({ preview }) => (
  <>
    {preview.brokenLinks.length ? (
      <Notice kind="warning">{t('admin.article.brokenLinks', { list: preview.brokenLinks.map((l) => `${l.type} ${l.id}`).join(', ') })}</Notice>
    ) : null}
    <article class="preview-article">
      {preview.surtitle ? <p class="surtitre">{markupHtml(preview.surtitle)}</p> : null}
      {/* An untitled article (a new one, before its title is typed) says so: an empty heading is announced as nothing. */}
      {preview.title.trim() ? <h3 class="titre">{markupHtml(preview.title)}</h3> : <h3 class="titre titre--absent">{t('admin.article.previewUntitled')}</h3>}
      {preview.subtitle ? <p class="soustitre">{markupHtml(preview.subtitle)}</p> : null}
      {preview.lead ? <div class="chapo">{markupHtml(preview.lead)}</div> : null}
      <div class="texte">{markupHtml(preview.text)}</div>
      {preview.postscript ? <div class="ps">{markupHtml(preview.postscript)}</div> : null}
      {preview.notes ? <div class="notes">{markupHtml(preview.notes)}</div> : null}
    </article>
  </>
);

export const ArticleEditor: FC<EditorProps> = (p) => {
  const v = p.values;
  const action = p.article ? `/ecrire/articles/${p.article.id}` : '/ecrire/articles/nouveau';
  return (
    <>
      <h1>{p.article ? p.article.title : t('admin.article.new')}</h1>
      {p.article ? (
        <p>
          <StatusBadge status={p.article.status} publishedAt={p.article.published_at} /> ·{' '}
          <a href={`/ecrire/articles/${p.article.id}/revisions`}>{t('admin.article.history')}</a> ·{' '}
          <a href={`/ecrire/articles/${p.article.id}/petition`}>{t('admin.petition.link')}</a>
          <SeeOnlineInline article={p.article} />
        </p>
      ) : null}
      {p.othersEditing?.length ? <Notice kind="warning">{t('admin.article.editing', { names: p.othersEditing.join(', ') })}</Notice> : null}
      {p.info ? <Notice>{p.info}</Notice> : null}
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      <div class="editor editor--with-preview">
        <form
          method="post"
          action={action}
          id="article-form"
          data-preview-url="/ecrire/articles/apercu"
          data-lock-url={p.article ? `/ecrire/articles/${p.article.id}/verrou` : undefined}
          data-autosave-url={p.article && autosaveMode(p.article) === 'on' ? `/ecrire/articles/${p.article.id}/brouillon` : undefined}
        >
          <CsrfField user={p.user} />
          <input type="hidden" name="expectedUpdatedAt" value={v.expectedUpdatedAt} />
          <TextField name="surtitle" label={t('admin.article.surtitle')} values={v} errors={p.fieldErrors} />
          <TextField name="title" label={t('admin.article.title')} values={v} errors={p.fieldErrors} required />
          <TextField name="subtitle" label={t('admin.article.subtitle')} values={v} errors={p.fieldErrors} />
          <div class="field">
            <label for="f-sectionId">{t('admin.article.section')}</label>
            {p.fieldErrors?.sectionId ? <p class="error">{p.fieldErrors.sectionId}</p> : null}
            <select id="f-sectionId" name="sectionId" required>
              {p.choices.sections.map(({ section, depth, usable }) => (
                <option value={String(section.id)} selected={usable && v.sectionId === String(section.id)} disabled={!usable}>
                  {'\u00a0\u00a0'.repeat(depth) + section.title}
                </option>
              ))}
            </select>
          </div>
          <SlugField value={v.slug} isNew={!p.article} error={p.fieldErrors?.slug} />
          <div class="field">
            <label for="f-description">{t('admin.article.description')}</label>
            <textarea id="f-description" name="description" rows={2}>
              {v.description}
            </textarea>
          </div>
          <AreaField name="lead" label={t('admin.article.lead')} values={v} rows={4} toolbar />
          <AreaField name="text" label={t('admin.article.text')} values={v} rows={18} toolbar />
          <AreaField name="postscript" label={t('admin.article.postscript')} values={v} rows={3} />
          {p.canDate ? (
            <div class="field">
              <label for="f-publishedAt">{t('admin.article.publishedAt')}</label>
              <p class="hint" id="h-publishedAt">{t('admin.article.publishedAtHint', { zone: useTimeZone() })}</p>
              <input type="datetime-local" id="f-publishedAt" name="publishedAt" value={v.publishedAt} aria-describedby="h-publishedAt" />
            </div>
          ) : null}
          <div class="field">
            <label for="f-writtenAt">{t('admin.article.writtenAt')}</label>
            <input type="datetime-local" id="f-writtenAt" name="writtenAt" value={v.writtenAt} />
          </div>
          <div class="field">
            <label for="f-forumMode">{t('admin.article.forumMode')}</label>
            <select id="f-forumMode" name="forumMode">
              <option value="" selected={v.forumMode === ''}>{t('admin.article.forumDefault')}</option>
              {(['pri', 'pos', 'abo', 'non'] as const).map((mode) => (
                <option value={mode} selected={v.forumMode === mode}>{t(`forum.mode.${mode}`)}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-lang">{t('admin.article.lang')}</label>
            <p class="hint" id="h-lang">
              {t('admin.article.langHint', { lang: p.article && !p.article.lang_chosen ? p.article.lang : t('admin.article.langOfSection') })}
            </p>
            {p.fieldErrors?.lang ? (
              <p class="error" id="e-lang">
                {p.fieldErrors.lang}
              </p>
            ) : null}
            <input type="text" id="f-lang" name="lang" value={v.lang} size={10} maxlength={35} autocomplete="off" aria-describedby={p.fieldErrors?.lang ? 'h-lang e-lang' : 'h-lang'} aria-invalid={p.fieldErrors?.lang ? 'true' : undefined} />
          </div>
          {p.choices.keywordGroups.length ? (
            <fieldset class="field">
              <legend>{t('admin.article.keywords')}</legend>
              {p.choices.keywordGroups.map((group) => (
                <div>
                  <p class="hint">{group.title}</p>
                  {group.keywords.map((k) => (
                    <label class="inline-choice">
                      <input type="checkbox" name="keywordIds" value={String(k.id)} checked={v.keywordIds.includes(String(k.id))} /> {k.title}
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          ) : null}
          <div class="field">
            <label for="f-authorIds">{t('admin.article.authors')}</label>
            <select id="f-authorIds" name="authorIds" multiple size={Math.min(6, Math.max(2, p.choices.writers.length))}>
              {p.choices.writers.map((w) => (
                <option value={String(w.id)} selected={v.authorIds.includes(String(w.id))}>{w.name}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-relatedIds">{t('admin.article.related')}</label>
            <select id="f-relatedIds" name="relatedIds" multiple size={6}>
              {p.choices.articles.map((a) => (
                <option value={String(a.id)} selected={v.relatedIds.includes(String(a.id))}>{a.title ?? t('admin.article.hiddenRelated', { id: a.id })}</option>
              ))}
            </select>
            {/* The search over every article (assets/picker.js, GET /ecrire/articles/choix); shown by the script only. */}
            <div class="picker" data-picker-url="/ecrire/articles/choix" data-picker-select="f-relatedIds" data-picker-exclude={p.article ? String(p.article.id) : undefined} data-picker-add={t('admin.picker.add')} data-picker-more={t('admin.picker.more')} data-picker-failed={t('admin.picker.failed')} hidden>
              <label for="f-related-search">{t('admin.picker.search')}</label>
              <p class="hint" id="f-related-search-hint">{t('admin.picker.hint')}</p>
              <input type="search" id="f-related-search" autocomplete="off" aria-describedby="f-related-search-hint" />
              <p class="picker-status" role="status"></p>
              <ul class="picker-results" hidden></ul>
            </div>
          </div>
          <div class="actions">
            <button type="submit">{t('admin.article.save')}</button>
            <button type="submit" name="apercu" value="1" class="secondary">
              {t('admin.article.preview')}
            </button>
          </div>
          <AutosaveStatus article={p.article} />
        </form>
        <div class="editor__side">
          {p.portfolio ? <ArticlePortfolio {...p.portfolio} /> : null}
          <section aria-labelledby="apercu-titre">
            <h2 id="apercu-titre">{t('admin.article.previewTitle')}</h2>
            <p class="hint">{t('admin.article.previewHint')}</p>
            <div class="preview" id="preview" aria-live="polite">
              {p.preview ? <PreviewBlock preview={p.preview} /> : null}
            </div>
          </section>
        </div>
      </div>
      {p.article && p.actions?.length ? <WorkflowActions user={p.user} article={p.article} actions={p.actions} /> : null}
      {p.article ? <Translations user={p.user} article={p.article} members={p.translations ?? []} /> : null}
      {p.article && p.discussion ? <TeamDiscussion user={p.user} articleId={p.article.id} messages={p.discussion} canPost={p.canDiscuss ?? false} /> : null}
    </>
  );
};

/** The transitions this person may take; autosave.js saves the typed text before any of them is sent (data-save-first). */
export const WorkflowActions: FC<{ user: CurrentUser; article: Article; actions: TransitionName[] }> = ({ user, article, actions }) => (
  <section aria-labelledby="workflow">
    <h2 id="workflow">{t('admin.article.workflow')}</h2>
    <div class="actions">
      {actions
        .filter((name) => name !== 'schedule')
        .map((name) => (
          <form method="post" action={`/ecrire/articles/${article.id}/statut`} data-save-first="1">
            <CsrfField user={user} />
            <input type="hidden" name="action" value={name} />
            <button type="submit" class={name === 'trash' || name === 'refuse' ? 'danger' : undefined}>
              {t(`admin.action.${name}`)}
            </button>
          </form>
        ))}
    </div>
    {actions.includes('schedule') ? (
      <form method="post" action={`/ecrire/articles/${article.id}/statut`} data-save-first="1">
        <CsrfField user={user} />
        <input type="hidden" name="action" value="schedule" />
        <div class="field">
          <label for="f-schedule">{t('admin.article.scheduleAt')}</label>
          <input type="datetime-local" id="f-schedule" name="publishAt" required />
        </div>
        <button type="submit" class="secondary">{t('admin.article.schedule')}</button>
      </form>
    ) : null}
  </section>
);

export const TeamDiscussion: FC<{ user: CurrentUser; articleId: number; messages: ForumMessage[]; canPost: boolean }> = ({ user, articleId, messages, canPost }) => (
  <section aria-labelledby="discussion">
    <h2 id="discussion">{t('admin.article.discussion')}</h2>
    <p class="hint">{t('admin.article.discussionHint')}</p>
    {messages.length === 0 ? <p>{t('admin.article.discussionEmpty')}</p> : null}
    {messages.map((m) => (
      <div class="team-message">
        <p>
          <strong>{m.author_name}</strong>, <DateText iso={m.created_at} />
        </p>
        {m.text.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
      </div>
    ))}
    {canPost ? (
      <form method="post" action={`/ecrire/articles/${articleId}/discussion`}>
        <CsrfField user={user} />
        <div class="field">
          <label for="f-team">{t('admin.article.discussionText')}</label>
          <textarea id="f-team" name="text" rows={4} required></textarea>
        </div>
        <button type="submit">{t('admin.article.discussionPost')}</button>
      </form>
    ) : null}
  </section>
);

export const statusOrder: ArticleStatus[] = ['draft', 'proposed', 'published', 'refused', 'trash'];

/**
 * The article's other languages (issue 22): its translation group with what is out of date since the original
 * changed, "Traduire" (a copy in another language, joined to the group) and the number of the article it translates.
 */
export const Translations: FC<{ user: CurrentUser; article: Article; members: TranslationMember[] }> = ({ user, article, members }) => (
  <section aria-labelledby="traductions">
    <h2 id="traductions">{t('admin.translations.title')}</h2>
    {members.length === 0 ? (
      <p>{t('admin.translations.none', { lang: article.lang })}</p>
    ) : (
      <ul class="translations">
        {members.map((m) => (
          <li>
            <span lang={m.lang}>{languageName(m.lang)}</span> ({m.lang}) —{' '}
            {m.id === article.id ? <strong>{m.title}</strong> : <a href={`/ecrire/articles/${m.id}`}>{m.title}</a>} · <StatusBadge status={m.status} publishedAt={m.published_at} />
            {m.isOriginal ? <> · {t('admin.translations.original')}</> : null}
            {m.outdated ? <> · <strong class="translations__outdated">{t('admin.translations.outdated')}</strong></> : null}
          </li>
        ))}
      </ul>
    )}
    <form method="post" action={`/ecrire/articles/${article.id}/traduire`} class="inline-form">
      <CsrfField user={user} />
      <label for="f-translationLang">{t('admin.translations.into')}</label>{' '}
      <input type="text" id="f-translationLang" name="translationLang" size={8} maxlength={35} required autocomplete="off" aria-describedby="h-translationLang" />{' '}
      <button type="submit" class="secondary">{t('admin.translations.translate')}</button>
      <p class="hint" id="h-translationLang">{t('admin.translations.translateHint')}</p>
    </form>
    <form method="post" action={`/ecrire/articles/${article.id}/traduction-de`} class="inline-form">
      <CsrfField user={user} />
      <label for="f-translationOf">{t('admin.translations.of')}</label>{' '}
      <input type="text" id="f-translationOf" name="translationOf" inputmode="numeric" size={6} value={article.translation_of ? String(article.translation_of) : ''} aria-describedby="h-translationOf" />{' '}
      <button type="submit" class="secondary">{t('admin.translations.link')}</button>
      <p class="hint" id="h-translationOf">{t('admin.translations.ofHint')}</p>
    </form>
  </section>
);
