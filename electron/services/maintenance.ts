// Health, backups, restore, full export and import: the handlers behind the maintenance channels.
// No Electron here: file choices come from deps (save/open dialogs in main.ts, temp paths in tests),
// never from the renderer.
import path from 'node:path';
import { openSqlite } from '../db/sqlite.ts';
import type { BackupInfo, HealthInfo, TaskStatus } from '../../shared/domain/types.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { DataImportResult } from '../../shared/ipc/inputs.ts';
import { findBackup, listBackups, moveBack, pruneReplaced, REPLACED_RULE, replacedSummary, type DataPaths } from '../db/backup.ts';
import type { TrustMonitor } from '../trust/monitor.ts';
import { installIncoming } from '../db/recovery.ts';
import { checkIntegrity } from '../db/integrity.ts';
import type { OpenedDatabase } from '../db/open.ts';
import { isEncryptedArchive } from '../export/encrypted-archive.ts';
import { runTask, type SpawnWorker } from '../workers/run-task.ts';
import type { TaskProgress } from '../workers/tasks.ts';
import type { ServiceContext } from './context.ts';
import type { MaintenanceHandlers } from './index.ts';

/** What the full export writes: the plain JSON file, or the same JSON inside an encrypted archive. */
export type ExportKind = 'json' | 'encrypted';

export interface MaintenanceDeps {
  ctx: ServiceContext;
  paths: DataPaths;
  appVersion: string;
  /** The newest schema this app knows; a backup from a newer app is refused before anything is closed. */
  latestSchemaVersion: number;
  /** The migrations, which define the structure a backup must have at its version. */
  migrationsDir: string;
  /** The record's verification (audit chain, seals). */
  trust: TrustMonitor;
  /** The page check of a large file runs after start in the background: its state (see backend.ts). */
  pageCheck?: () => { inBackground: boolean; done: boolean; damage: string | null };
  /** Opens paths.file exactly as at start (pragmas, audit functions, migrations). */
  reopen: () => Promise<OpenedDatabase>;
  /** Called after a restore swapped ctx.db or an import filled it (e.g. to re-read the current clinician). */
  afterDataReplaced?: () => void;
  /** The save dialog, its file type and name by `kind` (a plain JSON export or an encrypted archive). */
  chooseExportFile: (kind: ExportKind) => Promise<string | null>;
  chooseImportFile: () => Promise<string | null>;
  logError?: (where: string, err: unknown) => void;
  /** How many backups of a kind to keep (Settings.backupRetention); the built-in rule when undefined. */
  retention?: (kind: BackupInfo['kind']) => number | undefined;
  /** After a backup is written: its second copy (Settings.backupFolder). Never throws. */
  afterBackup?: (backup: BackupInfo) => BackupInfo;
  /** Starts the data worker (export, import, backup off the main thread); null runs them in-process. */
  spawnWorker?: SpawnWorker | null;
  /** The SQLite binding the worker's connections load (Electron's, unpackaged). */
  nativeBinding?: string;
  /** Where a running task reports its progress (task:progress); set by createMaintenanceHandlers. */
  progress: (task: TaskStatus['task']) => (p: TaskProgress) => void;
}

export function health(deps: MaintenanceDeps): HealthInfo {
  // A large file is not read whole again on the main thread: its background check answers.
  const page = deps.pageCheck?.();
  const integrity = page?.inBackground
    ? { ok: page.damage === null, detail: page.damage ?? (page.done ? 'ok' : 'being checked in the background') }
    : checkIntegrity(deps.ctx.db);
  deps.trust.checkRecent();
  const trust = deps.trust.status();
  // The full pass is redone in the background when the last one is more than ten minutes old.
  const stale = trust.checkedAt === null || deps.ctx.now().getTime() - Date.parse(trust.checkedAt) > 10 * 60 * 1000;
  if (trust.state !== 'checking' && stale) void deps.trust.runFull();
  const replaced = replacedSummary(deps.paths.replacedDir);
  return {
    trust,
    replaced: { directory: deps.paths.replacedDir, ...replaced, rule: REPLACED_RULE },
    integrity: integrity.ok ? 'ok' : 'damaged',
    integrityDetail: integrity.ok
      ? 'The database passed its integrity check.'
      : `The database failed its integrity check: ${integrity.detail}. Restore a backup, or contact support before entering more data.`,
    lastBackupAt: listBackups(deps.paths.backupDir)[0]?.createdAt ?? null,
    backupDirectory: deps.paths.backupDir,
  };
}

