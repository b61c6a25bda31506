// Encryption at rest: every database file of the app (the live file, its WAL, every backup) is encrypted
// with SQLCipher v4 through SQLite3MultipleCiphers (better-sqlite3-multiple-ciphers).
//
// Why SQLCipher v4 and not the library's default ChaCha20-Poly1305: SQLCipher's format (AES-256-CBC per page,
// HMAC-SHA512 per page, so a changed page is detected, not just garbled) is the one other tools read. A
// practice's IT, or a support engineer with the recovery key, can open a backup with the sqlcipher command
// line or DB Browser for SQLite without this app. Its speed on machines with AES instructions is within the
// issue's target (npm run bench prints encrypted and plain side by side).
//
// The key is 32 random bytes (electron/vault/), given to SQLite as a raw key (x'…'): no key derivation runs
// at open (a derived key would cost about 130 ms per connection here), because a random key needs none.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';

export const KEY_BYTES = 32;
export const CIPHER_NAME = 'SQLCipher v4 (AES-256-CBC, HMAC-SHA512 per page)';

/** What a file on disk is, read from its first 16 bytes (an unencrypted SQLite file starts with a fixed header). */
export type FileFormat = 'missing' | 'empty' | 'plain' | 'encrypted';

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function fileFormat(file: string): FileFormat {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read === 0) return 'empty';
    return read === 16 && head.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

export function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new Error(`a database key is ${KEY_BYTES} bytes`);
}

/** A new random database key. */
export function newDatabaseKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

/** A short fingerprint of a key (never the key): tells which key a file or a key file belongs to. */
export function keyId(key: Buffer): string {
  return crypto.createHash('sha256').update('toxinmap database key id\0').update(key).digest('hex').slice(0, 16);
}

function cipherPragmas(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/**
 * Gives a fresh connection its key; must come before anything reads the file. A wrong key shows only at the
 * first read, as SQLITE_NOTADB ("file is not a database").
 */
export function applyKey(db: Database.Database, key: Buffer): void {
  assertKey(key);
  cipherPragmas(db);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * Encrypts an unencrypted database file where it lies (SQLite3MultipleCiphers rewrites every page in one
 * transaction with a rollback journal). Used on copies only: a copy of the live file when an unencrypted
 * record is migrated, an old unencrypted backup being restored. `open` opens the file without a key.
 */
export function encryptFileInPlace(file: string, key: Buffer, open: (file: string) => Database.Database): void {
  assertKey(key);
  const db = open(file);
  try {
    db.pragma('journal_mode = DELETE');
    cipherPragmas(db);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  if (fileFormat(file) !== 'encrypted') throw new Error('the copy is still unencrypted after encrypting it');
}

/**
 * The database file is encrypted and the key at hand does not open it (nor any backup): a key file from
 * another installation, a restored operating-system keychain, a new computer. Not damage: the shell asks
 * for the recovery key instead of offering a backup.
 */
export class LockedDatabaseError extends Error {
  constructor(readonly file: string) {
    super(
      `The patient database (${file}) is encrypted and the key on this computer does not open it. ` +
        'Enter the practice recovery key to open it. Without the key or the recovery key the data cannot be read.',
    );
    this.name = 'LockedDatabaseError';
  }
}
