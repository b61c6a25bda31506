// What Settings → Encryption asks of the open record's key: a new practice passphrase, a new key (its
// change is finished by the gate, key-change.ts), and the removal of unencrypted copies after a checked backup.
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../backend.ts';
import { inspectBackup, type DataPaths } from '../db/backup.ts';
import { fileFormat, keyId } from '../db/cipher.ts';
import { listUnencryptedCopies, removeUnencryptedCopies } from '../db/unencrypted-copies.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { PassphraseAttempts } from './attempts.ts';
import { auditVaultEvent, withPendingKey } from './key-change.ts';
import { changePassphrase, readKeyFile, unwrapKey, writeKeyFile, type KeyFile, type OsKeyStore } from './key-file.ts';

/** The practice passphrase replaced, the current one as proof; recorded in the audit log (never the passphrase). */
export async function changePracticePassphrase(
  dataDirectory: string,
  backend: Backend,
  input: { current: string; next: string },
  at: Date,
  attempts: PassphraseAttempts,
): Promise<KeyFile> {
  const file = readKeyFile(dataDirectory);
  if (!file || file.protection !== 'passphrase') throw new AppError('CONFLICT', 'The key is kept by the system key store on this computer: there is no practice passphrase to change.');
  await attempts.wait();
  let changed: KeyFile | null;
  try {
    changed = changePassphrase(file, input.current, input.next, at);
  } catch (err) {
    throw new AppError('BAD_INPUT', (err as Error).message);
  }
  if (!changed) {
    attempts.failed('vault passphrase change', 'wrong current practice passphrase');
    throw new AppError('FORBIDDEN', 'That is not the current practice passphrase. Nothing was changed.');
  }
  attempts.succeeded();
  writeKeyFile(dataDirectory, changed);
  auditVaultEvent(backend.db, 'practice_passphrase', changed.keyId, { changedAt: changed.passphraseChangedAt });
  return changed;
}

/** A new key written beside the current one as pending (the practice passphrase asked where it keeps the key). */
export async function beginKeyChange(
  dataDirectory: string,
  current: Buffer,
  input: { passphrase?: string },
  options: { osStore: OsKeyStore | null; at: Date; attempts: PassphraseAttempts },
): Promise<Buffer> {
  const file = readKeyFile(dataDirectory);
  if (!file) throw new AppError('CONFLICT', 'The key file is missing.');
  if (file.protection === 'passphrase') {
    if (input.passphrase === undefined) throw new AppError('BAD_INPUT', 'Type the practice passphrase: it protects the new key too.');
    await options.attempts.wait();
    const unwrapped = unwrapKey(file, { osStore: options.osStore, passphrase: input.passphrase });
    if (!unwrapped.ok || keyId(unwrapped.key) !== keyId(current)) {
      options.attempts.failed('vault key change', 'wrong practice passphrase');
      throw new AppError('FORBIDDEN', 'That is not the practice passphrase. Nothing was changed.');
    }
    options.attempts.succeeded();
  }
  let made: { file: KeyFile; next: Buffer };
  try {
    made = withPendingKey(file, { osStore: options.osStore, ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}), at: options.at });
  } catch (err) {
    throw new AppError('BAD_INPUT', (err as Error).message);
  }
  writeKeyFile(dataDirectory, made.file);
  return made.next;
}

/** The unencrypted copies overwritten and removed, once a fresh encrypted backup has been made and checked. */
export async function removeUnencryptedAfterBackup(
  paths: DataPaths,
  migrationsDir: string,
  backend: Backend,
  logError?: (where: string, err: unknown) => void,
): Promise<{ removed: number; bytes: number; backup: string }> {
  const copies = listUnencryptedCopies(paths);
  if (copies.length === 0) throw new AppError('NOT_FOUND', 'There are no unencrypted copies to remove.');
  // A fresh encrypted backup first, checked: only then is the last unencrypted copy given up.
  const made = await backend.dispatch('backup:now', {});
  if (!made.ok) throw new AppError(made.error.code, `No backup could be made, so nothing was removed: ${made.error.message}`);
  const name = (made.value as { name: string }).name;
  const backupFile = path.join(paths.backupDir, name);
  if (fileFormat(backupFile) !== 'encrypted' || !inspectBackup(backupFile, migrationsDir).ok) {
    throw new AppError('DATABASE', `The new backup ${name} did not pass its check, so nothing was removed.`);
  }
  const result = removeUnencryptedCopies(copies.filter((c) => fs.existsSync(c.file) && c.file !== backupFile));
  logError?.('vault', new Error(`removed ${result.removed} unencrypted copies after the encrypted backup ${name}`));
  return { ...result, backup: name };
}
