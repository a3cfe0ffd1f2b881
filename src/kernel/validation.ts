// Turns a zod failure into a TisseError that a form can show: one sentence naming the field, and a message per field.
import type { z } from 'zod';
import { TisseError, plain, untranslated, type MessageRef } from './errors.ts';
import type { PlainKey } from './i18n/index.ts';

/**
 * Parses `input` with `schema`; on failure throws BAD_INPUT naming the first bad field with its label (a catalogue
 * key, so that the name reads in the user's language; the zod message itself is shown as the schema wrote it).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Partial<Record<string, PlainKey>> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const messages: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!(name in messages)) messages[name] = issue.message;
  }
  const fields: Record<string, MessageRef> = Object.fromEntries(Object.entries(messages).map(([name, message]) => [name, untranslated(message)]));
  const [first, message] = Object.entries(messages)[0]!;
  const label = labels[first];
  throw new TisseError('BAD_INPUT', { key: 'errors.invalidField', params: { label: label ? plain(label) : first, message } }, { fields });
}
