// The gate in front of the record: finds the database key (the OS key store, the practice passphrase or
// the recovery key), makes one at a first start (showing the recovery key until the user confirms it is
// stored), then opens the record with it. Until then every app channel answers LOCKED. Plain Node: main
// uses it with Electron's safeStorage, the end-to-end tests with a key store they play.
import path from 'node:path';
import type { Backend } from '../backend.ts';
import { dataPaths, encryptedRecordFiles } from '../db/backup.ts';
import { CIPHER_NAME, fileFormat, keyId, LockedDatabaseError, newDatabaseKey } from '../db/cipher.ts';
import { keyOpensFile } from '../db/sqlite.ts';
import { listUnencryptedCopies } from '../db/unencrypted-copies.ts';
import type { Dispatch } from '../dispatch.ts';
import { AppError, type Envelope } from '../../shared/ipc/result.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { protectKey, readKeyFile, unwrapKey, writeKeyFile, type KeyFile, type OsKeyStore } from './key-file.ts';
import { passphraseAttempts } from './attempts.ts';
import { auditVaultEvent, promotePending, secondFolderOf, unwrapPending } from './key-change.ts';
import { runTask, type SpawnWorker } from '../workers/run-task.ts';
import { beginKeyChange, changePracticePassphrase, removeUnencryptedAfterBackup } from './open-actions.ts';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
import { createVaultDispatch, type VaultHandlers } from './vault-dispatch.ts';

export interface VaultGateOptions {
  dataDirectory: string;
  migrationsDir: string;
  osStore: OsKeyStore | null;
  now?: () => Date;
  /**
   * Opens the record with the key (main: the damage dialogs of startWithRecovery around startBackend;
   * tests: startBackend). Null: it could not be opened and the user chose to quit. Throws
   * LockedDatabaseError when the key is not this record's.
   */
  start: (key: Buffer) => Promise<Backend | null>;
  logError?: (where: string, err: unknown) => void;
  /** Milliseconds before answering after failed passphrase attempts (tests set it to 0). */
  failureDelay?: (failures: number) => number;
  /** The data worker (main.ts), where a key change re-encrypts the files so the window never freezes; absent: in-process. */
  spawnWorker?: SpawnWorker;
  nativeBinding?: string;
}

