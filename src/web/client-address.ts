// The address of the client behind a request, for throttling and the forum's limits. It is the socket's address,
// unless that is a reverse proxy listed in TISSE_TRUSTED_PROXIES: then X-Forwarded-For is read from the right
// (each proxy appends the address it saw), skipping the trusted proxies, and the first address that is not one
// of them is the client. Entries left of it were written by the client itself and are never believed.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppContext } from './context.ts';
import { ipRangeMatcher, normalizeAddress } from '../kernel/ip-ranges.ts';

export function clientAddress(socket: string, forwardedFor: string | undefined, trusted: (address: string) => boolean): string {
  const peer = normalizeAddress(socket) || socket;
  if (!forwardedFor || !trusted(peer)) return peer;
  const hops = forwardedFor.split(',').map((hop) => hop.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    // Something that is not an address was not written by a proxy we trust to write addresses: stop at the last sure hop.
    if (!hop) return client;
    client = hop;
    if (!trusted(hop)) return hop;
  }
  return client;
}

const matchers = new WeakMap<readonly string[], (address: string) => boolean>();

function trustedProxies(ranges: readonly string[]): (address: string) => boolean {
  let matcher = matchers.get(ranges);
  if (!matcher) matchers.set(ranges, (matcher = ipRangeMatcher(ranges)));
  return matcher;
}

/** This request's client address ('' when the server cannot tell, e.g. under app.request in tests). */
export function clientIp(c: Context): string {
  let socket: string;
  try {
    socket = getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
  const app = c.get('app') as AppContext;
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustedProxies(app.config.trustedProxies));
}
