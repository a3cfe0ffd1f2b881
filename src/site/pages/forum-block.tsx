// The forum under an article: published messages as threads, the moderation notice in force, and the
// comment form with SPIP's wording.
import type { FC } from 'hono/jsx';
import { formatDate, t } from '../../i18n/index.ts';
import type { ForumMode } from '../../db/schema.ts';
import { markupHtml } from '../trusted-html.ts';

export interface ForumMessageView {
  id: number;
  parentId: number | null;
  title: string;
  /** Rendered with the forum profile of the markup engine. */
  html: string;
  authorName: string;
  authorUrl: string;
  createdAt: string;
  replies: ForumMessageView[];
}

export interface ForumBlockProps {
  articleId: number;
  mode: ForumMode;
  threads: ForumMessageView[];
  /** Action URL of the comment form. */
  action: string;
  /** Hidden fields the forum module needs (form token…). */
  hidden?: Record<string, string>;
}

export const ForumBlock: FC<ForumBlockProps> = ({ articleId, mode, threads, action, hidden = {} }) => (
  <section id="forum" class="forum" aria-labelledby="forum-titre">
    <h2 id="forum-titre" class="visually-hidden">{t('forum.messages')}</h2>
    {threads.length > 0 ? (
      <ul class="forum__threads">
        {threads.map((m) => (
          <Message message={m} depth={0} />
        ))}
      </ul>
    ) : null}
    {mode === 'non' ? (
      <p class="forum__closed">{t('forum.notice.non')}</p>
    ) : (
      <form class="forum__form" method="post" action={action}>
        <h2 class="forum__heading">{t('forum.post')}</h2>
        <p class="forum__mode">{t(`forum.mode.${mode}`)}</p>
        <p class="forum__notice">{t(`forum.notice.${mode}`)}</p>
        <input type="hidden" name="article" value={String(articleId)} />
        {Object.entries(hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend>{t('forum.whoAreYou')}</legend>
          <p>
            <label for="forum-nom">{t('forum.name')}</label>
            <input id="forum-nom" name="name" required maxlength={200} autocomplete="name" />
          </p>
          <p>
            <label for="forum-email">{t('forum.email')}</label>
            <input id="forum-email" name="email" type="email" required maxlength={300} autocomplete="email" aria-describedby="forum-email-aide" />
            <small id="forum-email-aide">{t('forum.emailHint')}</small>
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('forum.yourMessage')}</legend>
          <p>
            <label for="forum-titre-message">{t('forum.title')}</label>
            <input id="forum-titre-message" name="title" maxlength={300} />
          </p>
          <p>
            <label for="forum-texte">{t('forum.text')}</label>
            <textarea id="forum-texte" name="text" rows={10} required maxlength={20000} aria-describedby="forum-aide"></textarea>
          </p>
          <p id="forum-aide" class="forum__help">{t('forum.help')}</p>
          <p>
            <label for="forum-site-nom">{t('forum.linkTitle')}</label>
            <input id="forum-site-nom" name="link_title" maxlength={200} />
          </p>
          <p>
            <label for="forum-site-url">{t('forum.linkUrl')}</label>
            <input id="forum-site-url" name="link_url" type="url" maxlength={500} placeholder="https://" />
          </p>
        </fieldset>
        <p class="forum__actions">
          <button type="submit" name="step" value="preview">{t('forum.preview')}</button>
        </p>
      </form>
    )}
  </section>
);

const Message: FC<{ message: ForumMessageView; depth: number }> = ({ message, depth }) => (
  <li class="forum__message" id={`forum${message.id}`}>
    <article>
      <header class="forum__message-header">
        {message.title ? <h3 class="forum__message-title">{message.title}</h3> : null}
        <p class="forum__message-meta">
          <time datetime={message.createdAt}>{formatDate(message.createdAt)}</time>, par{' '}
          {message.authorUrl ? <a href={message.authorUrl} rel="nofollow ugc noopener">{message.authorName}</a> : <span>{message.authorName}</span>}
        </p>
      </header>
      <div class="forum__message-text">{markupHtml(message.html)}</div>
    </article>
    {message.replies.length > 0 ? (
      <ul class="forum__replies">
        {message.replies.map((reply) => (
          <Message message={reply} depth={depth + 1} />
        ))}
      </ul>
    ) : null}
  </li>
);
