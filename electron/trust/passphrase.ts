// Passphrases of clinician accounts, hashed with scrypt (memory-hard, from node:crypto): 2^15 × 8 × 128
// bytes = 32 MiB and about 0.1 s per check, a random 16-byte salt, a 32-byte key. Stored as
// 'scrypt$N$r$p$salt$hash' (base64), so the cost can rise later without breaking stored hashes.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY = 32;
const MAXMEM = 64 * 1024 * 1024;

export function hashPassphrase(passphrase: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(passphrase.normalize('NFC'), salt, KEY, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassphrase(passphrase: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!n || !r || !p || expected.length === 0) return false;
  const key = scryptSync(passphrase.normalize('NFC'), salt, expected.length, { N: n, r, p, maxmem: MAXMEM });
  return timingSafeEqual(key, expected);
}
