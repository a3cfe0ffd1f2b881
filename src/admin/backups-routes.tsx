// /ecrire/sauvegardes: the backups page (full administrators, as the settings): the archives of <dataDir>/backups/,
// each downloadable, « Sauvegarder maintenant » (a job: the page does not wait for it), and the schedule.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { field, formFields, refusedForm, type FormState } from '../web/form-action.ts';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage } from './form-state.ts';
import { BackupsPage } from './pages/backups.tsx';
import { backupFilePath, backupQueueState, listBackups, requestBackup, scheduleBackups } from '../backup/index.ts';
import { backupSettingsSchema, loadSiteSettings, saveSiteSettings } from '../settings/index.ts';
import { formatSize } from '../documents/index.ts';
import { parseInput } from '../kernel/validation.ts';
import { t } from '../kernel/i18n/index.ts';

export const backupsAdminRoutes = new Hono<AdminEnv>();

const page = '/ecrire/sauvegardes';

async function render(c: Context<AdminEnv>, state: FormState, status?: number): Promise<Response> {
  const user = requirePermission(c, 'settings.manage');
  const { db, config } = c.get('app');
  const queue = await backupQueueState(db);
  const started = c.req.query('fait') === 'demandee' ? t('admin.backups.started') : undefined;
  return renderAdmin(c, {
    title: t('admin.backups.title'),
    current: page,
    status,
    body: (
      <BackupsPage
        user={user}
        state={state}
        backups={listBackups(config.dataDir).slice(0, 30).map((b) => ({ ...b, size: formatSize(b.bytes) }))}
        next={queue.next}
        pending={queue.pending}
        lastFailure={queue.lastFailure ? { error: queue.lastFailure.last_error, at: queue.lastFailure.created_at } : null}
        done={started ?? doneMessage(c)}
      />
    ),
  });
}

backupsAdminRoutes.get('/', async (c) => {
  requirePermission(c, 'settings.manage');
  const { backups } = await loadSiteSettings(c.get('app').db);
  return render(c, { values: { schedule: backups.schedule, keep: String(backups.keep) } });
});

backupsAdminRoutes.post('/', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  const { db } = c.get('app');
  try {
    const backups = parseInput(backupSettingsSchema, { schedule: field(fields, 'schedule'), keep: field(fields, 'keep') }, { schedule: 'admin.backups.schedule', keep: 'admin.backups.keep' });
    await saveSiteSettings(db, { backups }, user.user.id);
    await scheduleBackups(db);
    return c.redirect(`${page}?fait=saved`, 303);
  } catch (error) {
    const state = refusedForm(fields, error);
    return render(c, state, state.status);
  }
});

backupsAdminRoutes.post('/maintenant', async (c) => {
  requirePermission(c, 'settings.manage');
  await formFields(c);
  await requestBackup(c.get('app').db);
  return c.redirect(`${page}?fait=demandee`, 303);
});

// The name is checked against the folder's listing (backupFilePath): nothing else of the disk can be asked for.
backupsAdminRoutes.get('/:name', (c) => {
  requirePermission(c, 'settings.manage');
  const name = c.req.param('name');
  const path = backupFilePath(c.get('app').config.dataDir, name);
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
