// The email moderators receive for new messages, in the site's language: plain text (the message as typed) and HTML (as
// readers see it, inside an escaped hono/jsx template). The poster's email is given to moderators only.
import type { Article, ForumStatus } from '../db/schema.ts';
import type { Mail } from '../outbox/index.ts';
import { markupHtml } from '../kernel/trusted-html.ts';
import type { PostFields } from './input.ts';
import { t, type Lang, type MessageKey } from '../kernel/i18n/index.ts';

/** One message the moderators are told of. */
export interface NotifiedMessage {
  messageId: number;
  status: ForumStatus;
  fields: PostFields;
  /** Its text as readers see it (forum/message-html.ts: the HTML stored when it was posted). */
  html: string;
}

interface MailContext {
  siteUrl: string;
  to: string[];
  article: Pick<Article, 'id' | 'title' | 'slug'>;
  /** The site's language: the moderators read the mail in it. */
  lang: Lang;
}

export type NotificationInput = MailContext & NotifiedMessage;

const queueUrlOf = (siteUrl: string, { messageId, status }: NotifiedMessage) => `${siteUrl}/ecrire/forum?statut=${status === 'pending' ? 'pending' : 'published'}#message${messageId}`;

const authorLine = (fields: PostFields) => `${fields.name} <${fields.email}>`;
const siteLine = (fields: PostFields) => `${fields.linkTitle ? `${fields.linkTitle} — ` : ''}${fields.linkUrl}`;

type Say = (key: MessageKey, params?: Record<string, string>) => string;

/** A message in the HTML part: who wrote it (after `label`), its title, its text as readers see it, where to moderate it. */
function MessageBlock({ say, siteUrl, message, label = '' }: { say: Say; siteUrl: string; message: NotifiedMessage; label?: string }) {
  const { fields } = message;
  return (
    <>
      <p>
        {label}
        {say('mail.forum.author', { author: authorLine(fields) })}
        {fields.linkUrl ? <> — {say('mail.forum.site', { site: siteLine(fields) })}</> : null}
      </p>
      {fields.title ? <h2>{fields.title}</h2> : null}
      <div>{markupHtml(message.html)}</div>
      <p>
        <a href={queueUrlOf(siteUrl, message)}>{say(message.status === 'pending' ? 'mail.forum.moderatePending' : 'mail.forum.moderatePublished')}</a>
      </p>
    </>
  );
}

/** A message in the plain-text part: who wrote it, its title, its text as typed, where to moderate it. */
function messageLines(say: Say, siteUrl: string, message: NotifiedMessage): string[] {
  const { fields } = message;
  return [
    say('mail.forum.author', { author: authorLine(fields) }),
    ...(fields.linkUrl ? [say('mail.forum.site', { site: siteLine(fields) })] : []),
    ...(fields.title ? [say('mail.forum.title', { title: fields.title })] : []),
    '',
    fields.text,
    '',
    say('mail.forum.moderate', { url: queueUrlOf(siteUrl, message) }),
  ];
}

export function notificationMail({ siteUrl, to, article, lang, ...message }: NotificationInput): Mail {
  const pending = message.status === 'pending';
  const articleUrl = `${siteUrl}/${article.slug}#forum`;
  const say = (key: MessageKey, params: Record<string, string> = {}) => t(key, params, lang);
  const subject = say(pending ? 'mail.forum.subjectPending' : 'mail.forum.subjectPublished', { title: article.title });
  const text = [
    say(pending ? 'mail.forum.pending' : 'mail.forum.published', { title: article.title }),
    '',
    ...messageLines(say, siteUrl, message),
    say('mail.forum.article', { url: articleUrl }),
  ].join('\n');
  const body = (
    <html lang={lang}>
      <body>
        <p>
          {say(pending ? 'mail.forum.pendingBefore' : 'mail.forum.publishedBefore')}
          <a href={articleUrl}>{article.title}</a>
          {say('mail.forum.titleAfter')}
        </p>
        <MessageBlock say={say} siteUrl={siteUrl} message={message} />
      </body>
    </html>
  );
  return { to, subject, text, html: '<!DOCTYPE html>' + body.toString() };
}

/**
 * Several messages of one article in one email (those posted between two runs of the jobs runner: a lively
 * thread, a flood): each with its author, its text and its own link to the moderation queue.
 */
export function notificationDigestMail({ siteUrl, to, article, lang, messages }: MailContext & { messages: NotifiedMessage[] }): Mail {
  const articleUrl = `${siteUrl}/${article.slug}#forum`;
  const say = (key: MessageKey, params: Record<string, string> = {}) => t(key, params, lang);
  const pending = messages.filter((m) => m.status === 'pending').length;
  const count = String(messages.length);
  const subject = say(pending > 0 ? 'mail.forum.digestSubjectPending' : 'mail.forum.digestSubject', { count, title: article.title });
  const intro = pending > 0 ? say('mail.forum.digestIntroPending', { count, pending: String(pending), title: article.title }) : say('mail.forum.digestIntro', { count, title: article.title });
  const statusOf = (m: NotifiedMessage) => say(m.status === 'pending' ? 'mail.forum.statusPending' : 'mail.forum.statusPublished');
  const text = [
    intro,
    ...messages.flatMap((m, index) => ['', `${index + 1}. ${statusOf(m)}`, ...messageLines(say, siteUrl, m)]),
    say('mail.forum.article', { url: articleUrl }),
  ].join('\n');
  const html = (
    <html lang={lang}>
      <body>
        <p>
          <a href={articleUrl}>{intro}</a>
        </p>
        {messages.map((m, index) => (
          <div>
            <hr />
            <MessageBlock say={say} siteUrl={siteUrl} message={m} label={`${index + 1}. ${statusOf(m)} — `} />
          </div>
        ))}
      </body>
    </html>
  );
  return { to, subject, text, html: '<!DOCTYPE html>' + html.toString() };
}