export interface VaultGate {
  /** Decides the first state and opens the record at once when nothing is asked of the user. */
  begin(): Promise<VaultStatus>;
  dispatchVault(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** The app's channels: the backend's dispatcher once the record is open, LOCKED before. */
  dispatchApp: Dispatch;
  backend(): Backend | null;
  close(): void;
}

export function createVaultGate(options: VaultGateOptions): VaultGate {
  const now = options.now ?? (() => new Date());
  const paths = dataPaths(options.dataDirectory);
  const storeName = () => (options.osStore?.available() ? options.osStore.name() : null);
  let status: VaultStatus = { state: 'closed', message: 'The record has not been opened yet.' };
  let key: Buffer | null = null;
  /** The new key while the record's key is being replaced (key-change.ts). */
  let nextKey: Buffer | null = null;
  /** Files re-encrypted of all, while a key change runs. */
  let rekeyProgress: { done: number; total: number } | null = null;
  let backend: Backend | null = null;
  const attempts = passphraseAttempts(options.failureDelay, options.logError);

  const knownKeyId = (): string | null => {
    try {
      return readKeyFile(options.dataDirectory)?.keyId ?? null;
    } catch {
      return null;
    }
  };

  const encryptedFiles = () => encryptedRecordFiles(paths);

  function openStatus(file: KeyFile): VaultStatus {
    return {
      state: 'open',
      protection: file.protection,
      store: file.os?.store ?? null,
      keyId: file.keyId,
      cipher: CIPHER_NAME,
      createdAt: file.createdAt,
      recoveryConfirmedAt: file.recoveryConfirmedAt,
      passphraseChangedAt: file.passphraseChangedAt ?? null,
      unencryptedCopies: listUnencryptedCopies(paths),
    };
  }

  function recoveryKeyStatus(k: Buffer): Extract<VaultStatus, { state: 'recovery-key' }> {
    return { state: 'recovery-key', recoveryKey: formatRecoveryKey(k), groups: 11 };
  }

  async function open(k: Buffer): Promise<VaultStatus> {
    key = k;
    try {
      backend = await options.start(k);
    } catch (err) {
      key = null;
      if (err instanceof LockedDatabaseError) {
        status = {
          state: 'recover',
          reason:
            'The key kept on this computer does not open the record in this folder: the folder may come from another computer, ' +
            'or the file is damaged. The recovery key of the practice that made the record opens it.',
          store: storeName(),
        };
        return status;
      }
      options.logError?.('vault open', err);
      status = { state: 'closed', message: `The record could not be opened: ${(err as Error).message}` };
      return status;
    }
    if (!backend) {
      status = { state: 'closed', message: 'The record was not opened.' };
      return status;
    }
    const file = readKeyFile(options.dataDirectory);
    status = file ? openStatus(file) : { state: 'closed', message: 'The key file disappeared while opening.' };
    return status;
  }

  /** After a key is known: a key change to show or finish, the recovery key first if never confirmed, else open. */
  async function proceed(k: Buffer, file: KeyFile, passphrase?: string): Promise<VaultStatus> {
    const next = unwrapPending(file, { osStore: options.osStore, ...(passphrase !== undefined ? { passphrase } : {}) });
    if (file.pending && next) {
      key = k;
      nextKey = next;
      // Not confirmed yet: the new recovery key again (or cancelled); confirmed: a change a crash interrupted, finished now.
      if (!file.pending.recoveryConfirmedAt) {
        status = { ...recoveryKeyStatus(next), replacing: true };
        return status;
      }
      return replaceKey();
    }
    if (file.pending) options.logError?.('vault', new Error('a pending key change whose key does not unwrap was left as it is'));
    if (!file.recoveryConfirmedAt) {
      key = k;
      status = recoveryKeyStatus(k);
      return status;
    }
    return open(k);
  }

  /** A key change waits for the day's backup and refuses while a backup, restore, export or import runs (they hold the files). */
  async function requireNoTask(): Promise<void> {
    if (!backend) return;
    await backend.startupBackup;
    const task = await backend.dispatch('task:progress', {});
    if (task.ok && task.value) {
      throw new AppError('CONFLICT', `A ${(task.value as { task: string }).task} is running. Replace the key when it has finished.`);
    }
  }

  /**
   * Re-encrypts every file of the record under the pending key, the record closed, then keeps only that
   * key; on a failure the files go back under the current key, which stays. Either way the record reopens.
   */
  async function replaceKey(): Promise<VaultStatus> {
    const from = key;
    const to = nextKey;
    if (!from || !to) throw new AppError('CONFLICT', 'There is no key change to finish.');
    backend?.close();
    backend = null;
    const secondFolder = readKeyFile(options.dataDirectory)?.pending?.secondFolder ?? null;
    const outcome = await runTask(
      options.spawnWorker ?? null,
      {
        task: 'rekey', databaseFile: paths.file, migrationsDir: options.migrationsDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        dataDirectory: options.dataDirectory, secondFolder, from: from.toString('hex'), to: to.toString('hex'),
      },
      (p) => {
        rekeyProgress = { done: p.done, total: p.total };
      },
    ).finally(() => {
      rekeyProgress = null;
    });
    if (!outcome.ok) options.logError?.('vault key change', new Error(`the key was not replaced: ${outcome.error ?? 'unknown'}`));
    const file = readKeyFile(options.dataDirectory);
    if (!file?.pending) throw new Error('the key file lost its pending key during the key change');
    nextKey = null;
    if (!outcome.ok) {
      const { pending: _dropped, ...current } = file;
      writeKeyFile(options.dataDirectory, current);
      const reopened = await open(from);
      if (reopened.state !== 'open') return reopened;
      status = {
        ...reopened,
        notice: { kind: 'error', message: `The key was not replaced; the record stays under its current key and recovery key (${outcome.error ?? 'a file could not be re-encrypted'}). The new recovery key is not valid: destroy it.` },
      };
      return status;
    }
    writeKeyFile(options.dataDirectory, promotePending(file));
    const opened = await open(to);
    // (open() has set the backend again; the compiler still sees the null set above.)
    const live = backend as Backend | null;
    if (opened.state !== 'open' || !live) return opened;
    const { rekeyed, already, unreadable } = outcome.result;
    const others = rekeyed.length + already.length - 1;
    auditVaultEvent(live.db, 'database_key', keyId(to), { previousKeyId: keyId(from), filesReencrypted: rekeyed.length + already.length, filesLeft: unreadable.length });
    options.logError?.('vault', new Error(`database key replaced: ${rekeyed.length + already.length} files re-encrypted, ${unreadable.length} left (no key of this record opens them)`));
    status = {
      ...opened,
      notice: {
        kind: 'info',
        message:
          `The key was replaced: the record and its ${others} ${others === 1 ? 'other file' : 'other files'} (backups and kept copies) are encrypted with the new key. The old recovery key opens nothing any more: destroy it.` +
          (unreadable.length > 0 ? ` ${unreadable.length} older files that neither key opens were left as they were: ${unreadable.map((f) => path.basename(f)).join(', ')}.` : ''),
      },
    };
    return status;
  }

  async function begin(): Promise<VaultStatus> {
    let file: KeyFile | null;
    try {
      file = readKeyFile(options.dataDirectory);
    } catch (err) {
      status = { state: 'recover', reason: (err as Error).message, store: storeName() };
      return status;
    }
    if (!file) {
      status =
        encryptedFiles().length > 0
          ? { state: 'recover', reason: 'This computer has no key for the encrypted record in this folder (a new computer, or a restored folder).', store: storeName() }
          : { state: 'create', store: storeName(), unencryptedRecord: fileFormat(paths.file) === 'plain' };
      return status;
    }
    if (file.protection === 'passphrase') {
      status = { state: 'unlock' };
      return status;
    }
    const unwrapped = unwrapKey(file, { osStore: options.osStore });
    if (!unwrapped.ok) {
      status = { state: 'recover', reason: `The system key store${file.os ? ` (${file.os.store})` : ''} did not give back the key of this record.`, store: storeName() };
      return status;
    }
    return proceed(unwrapped.key, file);
  }

  const handlers: VaultHandlers = {
    'vault:status': () => {
      // Refreshed while open: the list of unencrypted copies changes.
      const file = status.state === 'open' ? readKeyFile(options.dataDirectory) : null;
      if (file) status = openStatus(file);
      return status;
    },
    'vault:create': (input: { passphrase?: string }) => {
      if (status.state !== 'create') throw new AppError('CONFLICT', 'A key already exists for this record.');
      const k = newDatabaseKey();
      let file: KeyFile;
      try {
        file = protectKey(k, { osStore: options.osStore, ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}), at: now() });
      } catch (err) {
        // No passphrase where one is needed, or one too short: said to the user, not logged as a fault.
        throw new AppError('BAD_INPUT', (err as Error).message);
      }
      writeKeyFile(options.dataDirectory, file);
      key = k;
      status = recoveryKeyStatus(k);
      return status;
    },
    'vault:confirmRecoveryKey': async (input: { lastGroup: string }) => {
      if (status.state !== 'recovery-key' || !key) throw new AppError('CONFLICT', 'There is no new recovery key to confirm.');
      const last = status.recoveryKey.split('-').at(-1) ?? '';
      if (input.lastGroup.trim().toUpperCase() !== last) {
        throw new AppError('BAD_INPUT', 'That is not the last group of the recovery key. Copy it from the printed or saved key, then type its last five characters.');
      }
      const file = readKeyFile(options.dataDirectory);
      if (!file) throw new AppError('CONFLICT', 'The key file is missing; start again.');
      if (status.replacing) {
        if (!file.pending || !nextKey) throw new AppError('CONFLICT', 'There is no key change to confirm.');
        await requireNoTask();
        // The second backup folder noted now: a start that resumes the change cannot read the settings otherwise.
        const secondFolder = secondFolderOf(paths.file, [key, nextKey]);
        writeKeyFile(options.dataDirectory, { ...file, pending: { ...file.pending, recoveryConfirmedAt: now().toISOString(), secondFolder } });
        return replaceKey();
      }
      writeKeyFile(options.dataDirectory, { ...file, recoveryConfirmedAt: now().toISOString() });
      return open(key);
    },
    'vault:unlock': async (input: { passphrase: string }) => {
      if (status.state !== 'unlock') throw new AppError('CONFLICT', 'The record is not waiting for its passphrase.');
      const file = readKeyFile(options.dataDirectory);
      if (!file) throw new AppError('CONFLICT', 'The key file is missing; use the recovery key.');
      await attempts.wait();
      const unwrapped = unwrapKey(file, { osStore: options.osStore, passphrase: input.passphrase });
      if (!unwrapped.ok) {
        attempts.failed('vault unlock', 'wrong practice passphrase');
        throw new AppError('FORBIDDEN', 'That is not the practice passphrase. Check the keyboard layout and Caps Lock; the recovery key opens the record too.');
      }
      attempts.succeeded();
      return proceed(unwrapped.key, file, input.passphrase);
    },
    'vault:recover': async (input: { recoveryKey: string; passphrase?: string }) => {
      if (status.state === 'open') throw new AppError('CONFLICT', 'The record is already open.');
      const parsed = parseRecoveryKey(input.recoveryKey);
      if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.error);
      const files = encryptedFiles();
      if (files.length > 0 && !files.some((f) => keyOpensFile(f, parsed.key))) {
        if (knownKeyId() === keyId(parsed.key)) {
          throw new AppError(
            'DATABASE',
            'This is the key this computer already holds, and it does not open the record or any backup here: the files are damaged. ' +
              'Nothing was changed. Keep the data folder as it is and contact support.',
          );
        }
        throw new AppError('FORBIDDEN', 'This recovery key does not open the record in this folder, nor any of its backups. Check it is the key of this practice.');
      }
      if (!options.osStore?.available() && input.passphrase === undefined) {
        throw new AppError('BAD_INPUT', 'This computer offers no secure key store: choose a practice passphrase to protect the key here.');
      }
      let file: KeyFile;
      try {
        file = protectKey(parsed.key, { osStore: options.osStore, ...(input.passphrase !== undefined ? { passphrase: input.passphrase } : {}), at: now(), recoveryConfirmedAt: now().toISOString() });
      } catch (err) {
        throw new AppError('BAD_INPUT', (err as Error).message);
      }
      writeKeyFile(options.dataDirectory, file);
      attempts.succeeded();
      return open(parsed.key);
    },
    'vault:changePassphrase': async (input: { current: string; next: string }) => {
      if (status.state !== 'open' || !backend) throw new AppError('LOCKED', 'The record is not open.');
      status = openStatus(await changePracticePassphrase(options.dataDirectory, backend, input, now(), attempts));
      return status;
    },
    'vault:beginKeyChange': async (input: { passphrase?: string }) => {
      if (status.state !== 'open' || !backend || !key) throw new AppError('LOCKED', 'The record is not open.');
      await requireNoTask();
      nextKey = await beginKeyChange(options.dataDirectory, key, input, { osStore: options.osStore, at: now(), attempts });
      status = { ...recoveryKeyStatus(nextKey), replacing: true };
      return status;
    },
    'vault:cancelKeyChange': async () => {
      if (status.state !== 'recovery-key' || !status.replacing || !key) throw new AppError('CONFLICT', 'No key change is waiting.');
      const file = readKeyFile(options.dataDirectory);
      if (!file) throw new AppError('CONFLICT', 'The key file is missing.');
      if (file.pending?.recoveryConfirmedAt) throw new AppError('CONFLICT', 'The new key was already confirmed; the change is being finished.');
      const { pending: _dropped, ...current } = file;
      writeKeyFile(options.dataDirectory, current);
      nextKey = null;
      if (backend) {
        status = openStatus(current);
        return status;
      }
      return open(key);
    },
    'vault:progress': () => rekeyProgress,
    'vault:showRecoveryKey': () => {
      if (status.state !== 'open' || !key) throw new AppError('LOCKED', 'The record is not open.');
      return { recoveryKey: formatRecoveryKey(key) };
    },
    'vault:removeUnencrypted': async () => {
      if (status.state !== 'open' || !backend) throw new AppError('LOCKED', 'The record is not open.');
      return removeUnencryptedAfterBackup(paths, options.migrationsDir, backend, options.logError);
    },
  };

  const dispatchVault = createVaultDispatch(handlers, options.logError);

  const dispatchApp: Dispatch = (channel, input) =>
    backend
      ? backend.dispatch(channel, input)
      : Promise.resolve({ ok: false, error: { code: 'LOCKED', message: 'The record is locked: open it with its key first.' } });

  return {
    begin,
    dispatchVault,
    dispatchApp,
    backend: () => backend,
    close() {
      backend?.close();
      backend = null;
      key = null;
      nextKey = null;
    },
  };
}

