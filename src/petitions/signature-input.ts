// The fields of a petition signature, checked with a catalogue message per field. The email is lowercased: one
// address signs a petition once, whatever its case.
import { z } from 'zod';
import { isMessageKey, t, type PlainKey } from '../kernel/i18n/index.ts';
import '../kernel/zod-messages.ts';

export interface SignatureFields {
  name: string;
  email: string;
  siteName: string;
  siteUrl: string;
  message: string;
  /** The signer's choice: their name in the public list, or only counted. */
  shown: boolean;
}

const noNul = (value: string) => !value.includes('\u0000');

const schema = z.object({
  name: z.string().trim().min(1, 'errors.petition.field.nameRequired').max(200, 'errors.petition.field.nameTooLong').refine(noNul, 'errors.petition.field.invalidCharacter'),
  email: z.string().trim().min(1, 'errors.petition.field.emailRequired').max(300, 'errors.petition.field.emailInvalid').pipe(z.email('errors.petition.field.emailInvalid')),
  siteName: z.string().trim().max(200, 'errors.petition.field.siteNameTooLong').refine(noNul, 'errors.petition.field.invalidCharacter'),
  siteUrl: z
    .string()
    .trim()
    .max(500, 'errors.petition.field.siteUrlInvalid')
    .refine((value) => value === '' || isHttpUrl(value), 'errors.petition.field.siteUrlInvalid'),
  message: z.string().trim().max(2000, 'errors.petition.field.messageTooLong').refine(noNul, 'errors.petition.field.invalidCharacter'),
});

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export type SignatureInput = Partial<Record<Exclude<keyof SignatureFields, 'shown'>, unknown>> & { shown?: unknown };

export function parseSignatureFields(raw: SignatureInput): { ok: true; fields: SignatureFields } | { ok: false; errors: Record<string, string> } {
  const input = Object.fromEntries((['name', 'email', 'siteName', 'siteUrl', 'message'] as const).map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']));
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    const d = parsed.data;
    return { ok: true, fields: { ...d, email: d.email.toLowerCase(), message: d.message.replace(/\r\n?/g, '\n'), shown: raw.shown === true || raw.shown === 'oui' || raw.shown === 'on' } };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    errors[field] ??= isMessageKey(issue.message) ? t(issue.message as PlainKey) : issue.message;
  }
  return { ok: false, errors };
}
