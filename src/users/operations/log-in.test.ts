// Logging in on both databases (issue 15): an unknown email costs the same work as a known one (no account
// discovery by timing), attempts past the budget wait a delay that grows instead of a fixed lock, a known
// browser (device cookie) has its own budget, and a hash made with older scrypt parameters is upgraded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { scryptSync } from 'node:crypto';
import { createUser } from './create-user.ts';
import { LoginThrottledError, logIn, type LoggedIn } from './log-in.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('logging in', (dialect) => {
  let site: TestDatabase;
  before(async () => {
    site = await openTestDatabase(dialect);
  });
  after(() => site.close());

  test('an unknown email takes about as long to refuse as a wrong password for a real account', async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    await createUser(site.db, { email: 'connu1@example.org', name: 'Connu 1', role: 'editor', password: 'le-bon-secret' });
    await createUser(site.db, { email: 'connu2@example.org', name: 'Connu 2', role: 'editor', password: 'le-bon-secret' });
    // Four failures per account and one address per attempt stay inside every budget.
    for (let i = 0; i < 6; i++) {
      for (const [email, into] of [[`connu${(i % 2) + 1}@example.org`, known], [`personne-${i}@example.org`, unknown]] as const) {
        const started = performance.now();
        await assert.rejects(logIn(site.db, { email, password: 'mauvais', ip: `192.0.2.${known.length + unknown.length}`, userAgent: '' }), code('UNAUTHENTICATED'));
        into.push(performance.now() - started);
      }
    }
    assert.ok(median(unknown) >= 0.5 * median(known), `median unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`);
  });

  test('past the account’s budget, attempts wait a delay that doubles; the right password then gets in', async () => {
    await createUser(site.db, { email: 'lent@example.org', name: 'Lent', role: 'editor', password: 'le-bon-secret' });
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (seconds: number) => new Date(t0 + seconds * 1000);
    let n = 0;
    const tryAt = (seconds: number, password: string) => logIn(site.db, { email: 'lent@example.org', password, ip: `198.51.100.${++n}`, userAgent: '' }, at(seconds));
    const waits = async (seconds: number, password: string) => {
      const error = await tryAt(seconds, password).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof LoginThrottledError, `refused at +${seconds}s`);
      return error.retryAfterSeconds;
    };
    for (let i = 0; i < 5; i++) await assert.rejects(tryAt(0, 'mauvais'), code('UNAUTHENTICATED'));
    assert.equal(await waits(0, 'le-bon-secret'), 30, 'even the right password waits: the account is under attack');
    await assert.rejects(tryAt(30, 'mauvais'), code('UNAUTHENTICATED'));
    assert.equal(await waits(31, 'le-bon-secret'), 59);
    await assert.rejects(tryAt(90, 'mauvais'), code('UNAUTHENTICATED'));
    assert.equal(await waits(90, 'le-bon-secret'), 120);
    const logged = await tryAt(210, 'le-bon-secret');
    assert.equal(logged.user.email, 'lent@example.org', 'no fixed lock: after the delay the owner gets in');
  });

  test('a browser holding the account’s device cookie has its own budget while the account is under attack', async () => {
    await createUser(site.db, { email: 'appareil@example.org', name: 'Appareil', role: 'editor', password: 'le-bon-secret' });
    const first: LoggedIn = await logIn(site.db, { email: 'appareil@example.org', password: 'le-bon-secret', ip: '192.0.2.200', userAgent: '' });
    const device = first.deviceCookie;
    await Promise.all(Array.from({ length: 8 }, (_, i) =>
      logIn(site.db, { email: 'appareil@example.org', password: 'mauvais', ip: `203.0.113.${200 + i}`, userAgent: '' }).catch(() => undefined)));
    await assert.rejects(logIn(site.db, { email: 'appareil@example.org', password: 'le-bon-secret', ip: '192.0.2.200', userAgent: '' }), code('TOO_MANY_REQUESTS'));
    const again = await logIn(site.db, { email: 'appareil@example.org', password: 'le-bon-secret', ip: '192.0.2.200', userAgent: '', deviceCookie: device });
    assert.equal(again.deviceCookie, device, 'the same device cookie, renewed');
    // A forged or altered cookie is an unknown browser.
    await assert.rejects(logIn(site.db, { email: 'appareil@example.org', password: 'le-bon-secret', ip: '192.0.2.200', userAgent: '', deviceCookie: device.slice(0, -2) + 'xx' }), code('TOO_MANY_REQUESTS'));
    // The device's own budget is small: three wrong passwords, then it waits too.
    for (let i = 0; i < 3; i++) await assert.rejects(logIn(site.db, { email: 'appareil@example.org', password: 'mauvais', ip: '192.0.2.200', userAgent: '', deviceCookie: device }), code('UNAUTHENTICATED'));
    await assert.rejects(logIn(site.db, { email: 'appareil@example.org', password: 'le-bon-secret', ip: '192.0.2.200', userAgent: '', deviceCookie: device }), code('TOO_MANY_REQUESTS'));
  });

  test('a hash made with older scrypt parameters is replaced by one with today’s at the next login', async () => {
    const { user } = await createUser(site.db, { email: 'ancien@example.org', name: 'Ancien', role: 'editor' });
    const salt = Buffer.from('0123456789abcdef');
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync('vieux-secret', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
    await site.db.write((trx) => trx.updateTable('users').set({ password_hash: old }).where('id', '=', user.id).execute());
    await logIn(site.db, { email: 'ancien@example.org', password: 'vieux-secret', ip: '192.0.2.201', userAgent: '' });
    const stored = await site.db.kysely.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.match(stored.password_hash!, /^scrypt\$131072\$8\$1\$/);
    await logIn(site.db, { email: 'ancien@example.org', password: 'vieux-secret', ip: '192.0.2.201', userAgent: '' });
  });
});
