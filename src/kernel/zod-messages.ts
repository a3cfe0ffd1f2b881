// zod's own messages are English sentences ("Invalid option: expected one of …", "Too big: expected string to have
// <=300 characters"). A field whose schema gives no message of its own gets one from the catalogue instead, as a
// key that parseInput, the forum's form and the configuration render in the reader's language. Set once for the
// whole process when this module is first imported (zod's configuration is global).
import { z } from 'zod';
import type { PlainKey } from './i18n/index.ts';

type Issue = z.core.$ZodRawIssue;

function messageKeyOf(issue: Issue): PlainKey {
  const origin = 'origin' in issue ? issue.origin : undefined;
  switch (issue.code) {
    case 'too_big':
      return origin === 'array' || origin === 'set' ? 'errors.field.tooMany' : origin === 'string' ? 'errors.field.tooLong' : 'errors.field.invalidValue';
    case 'too_small':
      return origin === 'string' && 'minimum' in issue && Number(issue.minimum) <= 1 ? 'errors.field.required' : origin === 'string' ? 'errors.field.tooShort' : 'errors.field.invalidValue';
    case 'invalid_format':
      return 'format' in issue && issue.format === 'email' ? 'errors.field.invalidEmail' : 'errors.field.invalidValue';
    default:
      return 'errors.field.invalidValue';
  }
}

z.config({ customError: (issue) => messageKeyOf(issue) });
