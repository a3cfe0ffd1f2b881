// The back office's ?fait= message after a redirect (web/form-action.ts makes the redirect), and ids read
// from a path.
import type { Context } from 'hono';
import { t } from '../kernel/i18n/index.ts';
import { parseId } from '../kernel/input.ts';

const doneMessages = {
  saved: () => t('admin.form.saved'),
  created: () => t('admin.form.created'),
  deleted: () => t('admin.form.deleted'),
  disabled: () => t('admin.users.disabled'),
  restored: () => t('admin.form.restored'),
} as const;

export type DoneKind = keyof typeof doneMessages;

export function doneMessage(c: Context): string | undefined {
  const kind = c.req.query('fait');
  return kind && kind in doneMessages ? doneMessages[kind as DoneKind]() : undefined;
}

/** An id read from a path or a field; undefined when malformed or beyond what a column holds (kernel/input.ts). */
export function positiveId(raw: string | undefined): number | undefined {
  return parseId(raw);
}
