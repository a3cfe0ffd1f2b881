// The forum under an article: published messages as threads, the moderation notice in force, and the
// comment form with SPIP's wording. The form is also used alone by the forum's own pages (preview, reply,
// a rejected post shown again with what the person typed).
import type { FC } from 'hono/jsx';
import { formatDate, t } from '../../kernel/i18n/index.ts';
import type { ForumMode } from '../../db/schema.ts';
import { markupHtml } from '../../kernel/trusted-html.ts';
import type { ForumMessageView } from '../../forum/index.ts';
import { Title } from './reader-title.tsx';

export interface ForumBlockProps {
  articleId: number;
  mode: ForumMode;
  threads: ForumMessageView[];
  /** Action URL of the comment form. */
  action: string;
  /**
   * Where the form's script fetches the token of this view (the block is part of a cached page, which never
   * carries one). Without script the form posts no token and the first answer is the preview, with one.
   */
  tokenUrl: string;
  /** RSS feed of this article's messages. */
  feedUrl?: string;
}

/** Name of the honeypot field: people never see it, naive bots fill it in. */
export const HONEYPOT_FIELD = 'site_web';

export interface ForumFormValues {
  name?: string;
  email?: string;
  title?: string;
  text?: string;
  linkUrl?: string;
  linkTitle?: string;
}

export interface ForumFormProps {
  articleId: number;
  mode: Exclude<ForumMode, 'non'>;
  action: string;
  /** Hidden fields the forum module needs: the form token of this view, on the pages that are never cached. */
  hidden?: Record<string, string>;
  /** See ForumBlockProps.tokenUrl: the form then has an empty token field that its script fills. */
  tokenUrl?: string;
  parentId?: number | null;
  values?: ForumFormValues;
  /** Per-field messages, and a general one under the key ''. */
  errors?: Record<string, string>;
  /** Rendered preview of the message: the form then offers to send it for good. */
  previewHtml?: string;
  /** A logged-in poster: name and email come from the account. */
  poster?: { name: string } | undefined;
}

export const ForumBlock: FC<ForumBlockProps> = ({ articleId, mode, threads, action, tokenUrl, feedUrl }) => (
  <section id="forum" class="forum" aria-labelledby="forum-titre">
    <h2 id="forum-titre" class="visually-hidden">{t('forum.messages')}</h2>
    {threads.length > 0 ? (
      <ul class="forum__threads">
        {threads.map((m) => (
          <Message message={m} depth={0} articleId={articleId} canReply={mode !== 'non'} />
        ))}
      </ul>
    ) : null}
    {feedUrl ? (
      <p class="forum__feed">
        <a href={feedUrl} type="application/rss+xml">{t('forum.feed')}</a>
      </p>
    ) : null}
    {mode === 'non' ? (
      <p class="forum__closed">{t('forum.notice.non')}</p>
    ) : mode === 'abo' ? (
      <div class="forum__form">
        <h2 class="forum__heading">{t('forum.post')}</h2>
        <p class="forum__mode">{t('forum.mode.abo')}</p>
        <p class="forum__notice">{t('forum.notice.abo')}</p>
        <p>
          <a href={`/forum/ecrire/${articleId}`}>{t('forum.subscribersLink')}</a>
        </p>
      </div>
    ) : (
      <ForumForm articleId={articleId} mode={mode} action={action} tokenUrl={tokenUrl} />
    )}
  </section>
);