export async function backupNow(deps: MaintenanceDeps): Promise<BackupInfo> {
  try {
    const retention = deps.retention?.('manual');
    // On its own connection in the data worker: the window stays responsive while the file is copied.
    const backup = await runTask(
      deps.spawnWorker ?? null,
      {
        task: 'backup', databaseFile: deps.paths.file, migrationsDir: deps.migrationsDir, ...binding(deps),
        backupDir: deps.paths.backupDir, kind: 'manual', at: deps.ctx.now().toISOString(), ...(retention === undefined ? {} : { retention }),
      },
      deps.progress('backup'),
    );
    return deps.afterBackup ? deps.afterBackup(backup) : backup;
  } catch (err) {
    if (err instanceof AppError) throw err;
    deps.logError?.('backup:now', err);
    throw new AppError('DATABASE', `The backup could not be written to ${deps.paths.backupDir} (${(err as Error).message}). Check that the disk is not full.`);
  }
}

/**
 * Restore by name: check the backup (pages and structure) and copy it beside the live file while the
 * app still works on the current one; then close the database, swap the copy in by an atomic rename
 * (the current file kept in replaced/; recovery.ts finishes the swap at the next start if a crash
 * interrupts it), reopen (migrating an older backup) and swap ctx.db and ctx.audit in place so every
 * service keeps working. If the restored copy does not open, the previous file is put back and reopened.
 */
export async function restoreBackup(deps: MaintenanceDeps, name: string): Promise<{ restoredFrom: string; replacedFileKeptAt: string }> {
  const { ctx, paths } = deps;
  const backup = findBackup(paths.backupDir, name);
  // Its version is read at once (a header read); its pages and structure are checked with the copy, in the worker.
  const version = backupVersion(backup.path, deps.nativeBinding);
  if (version > deps.latestSchemaVersion) {
    throw new AppError('CONFLICT', `The backup "${name}" was made by a newer version of ToxinMap. Update the app to restore it. Your current data is unchanged.`);
  }
  try {
    // Copied and checked in the data worker (a gigabyte takes seconds): the app goes on working meanwhile.
    await runTask(
      deps.spawnWorker ?? null,
      {
        task: 'restore-prepare', databaseFile: paths.file, migrationsDir: deps.migrationsDir, ...binding(deps),
        backupPath: backup.path, dataDirectory: paths.dataDirectory, backupDir: paths.backupDir, replacedDir: paths.replacedDir,
      },
      deps.progress('restore'),
    );
  } catch (err) {
    deps.logError?.('backup:restore', err);
    throw new AppError('DATABASE', `The backup "${name}" cannot be restored: ${(err as Error).message}. Your current data is unchanged; choose another backup.`);
  }

  ctx.db.close();
  let keptAt: string | null;
  try {
    keptAt = installIncoming(paths, backup.name, ctx.now());
  } catch (err) {
    deps.logError?.('backup:restore', err);
    await swapIn(deps); // the swap did not happen, or is finished at the next start
    throw new AppError('DATABASE', `The backup "${name}" could not be swapped in (${(err as Error).message}). Your current data is unchanged.`);
  }
  try {
    await swapIn(deps);
  } catch (err) {
    deps.logError?.('backup:restore', err);
    if (keptAt) moveBack(keptAt, paths);
    await swapIn(deps);
    throw new AppError('DATABASE', `The backup "${name}" could not be opened (${(err as Error).message}). Your data is as it was before.`);
  }
  pruneReplaced(paths.replacedDir, ctx.now());
  deps.trust.reset();
  void deps.trust.runFull();
  deps.afterDataReplaced?.();
  return { restoredFrom: backup.name, replacedFileKeptAt: keptAt ?? '' };
}

async function swapIn(deps: MaintenanceDeps): Promise<void> {
  const opened = await deps.reopen();
  deps.ctx.db = opened.db;
  deps.ctx.audit = opened.audit;
}

