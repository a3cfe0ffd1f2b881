// The forum's own public pages, inside the site layout: the form alone (to reply, for subscribers, after a
// preview or a rejected post) and the thank-you page after sending.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { ForumForm, type ForumFormProps } from './forum-block.tsx';
import { markupHtml } from '../../kernel/trusted-html.ts';
import { Title, titleText } from './reader-title.tsx';

export interface ReplyContext {
  title: string;
  authorName: string;
  html: string;
}

export const PostPage: FC<{ article: { title: string; slug: string }; replyTo?: ReplyContext | undefined; login?: string | undefined; form?: ForumFormProps | undefined; notice?: string | undefined }> = ({
  article,
  replyTo,
  login,
  form,
  notice,
}) => (
  <div class="forum-page">
    <h1>
      <Title text={article.title} />
    </h1>
    <p>
      <a href={`/${article.slug}#forum`}>{t('forum.backToArticle', { title: titleText(article.title) })}</a>
    </p>
    {replyTo ? (
      <section class="forum__reply-to" aria-labelledby="forum-reponse-a">
        <h2 id="forum-reponse-a">{t('forum.replyTo')}</h2>
        {replyTo.title ? (
          <h3 class="forum__message-title">
            <Title text={replyTo.title} profile="forum" />
          </h3>
        ) : null}
        <p class="forum__message-meta">{replyTo.authorName}</p>
        <div class="forum__message-text">{markupHtml(replyTo.html)}</div>
      </section>
    ) : null}
    {notice ? <p class="forum__notice">{notice}</p> : null}
    {login ? (
      <p>
        <a href={login}>{t('forum.login')}</a>
      </p>
    ) : null}
    {form ? (
      <section class="forum">
        <ForumForm {...form} />
      </section>
    ) : null}
  </div>
);

export const ThanksPage: FC<{ article: { title: string; slug: string }; pending: boolean }> = ({ article, pending }) => (
  <div class="forum-page">
    <h1>{t('forum.thanks.title')}</h1>
    <p class="forum__notice" role="status">
      {pending ? t('forum.thanks.pending') : t('forum.thanks.published')}
    </p>
    <p>
      <a href={`/${article.slug}#forum`}>{t('forum.backToArticle', { title: titleText(article.title) })}</a>
    </p>
  </div>
);
