// The practice recovery key: the database key itself, written for people. Printed or stored at first
// start; typed in on a new computer, or when the operating system's key store no longer has the key.
// 32 key bytes and a 2-byte check, in Crockford's base32 (no I, L, O, U; read back case-blind, with O as 0
// and I or L as 1) in eleven groups of five: 55 characters a person can copy without a typo going unnoticed.
import crypto from 'node:crypto';
import { KEY_BYTES } from '../db/cipher.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

function check(key: Buffer): Buffer {
  return crypto.createHash('sha256').update('toxinmap recovery key\0').update(key).digest().subarray(0, 2);
}

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return Buffer.from(out);
}

export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error(`a database key is ${KEY_BYTES} bytes`);
  const text = toBase32(Buffer.concat([key, check(key)]));
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP));
  return groups.join('-');
}

export type ParsedRecoveryKey = { ok: true; key: Buffer } | { ok: false; error: string };

/** Reads a recovery key as typed: spaces, dashes and case do not matter; a typo is caught by its check. */
export function parseRecoveryKey(typed: string): ParsedRecoveryKey {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expected = Math.ceil(((KEY_BYTES + 2) * 8) / 5);
  if (cleaned.length !== expected) {
    return { ok: false, error: `A recovery key has ${expected} letters and digits (11 groups of 5); this one has ${Math.min(cleaned.length, 999)}.` };
  }
  const bytes = fromBase32(cleaned);
  if (!bytes) return { ok: false, error: 'A recovery key holds only the digits 0-9 and the letters A-Z without U; check what was typed.' };
  const key = bytes.subarray(0, KEY_BYTES);
  if (!bytes.subarray(KEY_BYTES, KEY_BYTES + 2).equals(check(key))) {
    return { ok: false, error: 'This recovery key has a typo: its check does not match. Compare it group by group with the printed sheet.' };
  }
  return { ok: true, key: Buffer.from(key) };
}
