// Password hashing with scrypt (node:crypto): no native dependency, memory-hard, parameters stored in the hash
// (`scrypt$N$r$p$salt$key`) so they can be raised without invalidating old hashes: a login with a hash made
// under other parameters rehashes the password (needsRehash). N=2^17, r=8, p=1 is OWASP's current minimum;
// each hash takes 128 MiB for a fraction of a second, and at most as many run at once as libuv has threads (4).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

export const SCRYPT_PARAMETERS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Hashes stored with parameters beyond these are refused rather than computed (a crafted hash must not exhaust memory). */
const MAX_N = 2 ** 20;
const MAX_R = 16;
const MAX_P = 4;

/** scrypt needs 128·N·r bytes; Node refuses above maxmem (32 MiB by default). */
function maxmem(N: number, r: number): number {
  return 128 * N * r + 16 * 1024 * 1024;
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMETERS;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string | null): StoredHash | undefined {
  if (!stored) return undefined;
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !key) return undefined;
  const [N, r, p] = [Number(n), Number(rr), Number(pp)];
  if (![N, r, p].every(Number.isSafeInteger) || N < 2 || N > MAX_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  return { N, r, p, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const hash = parseHash(stored);
  if (!hash) return false;
  const actual = await scrypt(password.normalize('NFC'), hash.salt, hash.key.length, { N: hash.N, r: hash.r, p: hash.p, maxmem: maxmem(hash.N, hash.r) });
  return timingSafeEqual(actual, hash.key);
}

/** True when a (verified) hash was made with other parameters than today's: the login stores a new one. */
export function needsRehash(stored: string): boolean {
  const hash = parseHash(stored);
  const { N, r, p } = SCRYPT_PARAMETERS;
  return !hash || hash.N !== N || hash.r !== r || hash.p !== p || hash.key.length !== KEY_LENGTH;
}

let dummyHash: Promise<string> | undefined;

/**
 * The work of checking a password when there is no hash to check it against (unknown email, disabled account,
 * imported account without a password): the same scrypt as a real check, against a hash of a random password,
 * so the answer takes as long and a login's timing does not tell which emails have an account. Always false.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(password, await dummyHash);
  return false;
}

/** A random password people can type: 16 characters without look-alikes (0/O, 1/l/I). */
export function generatePassword(length = 16): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}
