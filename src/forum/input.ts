// The fields of a forum post, checked with French messages per field. Used by the web form (after the
// urlencoded body is decoded), the CLI and the tests alike, through the post-message operation.
import { z } from 'zod';

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
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(200, 'Votre nom est trop long (200 caractères au plus).').refine(noNul, 'Caractère invalide.'),
  email: z
    .string()
    .trim()
    .min(1, 'Indiquez votre adresse email (elle ne sera pas affichée).')
    .max(300, 'Cette adresse email est trop longue.')
    .pipe(z.email('Cette adresse email n’est pas valide.')),
  title: z.string().trim().max(300, 'Le titre est trop long (300 caractères au plus).').refine(noNul, 'Caractère invalide.'),
  text: z.string().refine(noNul, 'Votre message contient un caractère invalide.'),
  linkUrl: z
    .string()
    .trim()
    .max(500, 'L’adresse du site est trop longue (500 caractères au plus).')
    .refine((value) => value === '' || isHttpUrl(value), 'L’adresse du site doit commencer par http:// ou https://.'),
  linkTitle: z.string().trim().max(200, 'Le nom du site est trop long (200 caractères au plus).').refine(noNul, 'Caractère invalide.'),
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

export function parsePostFields(raw: Partial<Record<keyof PostFields, unknown>>): { ok: true; fields: PostFields } | { ok: false; errors: FieldErrors } {
  const input = Object.fromEntries(
    (['name', 'email', 'title', 'text', 'linkUrl', 'linkTitle'] as const).map((k) => [k, typeof raw[k] === 'string' ? raw[k] : '']),
  );
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, fields: { ...parsed.data, text: parsed.data.text.replace(/\r\n?/g, '\n').trim() } };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Links a message carries: SPIP link shortcuts and bare web addresses, a shortcut to an address counted once. */
export function countLinks(text: string): number {
  return text.match(/->\s*(?:https?:\/\/|www\.)?|https?:\/\/|\bwww\./gi)?.length ?? 0;
}
