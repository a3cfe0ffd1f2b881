// Turns a zod failure into a TisseError that a form can show: one sentence naming the field, and a message per field.
import type { z } from 'zod';
import './zod-messages.ts';
import { TisseError, plain } from './errors.ts';
import { messageOrText, type Message, type MessageParam, type PlainKey } from './i18n/index.ts';

/**
 * Parses `input` with `schema`; on failure throws BAD_INPUT naming the first bad field with its label (a catalogue
 * key, so that the name reads in the user's language). An issue whose message is a catalogue key (the schemas of
 * kernel/input.ts) reads in the user's language too; any other is shown as the schema wrote it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Partial<Record<string, PlainKey>> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const messages: Record<string, Message> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name in messages) continue;
    messages[name] = messageOrText(issue.message);
  }
  const [first, message] = Object.entries(messages)[0]!;
  const label = labels[first];
  let named: MessageParam = first;
  if (label) named = plain(label);
  throw new TisseError('BAD_INPUT', { key: 'errors.invalidField', params: { label: named, message } }, { fields: messages });
}
