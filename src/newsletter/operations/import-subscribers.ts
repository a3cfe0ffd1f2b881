// A CSV of addresses exported from another tool, imported into one list (the back office's import and
// `tisse newsletter import`). Columns found by their header: email (or e-mail, courriel, adresse), and an
// optional name (nom, name). All or nothing: every row is checked first, and one bad row (a malformed or overlong
// address, a name with a line break, an address twice in the file) refuses the whole file, each bad row listed
// with its line number, so the file is fixed and imported again rather than half-imported.
// With the administrator's word that consent exists, addresses are confirmed at once (the consent's source says
// who vouched and when); without it, each gets the confirmation mail of the public form, as an invitation, and
// receives nothing until it confirms. An address that unsubscribed or bounced is never subscribed again by an
// import: it is counted as left alone.
import type { Db } from '../../db/connect.ts';
import { parseCsv } from '../../kernel/csv.ts';
import { TisseError } from '../../kernel/errors.ts';
import { render, t, type MessageRef } from '../../kernel/i18n/index.ts';
import { isMessageKey, type PlainKey } from '../../kernel/i18n/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { enqueueConfirmationMail } from '../confirmation-mail.ts';
import { CONFIRM_PATH, confirmationToken, newsletterSecret } from '../links.ts';
import { recordPending, recordSubscriptions } from '../pending-subscription.ts';
import { subscriberEmailSchema, subscriberNameSchema } from '../subscriber-input.ts';

export const IMPORT_MAX_ROWS = 100_000;

export interface ImportInput {
  csv: string;
  listId: number;
  /** The administrator says these people consented (confirmed at once); false: they are invited to confirm. */
  consent: boolean;
  /** Who imports, for the consent's source. */
  by: string;
  siteUrl: string;
}

export interface ImportProblem {
  line: number;
  message: string;
}

export type ImportResult =
  | { ok: true; confirmed: number; invited: number; leftAlone: number }
  | { ok: false; problems: ImportProblem[] };

const EMAIL_HEADERS = ['email', 'e-mail', 'mail', 'courriel', 'adresse', 'adresse email', 'adresse e-mail', 'email address'];
const NAME_HEADERS = ['nom', 'name', 'prénom nom', 'nom complet', 'full name'];

const messageOf = (message: string): string => (isMessageKey(message) ? render(message as PlainKey as MessageRef) : message);

export async function importSubscribers(db: Db, input: ImportInput, now = new Date()): Promise<ImportResult> {
  const list = await db.kysely.selectFrom('newsletter_lists').select(['id', 'name']).where('id', '=', input.listId).executeTakeFirst();
  if (!list) throw new TisseError('NOT_FOUND', 'errors.newsletter.listUnknown');
  const rows = parseCsv(input.csv);
  const header = rows[0];
  if (!header) return { ok: false, problems: [{ line: 1, message: t('errors.newsletter.import.empty') }] };
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const emailAt = columns.findIndex((c) => EMAIL_HEADERS.includes(c));
  const nameAt = columns.findIndex((c) => NAME_HEADERS.includes(c));
  if (emailAt < 0) return { ok: false, problems: [{ line: header.line, message: t('errors.newsletter.import.noEmailColumn') }] };
  if (rows.length - 1 > IMPORT_MAX_ROWS) return { ok: false, problems: [{ line: header.line, message: t('errors.newsletter.import.tooMany', { max: IMPORT_MAX_ROWS }) }] };

  const problems: ImportProblem[] = [];
  const people: { line: number; email: string; name: string }[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const email = subscriberEmailSchema.safeParse(row.cells[emailAt] ?? '');
    const name = subscriberNameSchema.safeParse(nameAt >= 0 ? (row.cells[nameAt] ?? '') : '');
    if (!email.success) problems.push({ line: row.line, message: `${messageOf(email.error.issues[0]!.message)} (${(row.cells[emailAt] ?? '').slice(0, 80)})` });
    else if (!name.success) problems.push({ line: row.line, message: messageOf(name.error.issues[0]!.message) });
    else if (firstLine.has(email.data)) problems.push({ line: row.line, message: t('errors.newsletter.import.duplicate', { line: firstLine.get(email.data)! }) });
    else {
      firstLine.set(email.data, row.line);
      people.push({ line: row.line, email: email.data, name: name.data });
    }
  }
  if (problems.length) return { ok: false, problems };

  const settings = await loadSiteSettings(db);
  const secret = await newsletterSecret(db);
  const at = now.toISOString();
  const source = t('newsletter.import.source', { by: input.by, date: at.slice(0, 10) });
  return db.write(async (trx) => {
    let confirmed = 0;
    let invited = 0;
    let leftAlone = 0;
    const existing = new Map(
      (await trx.selectFrom('newsletter_subscribers').select(['id', 'email', 'status']).execute()).map((s) => [s.email, s]),
    );
    for (const person of people) {
      const known = existing.get(person.email);
      if (known && (known.status === 'unsubscribed' || known.status === 'bounced')) {
        leftAlone++;
        continue;
      }
      if (input.consent) {
        const consent = { consent_at: at, consent_source: source, consent_text: t('newsletter.import.consentText') };
        const id = known
          ? known.id
          : (
              await trx
                .insertInto('newsletter_subscribers')
                .values({ email: person.email, name: person.name, status: 'confirmed', ...consent, created_at: at, confirmed_at: at, unsubscribed_at: null, bounced_at: null, bounce_reason: '' })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id;
        if (known && known.status === 'pending') await trx.updateTable('newsletter_subscribers').set({ status: 'confirmed', confirmed_at: at, ...consent }).where('id', '=', id).execute();
        await trx
          .insertInto('newsletter_subscriptions')
          .values({ subscriber_id: id, list_id: list.id, created_at: at, confirmed_at: at, unsubscribed_at: null })
          .onConflict((oc) => oc.columns(['subscriber_id', 'list_id']).doUpdateSet({ confirmed_at: at, unsubscribed_at: null }))
          .execute();
        confirmed++;
      } else {
        const id = await recordPending(trx, { email: person.email, name: person.name, source, consentText: t('newsletter.import.invitedText') }, now);
        if (await recordSubscriptions(trx, id, [list.id], now)) {
          const link = `${input.siteUrl}${CONFIRM_PATH}${confirmationToken(secret, id, now.getTime())}`;
          await enqueueConfirmationMail(trx, { to: person.email, siteName: settings.name, listNames: [list.name], link, hours: settings.newsletter.confirmHours, lang: settings.lang });
          invited++;
        } else confirmed++;
      }
    }
    return { ok: true as const, confirmed, invited, leftAlone };
  });
}
