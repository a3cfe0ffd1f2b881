// IP addresses and ranges (CIDR) for TISSE_TRUSTED_PROXIES: parsing a list, normalising an address as sockets and
// proxies write it (IPv4-mapped IPv6, brackets, ports, zone ids), and testing whether an address is in the list.
import { BlockList, isIP } from 'node:net';

/** `::ffff:192.0.2.1` → `192.0.2.1`, `[2001:db8::1]:443` → `2001:db8::1`, `192.0.2.1:8080` → `192.0.2.1`; '' when not an address. */
export function normalizeAddress(raw: string): string {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : '';
}

export type IpRangeParse = { ok: true; ranges: string[] } | { ok: false; invalid: string };

/** A comma-separated list of addresses and CIDR ranges (`10.0.0.0/8, ::1, 192.0.2.7`). */
export function parseIpRanges(text: string): IpRangeParse {
  const ranges: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || rest.length || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) return { ok: false, invalid: entry };
    ranges.push(bits === undefined ? address : `${address}/${bits}`);
  }
  return { ok: true, ranges };
}

/** A test for membership in `ranges` (as parseIpRanges gives them); IPv4 addresses also match as IPv4-mapped IPv6. */
export function ipRangeMatcher(ranges: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) {
    const [address = '', bits] = range.split('/');
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (raw) => {
    const address = normalizeAddress(raw);
    return address !== '' && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
  };
}