/** The schema version a backup was written at, or -1 when it cannot be read as a database at all. */
function backupVersion(file: string, nativeBinding?: string): number {
  try {
    const db = openSqlite(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

function binding(deps: MaintenanceDeps): { nativeBinding?: string } {
  return deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {};
}

/**
 * The full export, streamed to the file the shell chose, from its own read connection in the data
 * worker (a consistent snapshot; the window stays responsive). With a passphrase it is written as an
 * encrypted archive (electron/export/encrypted-archive.ts); without one, as plain JSON, which the
 * screen warns about first. The record's verification as it stands is returned with it, so a changed
 * record is never exported without saying so.
 */
export async function exportAll(deps: MaintenanceDeps, input: { passphrase?: string | undefined } = {}): Promise<{ file: string | null; problems: number }> {
  const passphrase = input.passphrase;
  const file = await deps.chooseExportFile(passphrase ? 'encrypted' : 'json');
  if (file === null) return { file: null, problems: 0 };
  deps.trust.checkRecent();
  try {
    await runTask(
      deps.spawnWorker ?? null,
      {
        task: 'export', databaseFile: deps.paths.file, migrationsDir: deps.migrationsDir, ...binding(deps), file, appVersion: deps.appVersion,
        exportedAt: deps.ctx.now().toISOString(), ...(passphrase ? { passphrase } : {}),
      },
      deps.progress('export'),
    );
  } catch (err) {
    deps.logError?.('data:export', err);
    throw new AppError('DATABASE', `The export could not be written to ${file} (${(err as Error).message}). Nothing was changed.`);
  }
  return { file, problems: deps.trust.status().problems.length };
}

/** The encrypted archive chosen last, waiting for its passphrase (main keeps the path: the renderer never names one). */
export interface PendingImport {
  file: string | null;
}

/**
 * Import of an export file into the (empty) database: streamed, every row checked like IPC input, the
 * audit chain and seals verified, recorded as one audit entry; all or nothing, on its own connection in
 * the data worker. An encrypted archive is recognised by its first bytes: without a passphrase the answer
 * asks for one (needsPassphrase) and the file is kept; the next call with a passphrase imports it without
 * asking for the file again, and after a wrong passphrase the file stays kept for another try.
 */
export async function importAll(
  deps: MaintenanceDeps,
  input: { passphrase?: string | undefined },
  pending: PendingImport,
): Promise<DataImportResult> {
  const passphrase = input.passphrase;
  const file = passphrase && pending.file ? pending.file : await deps.chooseImportFile();
  pending.file = null;
  if (file === null) return { file: null, patients: 0, sessions: 0 };
  if (!passphrase && isEncryptedArchive(file)) {
    pending.file = file;
    return { file, patients: 0, sessions: 0, needsPassphrase: true };
  }
  try {
    const { patients, sessions, signedSitesOffMuscle } = await runTask(
      deps.spawnWorker ?? null,
      { task: 'import', databaseFile: deps.paths.file, migrationsDir: deps.migrationsDir, ...binding(deps), file, author: deps.ctx.actor.name, ...(passphrase ? { passphrase } : {}) },
      deps.progress('import'),
    );
    deps.trust.reset();
    void deps.trust.runFull();
    deps.afterDataReplaced?.();
    return { file, patients, sessions, ...(signedSitesOffMuscle > 0 ? { signedSitesOffMuscle } : {}) };
  } catch (err) {
    // A wrong passphrase (refused before any row was read): the same file is tried with the next one.
    if (err instanceof AppError && err.code === 'FORBIDDEN') pending.file = file;
    if (err instanceof AppError) throw err;
    deps.logError?.('data:import', err);
    throw new AppError('DATABASE', `The export in ${path.basename(file)} could not be imported (${(err as Error).message}). Nothing was imported.`);
  }
}

/**
 * Backup, restore, export and import run one at a time: a restore closes the connection the others
 * read, and two of them interleaving (each awaits) would read a closed or half-swapped database.
 */
export function createMaintenanceHandlers(base: Omit<MaintenanceDeps, 'progress'>): MaintenanceHandlers {
  let busy: string | null = null;
  let status: TaskStatus | null = null;
  const pendingImport: PendingImport = { file: null };
  const deps: MaintenanceDeps = {
    ...base,
    progress: (task) => (p) => {
      status = { task, phase: p.phase, done: p.done, total: p.total, startedAt: status?.task === task ? status.startedAt : base.ctx.now().toISOString() };
    },
  };
  // deps.ctx is the same object as base.ctx: a restore swaps ctx.db in place, seen by both.
  const exclusive = async <T>(what: string, task: TaskStatus['task'], run: () => Promise<T>): Promise<T> => {
    if (busy) throw new AppError('CONFLICT', `${busy} is still running. Try again when it has finished.`);
    busy = what;
    status = { task, phase: 'Starting', done: 0, total: 0, startedAt: base.ctx.now().toISOString() };
    try {
      return await run();
    } finally {
      busy = null;
      status = null;
    }
  };
  return {
    'task:progress': () => status,
    'app:health': () => health(deps),
    'backup:now': () => exclusive('A backup', 'backup', () => backupNow(deps)),
    'backup:list': () => listBackups(deps.paths.backupDir),
    'backup:restore': ({ name }) => exclusive('A restore', 'restore', () => restoreBackup(deps, name)),
    'data:export': (input) => exclusive('An export', 'export', () => exportAll(deps, input)),
    'data:import': (input) => exclusive('An import', 'import', () => importAll(deps, input, pendingImport)),
  };
}
