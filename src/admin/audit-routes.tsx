// /ecrire/journal: the back office's journal, for full administrators (audit.view). Read only: entries are
// written by audit-trail.ts as forms succeed.
import { Hono } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { AuditPage } from './pages/audit.tsx';
import { listAudit } from '../audit/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { AUDIT_ACTIONS } from './audit-trail.ts';

export const auditAdminRoutes = new Hono<AdminEnv>();

const PAGE_SIZE = 50;

auditAdminRoutes.get('/', async (c) => {
  requirePermission(c, 'audit.view');
  const rawPage = c.req.query('page');
  if (rawPage !== undefined && !/^[1-9][0-9]{0,6}$/.test(rawPage)) throw new TisseError('BAD_INPUT', 'errors.audit.badPage');
  const action = c.req.query('action') ?? '';
  if (action && !AUDIT_ACTIONS.includes(action)) throw new TisseError('BAD_INPUT', 'errors.audit.badAction');
  const db = c.get('app').db;
  let page = Number(rawPage ?? 1);
  let found = await listAudit(db, { action, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  // Past the last page: the last one (the journal grows while one reads it).
  if (page > pages) {
    page = pages;
    found = await listAudit(db, { action, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  }
  return renderAdmin(c, {
    title: t('admin.audit.title'),
    current: '/ecrire/journal',
    body: <AuditPage entries={found.rows} total={found.total} page={page} pages={pages} action={action} actions={AUDIT_ACTIONS} />,
  });
});
