// Turns a zod failure into a TisseError that a form can show: one French sentence, and a message per field.
import type { z } from 'zod';
import { TisseError } from './errors.ts';

/** Parses `input` with `schema`; on failure throws BAD_INPUT naming the first bad field with its label. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, string> = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (!(name in fields)) fields[name] = issue.message;
  }
  const [first, message] = Object.entries(fields)[0]!;
  throw new TisseError('BAD_INPUT', `${labels[first] ?? first} : ${message}`, { fields });
}
