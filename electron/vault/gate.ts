// The gate in front of the record: finds the database key (the OS key store, the practice passphrase or
// the recovery key), makes one at a first start (showing the recovery key until the user confirms it is
// stored), then opens the record with it. Until then every app channel answers LOCKED. Plain Node: main
// uses it with Electron's safeStorage, the end-to-end tests with a key store they play.
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../backend.ts';
import { dataPaths, encryptedRecordFiles, inspectBackup } from '../db/backup.ts';
import { CIPHER_NAME, fileFormat, keyId, LockedDatabaseError, newDatabaseKey } from '../db/cipher.ts';
import { keyOpensFile } from '../db/sqlite.ts';
import { listUnencryptedCopies, removeUnencryptedCopies } from '../db/unencrypted-copies.ts';
import type { Dispatch } from '../dispatch.ts';
import { describeIssues } from '../dispatch.ts';
import { AppError, type Envelope } from '../../shared/ipc/result.ts';
import { vaultContract, type VaultChannel, type VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { changePassphrase, protectKey, readKeyFile, unwrapKey, writeKeyFile, type KeyFile, type OsKeyStore } from './key-file.ts';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key.ts';

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

const defaultDelay = (failures: number) => Math.min(250 * 2 ** Math.max(0, failures - 1), 8000);

export function createVaultGate(options: VaultGateOptions): VaultGate {
  const now = options.now ?? (() => new Date());
  const paths = dataPaths(options.dataDirectory);
  const storeName = () => (options.osStore?.available() ? options.osStore.name() : null);
  let status: VaultStatus = { state: 'closed', message: 'The record has not been opened yet.' };
  let key: Buffer | null = null;
  let backend: Backend | null = null;
  let failures = 0;

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

  function recoveryKeyStatus(k: Buffer): VaultStatus {
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

  /** After a key is known: the recovery key first if never confirmed, else open. */
  async function proceed(k: Buffer, file: KeyFile): Promise<VaultStatus> {
    if (!file.recoveryConfirmedAt) {
      key = k;
      status = recoveryKeyStatus(k);
      return status;
    }
    return open(k);
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

  const handlers: { [C in VaultChannel]: (input: never) => Promise<unknown> | unknown } = {
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
      writeKeyFile(options.dataDirectory, { ...file, recoveryConfirmedAt: now().toISOString() });
      return open(key);
    },
    'vault:unlock': async (input: { passphrase: string }) => {
      if (status.state !== 'unlock') throw new AppError('CONFLICT', 'The record is not waiting for its passphrase.');
      const file = readKeyFile(options.dataDirectory);
      if (!file) throw new AppError('CONFLICT', 'The key file is missing; use the recovery key.');
      if (failures > 0) await new Promise((resolve) => setTimeout(resolve, (options.failureDelay ?? defaultDelay)(failures)));
      const unwrapped = unwrapKey(file, { osStore: options.osStore, passphrase: input.passphrase });
      if (!unwrapped.ok) {
        failures++;
        options.logError?.('vault unlock', new Error(`wrong practice passphrase (attempt ${failures})`));
        throw new AppError('FORBIDDEN', 'That is not the practice passphrase. Check the keyboard layout and Caps Lock; the recovery key opens the record too.');
      }
      failures = 0;
      return proceed(unwrapped.key, file);
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
      failures = 0;
      return open(parsed.key);
    },
    'vault:changePassphrase': async (input: { current: string; next: string }) => {
      if (status.state !== 'open' || !backend) throw new AppError('LOCKED', 'The record is not open.');
      const file = readKeyFile(options.dataDirectory);
      if (!file || file.protection !== 'passphrase') throw new AppError('CONFLICT', 'The key is kept by the system key store on this computer: there is no practice passphrase to change.');
      if (failures > 0) await new Promise((resolve) => setTimeout(resolve, (options.failureDelay ?? defaultDelay)(failures)));
      let changed: KeyFile | null;
      try {
        changed = changePassphrase(file, input.current, input.next, now());
      } catch (err) {
        throw new AppError('BAD_INPUT', (err as Error).message);
      }
      if (!changed) {
        failures++;
        options.logError?.('vault passphrase change', new Error(`wrong current practice passphrase (attempt ${failures})`));
        throw new AppError('FORBIDDEN', 'That is not the current practice passphrase. Nothing was changed.');
      }
      failures = 0;
      writeKeyFile(options.dataDirectory, changed);
      // Recorded in the record's own audit log (who, when; never the passphrase), chained like every entry.
      backend.db
        .prepare("INSERT INTO audit_log (at, author, action, entity, entity_id, before, after) VALUES (audit_now(), audit_author(), 'update', 'practice_passphrase', ?, NULL, ?)")
        .run(changed.keyId, JSON.stringify({ changedAt: changed.passphraseChangedAt }));
      status = openStatus(changed);
      return status;
    },
    'vault:showRecoveryKey': () => {
      if (status.state !== 'open' || !key) throw new AppError('LOCKED', 'The record is not open.');
      return { recoveryKey: formatRecoveryKey(key) };
    },
    'vault:removeUnencrypted': async () => {
      if (status.state !== 'open' || !backend) throw new AppError('LOCKED', 'The record is not open.');
      const copies = listUnencryptedCopies(paths);
      if (copies.length === 0) throw new AppError('NOT_FOUND', 'There are no unencrypted copies to remove.');
      // A fresh encrypted backup first, checked: only then is the last unencrypted copy given up.
      const made = await backend.dispatch('backup:now', {});
      if (!made.ok) throw new AppError(made.error.code, `No backup could be made, so nothing was removed: ${made.error.message}`);
      const name = (made.value as { name: string }).name;
      const backupFile = path.join(paths.backupDir, name);
      if (fileFormat(backupFile) !== 'encrypted' || !inspectBackup(backupFile, options.migrationsDir).ok) {
        throw new AppError('DATABASE', `The new backup ${name} did not pass its check, so nothing was removed.`);
      }
      const result = removeUnencryptedCopies(copies.filter((c) => fs.existsSync(c.file) && c.file !== backupFile));
      options.logError?.('vault', new Error(`removed ${result.removed} unencrypted copies after the encrypted backup ${name}`));
      return { ...result, backup: name };
    },
  };

  // One vault call at a time: a second unlock or confirmation sent while the first is still opening the
  // record (a double Enter) must not open it twice; it finds the state the first one left.
  let queue: Promise<unknown> = Promise.resolve();
  function dispatchVault(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const answer = queue.then(() => dispatchVaultNow(channel, input));
    queue = answer.catch(() => undefined);
    return answer;
  }

  async function dispatchVaultNow(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(vaultContract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request '${String(channel).slice(0, 60)}'` } };
    }
    const name = channel as VaultChannel;
    const parsed = vaultContract[name].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: describeIssues(parsed.error) } };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      options.logError?.(channel, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was changed. The details were written to the log.' } };
    }
  }

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
    },
  };
}

