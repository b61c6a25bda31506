// Where the database key lives between starts: <userData>/database-key.json, never in clear. Either wrapped
// by the operating system's key store (Electron's safeStorage: Keychain, DPAPI, libsecret/kwallet), or, where
// the system offers none, by a practice passphrase (scrypt, memory-hard, then AES-256-GCM). The file holds
// also the key's fingerprint (cipher.ts keyId) and when the recovery key was confirmed as stored.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assertKey, keyId } from '../db/cipher.ts';
import { fsyncDir } from '../db/recovery.ts';
import { practicePassphraseProblem } from '../../shared/domain/passphrase-rules.ts';

export const KEY_FILE_NAME = 'database-key.json';

/** The operating system's key store as the shell gives it (electron/shell/os-key-store.ts); tests play it. */
export interface OsKeyStore {
  /** False where the key would only be obfuscated (Linux without a keyring: safeStorage's "basic_text"). */
  available(): boolean;
  /** A name for the user ("macOS Keychain", "Windows DPAPI", "GNOME libsecret"...). */
  name(): string;
  encrypt(secret: string): Buffer;
  decrypt(wrapped: Buffer): string;
}

interface PassphraseSlot {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}

export interface KeyFile {
  format: 1;
  keyId: string;
  protection: 'os' | 'passphrase';
  createdAt: string;
  recoveryConfirmedAt: string | null;
  /** When the practice passphrase was last changed (absent: never since the key file was made). */
  passphraseChangedAt?: string;
  os?: { store: string; wrapped: string };
  passphrase?: PassphraseSlot;
  /**
   * A new key being put in place of this one (electron/vault/key-change.ts), protected the same way; its
   * recoveryConfirmedAt is set once its recovery key was typed back, and from then on the files are
   * re-encrypted (resumed at the next start after a crash). Absent otherwise.
   */
  pending?: Omit<KeyFile, 'pending'> & {
    /** The second backup folder (Settings), noted at the confirmation: its copies are re-encrypted too, also when resumed at a start. */
    secondFolder?: string | null;
  };
}

/** scrypt 2^17 × 8 × 128 bytes = 128 MiB and about 0.4 s here: once per start, and costly to guess at. */
const SCRYPT = { N: 1 << 17, r: 8, p: 1 } as const;
const MAXMEM = 256 * 1024 * 1024;

export function keyFilePath(dataDirectory: string): string {
  return path.join(dataDirectory, KEY_FILE_NAME);
}

export function readKeyFile(dataDirectory: string): KeyFile | null {
  const file = keyFilePath(dataDirectory);
  if (!fs.existsSync(file)) return null;
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFile>;
  } catch {
    throw new Error(`The key file ${file} cannot be read. The recovery key opens the record instead.`);
  }
  if (parsed.format !== 1 || typeof parsed.keyId !== 'string' || (parsed.protection !== 'os' && parsed.protection !== 'passphrase')) {
    throw new Error(`The key file ${file} is not one this version understands. The recovery key opens the record instead.`);
  }
  return parsed as KeyFile;
}

export function writeKeyFile(dataDirectory: string, content: KeyFile): void {
  fs.mkdirSync(dataDirectory, { recursive: true });
  const file = keyFilePath(dataDirectory);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(content, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  // The rename itself made durable: a crash right after must not bring back the old file.
  fsyncDir(dataDirectory);
}


function kek(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: MAXMEM });
}

function wrapWithPassphrase(key: Buffer, passphrase: string): PassphraseSlot {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek(passphrase, salt, SCRYPT), iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

function unwrapWithPassphrase(slot: PassphraseSlot, passphrase: string): Buffer | null {
  if (slot.kdf !== 'scrypt' || slot.N > 1 << 20 || slot.r > 32 || slot.p > 16) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', kek(passphrase, Buffer.from(slot.salt, 'base64'), slot), Buffer.from(slot.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A key file for `key`: wrapped by the OS key store when it is available, else by the passphrase (required then). */
export function protectKey(key: Buffer, options: { osStore: OsKeyStore | null; passphrase?: string; at: Date; recoveryConfirmedAt?: string | null }): KeyFile {
  assertKey(key);
  const base = { format: 1 as const, keyId: keyId(key), createdAt: options.at.toISOString(), recoveryConfirmedAt: options.recoveryConfirmedAt ?? null };
  if (options.osStore?.available()) {
    return { ...base, protection: 'os', os: { store: options.osStore.name(), wrapped: options.osStore.encrypt(key.toString('hex')).toString('base64') } };
  }
  if (options.passphrase === undefined) throw new Error('This computer offers no secure key store: a practice passphrase is needed.');
  const problem = practicePassphraseProblem(options.passphrase);
  if (problem) throw new Error(problem);
  return { ...base, protection: 'passphrase', passphrase: wrapWithPassphrase(key, options.passphrase) };
}

export type Unwrapped = { ok: true; key: Buffer } | { ok: false; reason: 'needs-passphrase' | 'wrong-passphrase' | 'os-store-failed' };

/** The key from its file; a key that does not match the file's fingerprint counts as a failure. */
export function unwrapKey(file: KeyFile, options: { osStore: OsKeyStore | null; passphrase?: string }): Unwrapped {
  let key: Buffer | null;
  if (file.protection === 'os') {
    if (!file.os || !options.osStore?.available()) return { ok: false, reason: 'os-store-failed' };
    try {
      key = Buffer.from(options.osStore.decrypt(Buffer.from(file.os.wrapped, 'base64')), 'hex');
    } catch {
      return { ok: false, reason: 'os-store-failed' };
    }
    return key.length === 32 && keyId(key) === file.keyId ? { ok: true, key } : { ok: false, reason: 'os-store-failed' };
  }
  if (options.passphrase === undefined || !file.passphrase) return { ok: false, reason: 'needs-passphrase' };
  key = unwrapWithPassphrase(file.passphrase, options.passphrase);
  return key && keyId(key) === file.keyId ? { ok: true, key } : { ok: false, reason: 'wrong-passphrase' };
}

/**
 * The same key under a new practice passphrase: the current one must unwrap it first. The key, and so the
 * recovery key and every backup, stay as they are. Null when `current` is not the passphrase.
 */
export function changePassphrase(file: KeyFile, current: string, next: string, at: Date): KeyFile | null {
  if (file.protection !== 'passphrase' || !file.passphrase) throw new Error('The key is kept by the system key store here, not by a practice passphrase.');
  const key = unwrapWithPassphrase(file.passphrase, current);
  if (!key || keyId(key) !== file.keyId) return null;
  const problem = practicePassphraseProblem(next);
  if (problem) throw new Error(problem);
  if (next.normalize('NFC') === current.normalize('NFC')) throw new Error('The new passphrase is the current one. Choose another.');
  return { ...file, passphrase: wrapWithPassphrase(key, next), passphraseChangedAt: at.toISOString() };
}
