// What a person types on the sign-up form, checked before anything is written: an email address (lower-cased,
// at most 254 characters, a plain shape any mail server takes) and an optional name that can never reach a mail
// header (no line break or control character: "Jean\r\nBcc: …" is refused, not cleaned). The email pattern has
// no nested quantifier: it runs in linear time whatever is typed.
import { z } from 'zod';

const EMAIL_SHAPE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;

export const subscriberEmailSchema = z
  .string()
  .trim()
  .min(1, 'errors.newsletter.emailRequired')
  .max(MAX_EMAIL_LENGTH, 'errors.newsletter.emailTooLong')
  .transform((value) => value.toLowerCase())
  .refine((value) => EMAIL_SHAPE.test(value), 'errors.newsletter.emailInvalid');

export const subscriberNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH * 4)
  // Checked before trimming: a trailing "\r\n" is refused too.
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(value), 'errors.newsletter.nameControl')
  .transform((value) => value.trim())
  .refine((value) => [...value].length <= MAX_NAME_LENGTH, 'errors.newsletter.nameTooLong');

/** Whether `value` is an email address Tisse will write to (the import and the CLI use it). */
export function isSubscriberEmail(value: string): boolean {
  return subscriberEmailSchema.safeParse(value).success;
}
