// The client address (issue 15): the socket's address unless it is a trusted proxy; then the right-most address
// of X-Forwarded-For that is not a trusted proxy. What a client writes into the header itself is never believed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddress } from './client-address.ts';
import { ipRangeMatcher, normalizeAddress, parseIpRanges } from '../kernel/ip-ranges.ts';
import { ConfigError, loadConfig } from '../kernel/config.ts';

const trusting = (list: string) => {
  const parsed = parseIpRanges(list);
  assert.ok(parsed.ok);
  return ipRangeMatcher(parsed.ranges);
};

test('without trusted proxies, X-Forwarded-For is ignored', () => {
  const none = trusting('');
  assert.equal(clientAddress('198.51.100.7', '1.2.3.4', none), '198.51.100.7');
  assert.equal(clientAddress('::ffff:198.51.100.7', undefined, none), '198.51.100.7');
});

test('behind trusted proxies, the right-most untrusted hop is the client', () => {
  const proxies = trusting('10.0.0.0/8, 127.0.0.1, 2001:db8::/32');
  assert.equal(clientAddress('127.0.0.1', '203.0.113.9', proxies), '203.0.113.9');
  assert.equal(clientAddress('::ffff:127.0.0.1', '203.0.113.9', proxies), '203.0.113.9', 'IPv4-mapped socket address');
  // A forged first entry is left of the real client: never read.
  assert.equal(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.9, 10.0.0.5', proxies), '203.0.113.9');
  assert.equal(clientAddress('2001:db8::1', '[2001:db8:ffff::2]:443, 192.0.2.44:5123', proxies), '192.0.2.44');
  // Every hop trusted: the left-most is as far as we can see.
  assert.equal(clientAddress('127.0.0.1', '10.0.0.7, 10.0.0.5', proxies), '10.0.0.7');
  // Garbage written where an address should be: stop at the last address we are sure of.
  assert.equal(clientAddress('127.0.0.1', 'nonsense', proxies), '127.0.0.1');
  assert.equal(clientAddress('127.0.0.1', '', proxies), '127.0.0.1');
  // A socket that is not a trusted proxy: its header is the client's own writing.
  assert.equal(clientAddress('203.0.113.50', '10.0.0.1', proxies), '203.0.113.50');
});

test('addresses are normalised as sockets and proxies write them', () => {
  assert.equal(normalizeAddress('::FFFF:192.0.2.1'), '192.0.2.1');
  assert.equal(normalizeAddress('[2001:DB8::1]:8080'), '2001:db8::1');
  assert.equal(normalizeAddress('fe80::1%eth0'), 'fe80::1');
  assert.equal(normalizeAddress('192.0.2.1:80'), '192.0.2.1');
  assert.equal(normalizeAddress('unknown'), '');
});

test('TISSE_TRUSTED_PROXIES: addresses and CIDR ranges, anything else refused at start', () => {
  assert.deepEqual(loadConfig({ TISSE_TRUSTED_PROXIES: '10.0.0.0/8, ::1,192.0.2.7' }).trustedProxies, ['10.0.0.0/8', '::1', '192.0.2.7']);
  assert.deepEqual(loadConfig({}).trustedProxies, []);
  for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2', '::1/129']) {
    assert.throws(() => loadConfig({ TISSE_TRUSTED_PROXIES: bad }), (e: unknown) => e instanceof ConfigError && e.message.includes('TISSE_TRUSTED_PROXIES'), bad);
  }
});
