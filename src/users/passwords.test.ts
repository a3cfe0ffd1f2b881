import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './passwords.ts';

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

test('hashes use OWASP’s scrypt parameters (N=2^17, r=8, p=1) and say so; older ones need a rehash', async () => {
  const hash = await hashPassword('correct horse battery');
  assert.match(hash, /^scrypt\$131072\$8\$1\$/);
  assert.equal(needsRehash(hash), false);
  assert.equal(needsRehash(hash.replace('$131072$', '$16384$')), true);
});

test('a stored hash asking for absurd parameters is refused, not computed', async () => {
  const hash = await hashPassword('secret');
  assert.equal(await verifyPassword('secret', hash.replace('$131072$', `$${2 ** 30}$`)), false);
  assert.equal(await verifyPassword('secret', hash.replace('$8$1$', '$8$1000$')), false);
});

test('checking against nothing does the work of a real check and always fails', async () => {
  assert.equal(await verifyAgainstNothing('secret'), false);
});
