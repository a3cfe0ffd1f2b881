// Accounts on both databases: edit, role changes, restricted administrators' sections, disabling (which
// closes sessions), and the rule that the site keeps one full administrator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createSection } from '../../sections/operations/create-section.ts';
import { createUser } from './create-user.ts';
import { updateUser } from './update-user.ts';
import { disableUser } from './disable-user.ts';
import { listUsers, loadUser } from '../users.ts';
import { resolvePath } from '../../urls/urls.ts';
import { nowIso } from '../../db/time.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('user operations', (dialect) => {
  let site: TestDatabase;
  before(async () => {
    site = await openTestDatabase(dialect);
  });
  after(() => site.close());

  test('an account is edited; a taken email or a bad one is refused', async () => {
    const { user } = await createUser(site.db, { email: 'camille@example.org', name: 'Camille', role: 'editor' });
    await createUser(site.db, { email: 'dominique@example.org', name: 'Dominique', role: 'editor' });
    const edited = await updateUser(site.db, user.id, { name: 'Camille Martin', email: 'Camille.Martin@example.org', role: 'editor', website: 'https://camille.example' });
    assert.equal(edited.email, 'camille.martin@example.org');
    assert.equal(edited.slug, 'camille-martin');
    assert.equal((await resolvePath(site.db, '/auteur/camille'))?.isCurrent, false);
    await assert.rejects(updateUser(site.db, user.id, { name: 'C', email: 'dominique@example.org', role: 'editor' }), code('CONFLICT'));
    await assert.rejects(updateUser(site.db, user.id, { name: 'C', email: 'pas-une-adresse', role: 'editor' }), (e: { code?: string; fields?: Record<string, string> }) => e.code === 'BAD_INPUT' && 'email' in (e.fields ?? {}));
    await assert.rejects(updateUser(site.db, user.id, { name: 'C', email: 'c@example.org', role: 'editor', website: 'javascript:alert(1)' }), code('BAD_INPUT'));
    assert.equal((await listUsers(site.db, { search: 'martin' })).map((u) => u.id).join(), String(user.id));
  });

  test('a restricted administrator keeps sections; other roles lose them', async () => {
    const section = await createSection(site.db, { title: 'Régions' });
    const { user } = await createUser(site.db, { email: 'restreint@example.org', name: 'Restreint', role: 'editor' });
    await updateUser(site.db, user.id, { name: 'Restreint', email: 'restreint@example.org', role: 'administrator', sections: [section.id] });
    assert.deepEqual((await loadUser(site.db, user.id))?.sectionIds, [section.id]);
    await assert.rejects(updateUser(site.db, user.id, { name: 'Restreint', email: 'restreint@example.org', role: 'administrator', sections: [999_999] }), code('BAD_INPUT'));
    await updateUser(site.db, user.id, { name: 'Restreint', email: 'restreint@example.org', role: 'editor', sections: [section.id] });
    assert.deepEqual((await loadUser(site.db, user.id))?.sectionIds, []);
  });

  test('the last full administrator can be neither demoted, restricted nor disabled', async () => {
    const section = await createSection(site.db, { title: 'Seule' });
    const admin = (await loadUser(site.db, site.adminId))!;
    await assert.rejects(updateUser(site.db, admin.id, { name: admin.name, email: admin.email, role: 'editor' }), code('CONFLICT'));
    await assert.rejects(updateUser(site.db, admin.id, { name: admin.name, email: admin.email, role: 'administrator', sections: [section.id] }), code('CONFLICT'));
    await assert.rejects(disableUser(site.db, admin.id), code('CONFLICT'));
    const { user: second } = await createUser(site.db, { email: 'second@example.org', name: 'Second', role: 'administrator' });
    await disableUser(site.db, admin.id);
    assert.equal((await loadUser(site.db, admin.id))?.role, 'disabled');
    await assert.rejects(disableUser(site.db, second.id), code('CONFLICT'));
    await updateUser(site.db, admin.id, { name: admin.name, email: admin.email, role: 'administrator' });
  });

  test('disabling closes the account’s sessions', async () => {
    const { user } = await createUser(site.db, { email: 'partant@example.org', name: 'Partant', role: 'editor' });
    await site.db.write((trx) =>
      trx.insertInto('sessions').values({ id: 'h', user_id: user.id, csrf_token: 't', created_at: nowIso(), expires_at: '2999-01-01T00:00:00.000Z', ip: '', user_agent: '' }).execute(),
    );
    await disableUser(site.db, user.id);
    const sessions = await site.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(sessions.length, 0);
    assert.equal((await listUsers(site.db, { role: 'disabled' })).some((u) => u.id === user.id), true);
  });
});
