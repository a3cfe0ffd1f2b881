// The fields of a forum post, checked with a message per field from the catalogue (French by default). Used by the web form (after the
// urlencoded body is decoded), the CLI and the tests alike, through the post-message operation.
import { z } from 'zod';
import { isMessageKey, t, type Lang, type PlainKey } from '../kernel/i18n/index.ts';
import '../kernel/zod-messages.ts';

export interface PostFields {
  name: string;
  email: string;
  title: string;
  text: string;
  linkUrl: string;
  /** SPIP's « Nom de votre site »: the text of the link to linkUrl. */
  linkTitle: string;
}

const noNul = (value: string) => !value.includes('\u0000');

const schema = z.object({
  name: z.string().trim().min(1, 'errors.forum.field.nameRequired').max(200, 'errors.forum.field.nameTooLong').refine(noNul, 'errors.forum.field.invalidCharacter'),
  email: z
    .string()
    .trim()
    .min(1, 'errors.forum.field.emailRequired')
    .max(300, 'errors.forum.field.emailTooLong')
    .pipe(z.email('errors.forum.field.emailInvalid')),
  title: z.string().trim().max(300, 'errors.forum.field.titleTooLong').refine(noNul, 'errors.forum.field.invalidCharacter'),
  text: z.string().refine(noNul, 'errors.forum.field.textInvalidCharacter'),
  linkUrl: z
    .string()
    .trim()
    .max(500, 'errors.forum.field.linkUrlTooLong')
    .refine((value) => value === '' || isHttpUrl(value), 'errors.forum.field.linkUrlScheme'),
  linkTitle: z.string().trim().max(200, 'errors.forum.field.linkTitleTooLong').refine(noNul, 'errors.forum.field.invalidCharacter'),
});

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export type FieldErrors = Record<string, string>;

export function parsePostFields(raw: Partial<Record<keyof PostFields, unknown>>, lang: Lang = 'fr'): { ok: true; fields: PostFields } | { ok: false; errors: FieldErrors } {
  const input = Object.fromEntries(
    (['name', 'email', 'title', 'text', 'linkUrl', 'linkTitle'] as const).map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']),
  );
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, fields: { ...parsed.data, text: parsed.data.text.replace(/\r\n?/g, '\n').trim() } };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    errors[field] ??= isMessageKey(issue.message) ? t(issue.message as PlainKey, {}, lang) : issue.message;
  }
  return { ok: false, errors };
}

/** Links a message carries: SPIP link shortcuts and bare web addresses, a shortcut to an address counted once. */
export function countLinks(text: string): number {
  return text.match(/->\s*(?:https?:\/\/|www\.)?|https?:\/\/|\bwww\./gi)?.length ?? 0;
}
