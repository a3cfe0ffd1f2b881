// The back office's ?fait= message after a redirect (web/form-action.ts makes the redirect), and ids read
// from a path.
import type { Context } from 'hono';
import { t } from '../kernel/i18n/index.ts';

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
