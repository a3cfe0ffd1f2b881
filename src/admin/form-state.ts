// Helpers shared by the back-office routes of sections, keywords, glossary, authors, documents and settings:
// turning a refused operation into a form that shows what was typed, and the ?fait= message after a redirect.
import type { Context } from 'hono';
import { isTisseError, type TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import type { FormState } from './pages/form-fields.tsx';

/** The form as sent, with the operation's error; rethrows anything that is not a TisseError meant for people. */
export function refusedForm(values: Record<string, string | string[]>, error: unknown): FormState & { status: number } {
  if (!isTisseError(error) || error.status >= 500 || error.code === 'FORBIDDEN' || error.code === 'CSRF') throw error;
  const e = error as TisseError;
  return { values, errors: e.fields ?? {}, message: e.message, status: e.status };
}

const doneMessages = {
  saved: () => t('admin.form.saved'),
  created: () => t('admin.form.created'),
  deleted: () => t('admin.form.deleted'),
  disabled: () => t('admin.users.disabled'),
} as const;

export type DoneKind = keyof typeof doneMessages;

export function doneMessage(c: Context): string | undefined {
  const kind = c.req.query('fait');
  return kind && kind in doneMessages ? doneMessages[kind as DoneKind]() : undefined;
}

export function positiveId(raw: string | undefined): number | undefined {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}