export const ForumForm: FC<ForumFormProps> = ({ articleId, mode, action, hidden = {}, tokenUrl, parentId = null, values = {}, errors = {}, previewHtml, poster }) => {
  const fieldError = (name: string, id: string) =>
    errors[name] ? (
      <strong id={id} class="forum__field-error">
        {errors[name]}
      </strong>
    ) : null;
  const describedBy = (name: string, ...ids: string[]) => [...ids, ...(errors[name] ? [`forum-erreur-${name}`] : [])].join(' ') || undefined;
  return (
    <form class="forum__form" method="post" action={action} id="forum-formulaire" data-jeton={tokenUrl}>
      <h2 class="forum__heading">{parentId ? t('forum.reply') : t('forum.post')}</h2>
      <p class="forum__mode">{t(`forum.mode.${mode}`)}</p>
      <p class="forum__notice">{t(`forum.notice.${mode}`)}</p>
      {Object.keys(errors).length > 0 ? (
        <div class="forum__errors" role="alert">
          <p>{errors[''] ?? t('forum.fixErrors')}</p>
        </div>
      ) : null}
      {previewHtml !== undefined ? (
        <div class="forum__preview" aria-labelledby="forum-apercu-titre">
          <h3 id="forum-apercu-titre">{t('forum.previewTitle')}</h3>
          {values.title ? (
            <h4 class="forum__message-title">
              <Title text={values.title} profile="forum" />
            </h4>
          ) : null}
          <div class="forum__message-text">{markupHtml(previewHtml)}</div>
          <p class="forum__message-meta">{values.name}</p>
        </div>
      ) : null}
      <input type="hidden" name="article" value={String(articleId)} />
      {parentId ? <input type="hidden" name="parent" value={String(parentId)} /> : null}
      {Object.entries(tokenUrl ? { token: '', ...hidden } : hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend>{t('forum.whoAreYou')}</legend>
        {poster ? (
          <p>{t('forum.loggedInAs', { name: poster.name })}</p>
        ) : (
          <>
            <p>
              <label for="forum-nom">{t('forum.name')}</label>
              <input id="forum-nom" name="name" required maxlength={200} autocomplete="name" value={values.name ?? ''} aria-describedby={describedBy('name')} />
              {fieldError('name', 'forum-erreur-name')}
            </p>
            <p>
              <label for="forum-email">{t('forum.email')}</label>
              <input
                id="forum-email"
                name="email"
                type="email"
                required
                maxlength={300}
                autocomplete="email"
                value={values.email ?? ''}
                aria-describedby={describedBy('email', 'forum-email-aide')}
              />
              <small id="forum-email-aide">{t('forum.emailHint')}</small>
              {fieldError('email', 'forum-erreur-email')}
            </p>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('forum.yourMessage')}</legend>
        <p>
          <label for="forum-titre-message">{t('forum.title')}</label>
          <input id="forum-titre-message" name="title" maxlength={300} value={values.title ?? ''} aria-describedby={describedBy('title')} />
          {fieldError('title', 'forum-erreur-title')}
        </p>
        <p>
          <label for="forum-texte">{t('forum.text')}</label>
          <textarea id="forum-texte" name="text" rows={10} required maxlength={20000} aria-describedby={describedBy('text', 'forum-aide')}>
            {values.text ?? ''}
          </textarea>
          {fieldError('text', 'forum-erreur-text')}
        </p>
        <p id="forum-aide" class="forum__help">{t('forum.help')}</p>
        <p>
          <label for="forum-site-nom">{t('forum.linkTitle')}</label>
          <input id="forum-site-nom" name="link_title" maxlength={200} value={values.linkTitle ?? ''} aria-describedby={describedBy('linkTitle')} />
          {fieldError('linkTitle', 'forum-erreur-linkTitle')}
        </p>
        <p>
          <label for="forum-site-url">{t('forum.linkUrl')}</label>
          <input id="forum-site-url" name="link_url" type="url" maxlength={500} placeholder="https://" value={values.linkUrl ?? ''} aria-describedby={describedBy('linkUrl')} />
          {fieldError('linkUrl', 'forum-erreur-linkUrl')}
        </p>
        <p class="visually-hidden" aria-hidden="true">
          <label for="forum-site-web">{t('forum.honeypot')}</label>
          <input id="forum-site-web" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" value="" />
        </p>
      </fieldset>
      <p class="forum__actions">
        <button type="submit" name="step" value="preview">{previewHtml !== undefined ? t('forum.previewAgain') : t('forum.preview')}</button>{' '}
        {previewHtml !== undefined ? (
          <button type="submit" name="step" value="send">{t('forum.send')}</button>
        ) : null}
      </p>
    </form>
  );
};

const Message: FC<{ message: ForumMessageView; depth: number; articleId: number; canReply: boolean }> = ({ message, depth, articleId, canReply }) => (
  <li class="forum__message" id={`forum${message.id}`}>
    <article>
      <header class="forum__message-header">
        {message.title ? (
          <h3 class="forum__message-title">
            <Title text={message.title} profile="forum" />
          </h3>
        ) : null}
        <p class="forum__message-meta">
          <time datetime={message.createdAt}>{formatDate(message.createdAt)}</time>, par{' '}
          {message.authorUrl && !message.authorSiteName ? <a href={message.authorUrl} rel="nofollow ugc noopener">{message.authorName}</a> : <span>{message.authorName}</span>}
          {message.authorUrl && message.authorSiteName ? (
            <>
              {' — '}
              <a href={message.authorUrl} rel="nofollow ugc noopener">{message.authorSiteName}</a>
            </>
          ) : null}
        </p>
      </header>
      <div class="forum__message-text">{markupHtml(message.html)}</div>
      {canReply ? (
        <p class="forum__reply">
          <a href={`/forum/ecrire/${articleId}?repondre=${message.id}`}>{t('forum.reply')}</a>
        </p>
      ) : null}
    </article>
    {message.replies.length > 0 ? (
      <ul class="forum__replies">
        {message.replies.map((reply) => (
          <Message message={reply} depth={depth + 1} articleId={articleId} canReply={canReply} />
        ))}
      </ul>
    ) : null}
  </li>
);
