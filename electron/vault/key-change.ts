// Replacing the record's key with a new one (and so its recovery key): asked from Settings → Encryption
// when the recovery key was lost, or seen by someone who should not have it. The new key is written to the
// key file as `pending` first, protected like the current one; its recovery key is shown and must be typed
// back; then, with the record closed, every encrypted file is re-encrypted (db/rekey-record.ts) and the key
// file keeps only the new key. A crash after the confirmation resumes at the next start; a file that cannot
// be re-encrypted puts the ones already done back under the current key, and the current key stays.
import type Database from 'better-sqlite3-multiple-ciphers';
import { newDatabaseKey } from '../db/cipher.ts';
import { keyOpensFile, openWithKey } from '../db/sqlite.ts';
import { protectKey, unwrapKey, type KeyFile, type OsKeyStore } from './key-file.ts';

/** The key file with a new key pending beside the current one (not yet confirmed), and that key. */
export function withPendingKey(file: KeyFile, options: { osStore: OsKeyStore | null; passphrase?: string; at: Date }): { file: KeyFile; next: Buffer } {
  const next = newDatabaseKey();
  const pending =
    file.protection === 'os'
      ? protectKey(next, { osStore: options.osStore, at: options.at })
      : protectKey(next, { osStore: null, ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}), at: options.at });
  if (pending.protection !== file.protection) throw new Error('The system key store is not available now: the key cannot be replaced here.');
  return { file: { ...file, pending: { ...pending, recoveryConfirmedAt: null } }, next };
}

/** The pending key, unwrapped like the current one; null when there is none or it does not unwrap. */
export function unwrapPending(file: KeyFile, options: { osStore: OsKeyStore | null; passphrase?: string }): Buffer | null {
  if (!file.pending) return null;
  const unwrapped = unwrapKey(file.pending, options);
  return unwrapped.ok ? unwrapped.key : null;
}

/** The key file once every file is under the pending key: that key alone. */
export function promotePending(file: KeyFile): KeyFile {
  if (!file.pending) throw new Error('there is no pending key');
  const { secondFolder: _noted, ...next } = file.pending;
  return next;
}

/** The second backup folder the record's settings name (read with the key that opens the live file), or null. */
export function secondFolderOf(databaseFile: string, keys: Buffer[]): string | null {
  for (const key of keys) {
    if (!keyOpensFile(databaseFile, key)) continue;
    const db = openWithKey(databaseFile, key, { readonly: true });
    try {
      const value = db.prepare("SELECT value FROM settings WHERE key = 'backupFolder'").pluck().get() as string | undefined;
      const folder = value === undefined ? null : (JSON.parse(value) as unknown);
      return typeof folder === 'string' && folder.length > 0 ? folder : null;
    } catch {
      return null;
    } finally {
      db.close();
    }
  }
  return null;
}

/** The key change written to the record's audit log (ids of the keys only, never a key). */
export function auditVaultEvent(db: Database.Database, entity: 'practice_passphrase' | 'database_key', entityId: string, after: Record<string, unknown>): void {
  db.prepare("INSERT INTO audit_log (at, author, action, entity, entity_id, before, after) VALUES (audit_now(), audit_author(), 'update', ?, ?, NULL, ?)").run(
    entity,
    entityId,
    JSON.stringify(after),
  );
}

