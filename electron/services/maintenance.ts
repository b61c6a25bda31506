// Health, backups, restore, full export and import: the handlers behind the maintenance channels.
// No Electron here: file choices come from deps (save/open dialogs in main.ts, temp paths in tests),
// never from the renderer.
import path from 'node:path';
import type { BackupInfo, HealthInfo } from '../../shared/domain/types.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { createBackup, findBackup, inspectBackup, listBackups, moveBack, pruneReplaced, REPLACED_RULE, replacedSummary, type DataPaths } from '../db/backup.ts';
import type { TrustMonitor } from '../trust/monitor.ts';
import { installIncoming, prepareIncoming } from '../db/recovery.ts';
import { checkIntegrity } from '../db/integrity.ts';
import type { OpenedDatabase } from '../db/open.ts';
import { importArchive, readExportFile, writeExportFile } from '../export/archive.ts';
import type { ServiceContext } from './context.ts';
import type { MaintenanceHandlers } from './index.ts';

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
  /** Opens paths.file exactly as at start (pragmas, audit functions, migrations). */
  reopen: () => Promise<OpenedDatabase>;
  /** Called after a restore swapped ctx.db or an import filled it (e.g. to re-read the current clinician). */
  afterDataReplaced?: () => void;
  chooseExportFile: () => Promise<string | null>;
  chooseImportFile: () => Promise<string | null>;
  logError?: (where: string, err: unknown) => void;
  /** How many backups of a kind to keep (Settings.backupRetention); the built-in rule when undefined. */
  retention?: (kind: BackupInfo['kind']) => number | undefined;
  /** After a backup is written: its second copy (Settings.backupFolder). Never throws. */
  afterBackup?: (backup: BackupInfo) => BackupInfo;
}

export function health(deps: MaintenanceDeps): HealthInfo {
  const integrity = checkIntegrity(deps.ctx.db);
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
    const backup = await createBackup(deps.ctx.db, deps.paths.backupDir, 'manual', deps.ctx.now(), retention === undefined ? {} : { retention });
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
  const inspected = inspectBackup(backup.path, deps.migrationsDir);
  if (inspected.schemaVersion > deps.latestSchemaVersion) {
    throw new AppError('CONFLICT', `The backup "${name}" was made by a newer version of ToxinMap. Update the app to restore it. Your current data is unchanged.`);
  }
  if (!inspected.ok) {
    throw new AppError('DATABASE', `The backup "${name}" cannot be restored: ${inspected.detail}. Your current data is unchanged; choose another backup.`);
  }
  try {
    prepareIncoming(paths, backup.path, deps.migrationsDir);
  } catch (err) {
    deps.logError?.('backup:restore', err);
    throw new AppError('DATABASE', `The backup "${name}" could not be copied into place (${(err as Error).message}). Your current data is unchanged.`);
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

export async function exportAll(deps: MaintenanceDeps): Promise<{ file: string | null }> {
  const file = await deps.chooseExportFile();
  if (file === null) return { file: null };
  try {
    writeExportFile(deps.ctx.db, file, { appVersion: deps.appVersion, exportedAt: deps.ctx.now() });
  } catch (err) {
    deps.logError?.('data:export', err);
    throw new AppError('DATABASE', `The export could not be written to ${file} (${(err as Error).message}). Nothing was changed.`);
  }
  return { file };
}

export async function importAll(deps: MaintenanceDeps): Promise<{ file: string | null; patients: number; sessions: number }> {
  const file = await deps.chooseImportFile();
  if (file === null) return { file: null, patients: 0, sessions: 0 };
  const archive = readExportFile(file);
  try {
    const { patients, sessions } = importArchive(deps.ctx.db, deps.ctx.audit, archive);
    deps.trust.reset();
    void deps.trust.runFull();
    deps.afterDataReplaced?.();
    return { file, patients, sessions };
  } catch (err) {
    if (err instanceof AppError) throw err;
    deps.logError?.('data:import', err);
    throw new AppError('DATABASE', `The export in ${path.basename(file)} could not be imported (${(err as Error).message}). Nothing was imported.`);
  }
}

/**
 * Backup, restore, export and import run one at a time: a restore closes the connection the others
 * read, and two of them interleaving (each awaits) would read a closed or half-swapped database.
 */
export function createMaintenanceHandlers(deps: MaintenanceDeps): MaintenanceHandlers {
  let busy: string | null = null;
  const exclusive = async <T>(what: string, task: () => Promise<T>): Promise<T> => {
    if (busy) throw new AppError('CONFLICT', `${busy} is still running. Try again when it has finished.`);
    busy = what;
    try {
      return await task();
    } finally {
      busy = null;
    }
  };
  return {
    'app:health': () => health(deps),
    'backup:now': () => exclusive('A backup', () => backupNow(deps)),
    'backup:list': () => listBackups(deps.paths.backupDir),
    'backup:restore': ({ name }) => exclusive('A restore', () => restoreBackup(deps, name)),
    'data:export': () => exclusive('An export', () => exportAll(deps)),
    'data:import': () => exclusive('An import', () => importAll(deps)),
  };
}
