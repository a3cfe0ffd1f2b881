import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';

test('a hashed password verifies, a wrong one does not', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$/);
  assert.equal(await verifyPassword('correct horse battery', hash), true);
  assert.equal(await verifyPassword('correct horse batterie', hash), false);
  assert.equal(await verifyPassword('x', null), false);
  assert.equal(await verifyPassword('x', 'garbage'), false);
});

test('generated passwords are long and differ', () => {
  const a = generatePassword();
  assert.equal(a.length, 16);
  assert.notEqual(a, generatePassword());
});
