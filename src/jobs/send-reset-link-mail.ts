// Sends a mail carrying a password link (reset, import invitation): the queued mail holds a marker where the token
// goes, and the token is drawn here, once an SMTP server is known to be set, just before the mail leaves
// (users/reset-links.ts). A request used or expired meanwhile sends nothing; a retry draws a new token.
import type { Db } from '../db/connect.ts';
import { resetLinkMailSchema } from '../outbox/index.ts';
import { issueResetLink } from '../users/index.ts';
import type { JobHandler } from './runner.ts';
import type { SendMail } from './send-mail.ts';

export function resetLinkMailHandler(db: Db, send: SendMail): JobHandler {
  return async (payload) => {
    const { requestId, marker, mail } = resetLinkMailSchema.parse(payload);
    await send(mail, async (queued) => {
      const token = await issueResetLink(db, requestId);
      return token === undefined ? undefined : { ...queued, text: queued.text.split(marker).join(token) };
    });
  };
}
