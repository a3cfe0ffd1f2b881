// URL policy: only http:, https:, mailto: and relative URLs reach an attribute. The URL is read the way
// a browser reads an attribute value (character references decoded, tabs and newlines removed, leading
// and trailing controls and spaces stripped) before its scheme is judged, so `java&#x09;script:` and
// `\u0001javascript:` are seen for what they are.
import { decodeHTMLAttribute } from 'entities';

export type UrlUse = 'link' | 'resource';

export function safeUrl(raw: string, use: UrlUse = 'link'): string | null {
  let url = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
  // what the URL parser strips or ignores
  url = url.replace(/[\t\n\r]/g, '');
  let a = 0;
  let b = url.length;
  while (a < b && url.charCodeAt(a) <= 32) a++;
  while (b > a && url.charCodeAt(b - 1) <= 32) b--;
  url = url.slice(a, b);
  if (/[\u0000-\u001f\u007f]/.test(url)) return null;
  if (url === '') return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) {
    const s = (scheme[1] as string).toLowerCase();
    if (s === 'http' || s === 'https') return url;
    if (s === 'mailto' && use === 'link') return url;
    return null;
  }
  // no recognisable scheme: refuse anything that a lenient parser might still read as one
  const firstDelim = url.search(/[/?#]/);
  const head = firstDelim >= 0 ? url.slice(0, firstDelim) : url;
  if (head.includes(':')) return null;
  if (url.startsWith('\\') || url.startsWith('/\\')) return null;
  return url;
}

/** Host of an absolute http(s) URL, lower-cased, or null. */
export function urlHost(url: string): string | null {
  const m = /^https?:\/\/([^/?#:@\s]+)(?::\d+)?(?:[/?#]|$)/i.exec(url);
  return m ? (m[1] as string).toLowerCase() : null;
}
