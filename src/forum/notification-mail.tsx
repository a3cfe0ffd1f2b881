// The email moderators receive for a new message: plain text (the message as typed) and HTML (rendered with
// the forum profile, inside an escaped hono/jsx template). The poster's email is given to moderators only.
import type { Article, ForumStatus } from '../db/schema.ts';
import type { Mail } from '../outbox/index.ts';
import { propre } from '../markup/index.ts';
import { markupHtml } from '../kernel/trusted-html.ts';
import type { PostFields } from './input.ts';

export interface NotificationInput {
  siteUrl: string;
  to: string[];
  article: Pick<Article, 'id' | 'title' | 'slug'>;
  messageId: number;
  status: ForumStatus;
  fields: PostFields;
}

export function notificationMail({ siteUrl, to, article, messageId, status, fields }: NotificationInput): Mail {
  const pending = status === 'pending';
  const queueUrl = `${siteUrl}/ecrire/forum?statut=${pending ? 'pending' : 'published'}#message${messageId}`;
  const articleUrl = `${siteUrl}/${article.slug}#forum`;
  const subject = `${pending ? 'Message à valider' : 'Nouveau message'} sur « ${article.title} »`;
  const text = [
    pending
      ? `Un nouveau message attend votre validation sur l’article « ${article.title} ».`
      : `Un nouveau message a été publié sur l’article « ${article.title} » ; vous pouvez le retirer.`,
    '',
    `Auteur : ${fields.name} <${fields.email}>`,
    ...(fields.linkUrl ? [`Site : ${fields.linkTitle ? `${fields.linkTitle} — ` : ''}${fields.linkUrl}`] : []),
    ...(fields.title ? [`Titre : ${fields.title}`] : []),
    '',
    fields.text,
    '',
    `Modérer : ${queueUrl}`,
    `Article : ${articleUrl}`,
  ].join('\n');
  const html = (
    <html lang="fr">
      <body>
        <p>
          {pending ? 'Un nouveau message attend votre validation sur l’article ' : 'Un nouveau message a été publié sur l’article '}«{' '}
          <a href={articleUrl}>{article.title}</a> ».
        </p>
        <p>
          Auteur : {fields.name} &lt;{fields.email}&gt;
          {fields.linkUrl ? (
            <>
              {' '}— site : {fields.linkTitle ? `${fields.linkTitle} — ` : ''}
              {fields.linkUrl}
            </>
          ) : null}
        </p>
        {fields.title ? <h2>{fields.title}</h2> : null}
        <div>{markupHtml(propre(fields.text, { profile: 'forum' }).html)}</div>
        <p>
          <a href={queueUrl}>{pending ? 'Valider ou refuser ce message' : 'Modérer ce message'}</a>
        </p>
      </body>
    </html>
  );
  return { to, subject, text, html: '<!DOCTYPE html>' + html.toString() };
}
