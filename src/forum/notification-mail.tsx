// The email moderators receive for a new message, in the site's language: plain text (the message as typed) and HTML (rendered with
// the forum profile, inside an escaped hono/jsx template). The poster's email is given to moderators only.
import type { Article, ForumStatus } from '../db/schema.ts';
import type { Mail } from '../outbox/index.ts';
import { propre } from '../markup/index.ts';
import { markupHtml } from '../kernel/trusted-html.ts';
import type { PostFields } from './input.ts';
import { t, type Lang, type MessageKey } from '../kernel/i18n/index.ts';

export interface NotificationInput {
  siteUrl: string;
  to: string[];
  article: Pick<Article, 'id' | 'title' | 'slug'>;
  messageId: number;
  status: ForumStatus;
  fields: PostFields;
  /** The site's language: the moderators read the mail in it. */
  lang: Lang;
}

export function notificationMail({ siteUrl, to, article, messageId, status, fields, lang }: NotificationInput): Mail {
  const pending = status === 'pending';
  const queueUrl = `${siteUrl}/ecrire/forum?statut=${pending ? 'pending' : 'published'}#message${messageId}`;
  const articleUrl = `${siteUrl}/${article.slug}#forum`;
  const say = (key: MessageKey, params: Record<string, string> = {}) => t(key, params, lang);
  const subject = say(pending ? 'mail.forum.subjectPending' : 'mail.forum.subjectPublished', { title: article.title });
  const text = [
    say(pending ? 'mail.forum.pending' : 'mail.forum.published', { title: article.title }),
    '',
    say('mail.forum.author', { author: `${fields.name} <${fields.email}>` }),
    ...(fields.linkUrl ? [say('mail.forum.site', { site: `${fields.linkTitle ? `${fields.linkTitle} — ` : ''}${fields.linkUrl}` })] : []),
    ...(fields.title ? [say('mail.forum.title', { title: fields.title })] : []),
    '',
    fields.text,
    '',
    say('mail.forum.moderate', { url: queueUrl }),
    say('mail.forum.article', { url: articleUrl }),
  ].join('\n');
  const html = (
    <html lang={lang}>
      <body>
        <p>
          {say(pending ? 'mail.forum.pendingBefore' : 'mail.forum.publishedBefore')}
          <a href={articleUrl}>{article.title}</a>
          {say('mail.forum.titleAfter')}
        </p>
        <p>
          {say('mail.forum.author', { author: `${fields.name} <${fields.email}>` })}
          {fields.linkUrl ? <> — {say('mail.forum.site', { site: `${fields.linkTitle ? `${fields.linkTitle} — ` : ''}${fields.linkUrl}` })}</> : null}
        </p>
        {fields.title ? <h2>{fields.title}</h2> : null}
        <div>{markupHtml(propre(fields.text, { profile: 'forum' }).html)}</div>
        <p>
          <a href={queueUrl}>{say(pending ? 'mail.forum.moderatePending' : 'mail.forum.moderatePublished')}</a>
        </p>
      </body>
    </html>
  );
  return { to, subject, text, html: '<!DOCTYPE html>' + html.toString() };
}
