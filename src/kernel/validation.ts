// Turns a zod failure into a TisseError that a form can show: one sentence naming the field, and a message per field.
import type { z } from 'zod';
import './zod-messages.ts';
import { TisseError, plain, untranslated, type Message, type MessageRef } from './errors.ts';
import { isMessageKey, type PlainKey } from './i18n/index.ts';

/**
 * Parses `input` with `schema`; on failure throws BAD_INPUT naming the first bad field with its label (a catalogue
 * key, so that the name reads in the user's language). An issue whose message is a catalogue key (the schemas of
 * kernel/input.ts) reads in the user's language too; any other is shown as the schema wrote it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Partial<Record<string, PlainKey>> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const messages: Record<string, MessageRef> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (name in messages) continue;
    // Two statements, not a conditional: TypeScript would otherwise build the union of both sides' types.
    if (isMessageKey(issue.message)) messages[name] = issue.message as PlainKey;
    else messages[name] = untranslated(issue.message);
  }
  const [first, message] = Object.entries(messages)[0]!;
  const label = labels[first];
  // Statements, not a conditional expression: see change-articles-in-bulk.ts asMessage (TS2590).
  let asParam: Message;
  if (typeof message === 'string') asParam = plain(message);
  else asParam = message;
  let labelParam: Message | string = first;
  if (label) labelParam = plain(label);
  throw new TisseError('BAD_INPUT', { key: 'errors.invalidField', params: { label: labelParam, message: asParam } }, { fields: messages });
}
