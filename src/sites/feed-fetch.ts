// Fetching a syndicated site's feed without letting a feed address reach inside the network (server-side request
// forgery): only http(s), no credentials; the host name is resolved here and every address it gives is checked
// against the private, loopback, link-local and reserved ranges before the connection is made, to exactly the
// checked address (the request's own `lookup`, so no second resolution can answer differently); an address
// literal is checked as it is. Each redirect (3 at most) is checked again. The whole exchange has a deadline
// (a feed that drips one byte a second is cut), the body a size limit (cut as soon as it passes it).
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { ipRangeMatcher, normalizeAddress } from '../kernel/ip-ranges.ts';

export type FeedFetchProblem = 'bad_url' | 'private_address' | 'timeout' | 'too_large' | 'http_status' | 'network' | 'too_many_redirects' | 'malformed';

export class FeedFetchError extends Error {
  constructor(
    readonly problem: FeedFetchProblem,
    message: string,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export interface FeedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Tests only (config.syndicationAllowLoopback): 127.0.0.0/8 and ::1 may be fetched. */
  allowLoopback: boolean;
}

export const DEFAULT_FEED_LIMITS: FeedFetchLimits = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3, allowLoopback: false };

/** Where a feed may never be fetched from: RFC 1918, loopback, link-local, CGNAT, ULA, multicast, reserved, NAT64. */
const forbidden = ipRangeMatcher([
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', '64:ff9b::/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8',
]);
const loopback = ipRangeMatcher(['127.0.0.0/8', '::1/128']);

/** Whether a feed may be fetched from `address` (an IP, v4 or v6, IPv4-mapped included). */
export function isAllowedAddress(address: string, allowLoopback: boolean): boolean {
  const normal = normalizeAddress(address);
  if (normal === '') return false;
  if (allowLoopback && loopback(normal)) return true;
  return !forbidden(normal);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** The request's name resolution: every address checked, the connection made to a checked one. */
function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: { family?: number; all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '');
      if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, allowLoopback))) {
        return callback(new FeedFetchError('private_address', `l’adresse ${hostname} mène à un réseau privé ou réservé : refusée`), '');
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function checkedUrl(raw: string, allowLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedFetchError('bad_url', `« ${raw.slice(0, 200)} » n’est pas une adresse web`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedFetchError('bad_url', 'seules les adresses http:// et https:// sont lues');
  if (url.username || url.password) throw new FeedFetchError('bad_url', 'une adresse avec identifiants n’est pas lue');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowedAddress(host, allowLoopback)) throw new FeedFetchError('private_address', `l’adresse ${host} est privée ou réservée : refusée`);
  return url;
}

interface Answer {
  status: number;
  location: string | undefined;
  body: Buffer;
  contentType: string;
}

function requestOnce(url: URL, limits: FeedFetchLimits, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(limits.allowLoopback) as never,
        signal,
        headers: { 'user-agent': 'Tisse (syndication)', accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400) {
          response.resume();
          return resolve({ status, location, body: Buffer.alloc(0), contentType: '' });
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > limits.maxBytes) {
          response.destroy();
          return reject(new FeedFetchError('too_large', `le flux dépasse ${Math.round(limits.maxBytes / 1024)} Ko`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            response.destroy();
            reject(new FeedFetchError('too_large', `le flux dépasse ${Math.round(limits.maxBytes / 1024)} Ko`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, location, body: Buffer.concat(chunks), contentType: String(response.headers['content-type'] ?? '') }));
        response.on('error', (error) => reject(error));
      },
    );
    request.on('error', (error) => reject(error));
    request.end();
  });
}

/** The body of the feed at `raw` (redirects followed), or a FeedFetchError saying in French why not. */
export async function fetchFeed(raw: string, limits: FeedFetchLimits = DEFAULT_FEED_LIMITS): Promise<{ url: string; body: Buffer; contentType: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = checkedUrl(raw, limits.allowLoopback);
    for (let redirects = 0; ; redirects++) {
      let answer: Answer;
      try {
        answer = await requestOnce(url, limits, controller.signal);
      } catch (error) {
        if (error instanceof FeedFetchError) throw error;
        if (controller.signal.aborted) throw new FeedFetchError('timeout', `le site n’a pas répondu en ${Math.round(limits.timeoutMs / 1000)} s`);
        throw new FeedFetchError('network', `le site est injoignable (${(error as Error).message.slice(0, 200)})`);
      }
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (redirects >= limits.maxRedirects) throw new FeedFetchError('too_many_redirects', 'trop de redirections');
        url = checkedUrl(new URL(answer.location, url).toString(), limits.allowLoopback);
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) throw new FeedFetchError('http_status', `le site a répondu ${answer.status}`);
      return { url: url.toString(), body: answer.body, contentType: answer.contentType };
    }
  } finally {
    clearTimeout(timer);
  }
}
