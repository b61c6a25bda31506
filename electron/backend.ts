import fs from 'node:fs';
import type { Settings } from '../shared/domain/settings.ts';
import type { AppInfo, BackupInfo } from '../shared/domain/types.ts';
import { dailyBackup, dataPaths, DATABASE_FILE_NAME, encryptedRecordFiles, latestUsableBackup, listBackups, type DataPaths } from './db/backup.ts';
import { checkIntegrity, DamagedDatabaseError, type IntegrityResult } from './db/integrity.ts';
import { latestVersion, loadMigrations, NewerDatabaseError } from './db/migrate.ts';
import { checkWriteAheadLog, keptPath, recoverDataDirectory, type RecoveryNotice } from './db/recovery.ts';
import { checkSchema } from './db/schema-check.ts';
import { currentDatabaseKey, keyOpensFile, setDatabaseKey, setNativeBinding } from './db/sqlite.ts';
import { fileFormat, LockedDatabaseError } from './db/cipher.ts';
import { encryptUnencryptedRecord } from './db/encrypt-record.ts';
import { anchorPath, createTrustMonitor, type TrustMonitor } from './trust/monitor.ts';
import { runTask, type SpawnWorker } from './workers/run-task.ts';
import { openDatabase, type OpenedDatabase } from './db/open.ts';
import { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from './services/context.ts';
import { currentClinicianName } from './db/clinicians.ts';
import { idleCheckpoints } from './db/checkpoint.ts';
import type { ExportShell } from './services/exports.ts';
import { createHandlers } from './services/index.ts';
import { backupPolicy } from './services/backup-policy.ts';
import { createMaintenanceHandlers } from './services/maintenance.ts';
import { newId } from '../shared/domain/ids.ts';

export { DATABASE_FILE_NAME };

export interface BackendOptions {
  dataDirectory: string;
  migrationsDir: string;
  appVersion: string;
  nativeBinding?: string;
  /**
   * The database key (32 bytes, electron/vault/): the live file, its WAL and every backup are encrypted with
   * it, and an unencrypted record found at start is encrypted first. Null: unencrypted files (the tests'
   * plain mode only; the app always passes a key). Absent: the key this process already set (setDatabaseKey).
   */
  databaseKey?: Buffer | null;
  now?: () => Date;
  newId?: () => string;
  logError?: DispatchOptions['logError'];
  /** Where a full export (plain JSON or encrypted archive) is written; the shell asks with a save dialog. Null: the user cancelled. */
  chooseExportFile?: (kind: 'json' | 'encrypted') => Promise<string | null>;
  /** Which export file to import; the shell asks with an open dialog. Null: the user cancelled. */
  chooseImportFile?: () => Promise<string | null>;
  /** A folder to copy backups to; the shell asks with a folder dialog. Null: the user cancelled. */
  chooseBackupFolder?: () => Promise<string | null>;
  /** Told after a save changed the settings (the shell applies the theme to its native parts). */
  onSettingsChanged?: (settings: Settings) => void;
  /**
   * The user chose to start with a new, empty database although backups or set-aside files exist
   * (the shell asks first; see DamagedDatabaseError reason 'missing' / 'empty').
   */
  allowNewDatabase?: boolean;
  /**
   * Starts the data worker thread that runs export, import and backup on its own connection, so the
   * window never freezes (main.ts: dist-electron/data-worker.cjs). Absent: they run in-process.
   */
  spawnWorker?: SpawnWorker;
  /** Files larger than this get their page check after start, in the background (default FOREGROUND_CHECK_BYTES). */
  foregroundCheckBytes?: number;
  /**
   * The background page check found damage: writing has been stopped (the connection is read-only from
   * then on; nothing written before is lost) and the shell offers the newest good backup.
   */
  onDamage?: (err: DamagedDatabaseError) => void;
  /** Save dialogs, printing and PDF for the summary, CSV and FHIR exports (electron/shell/print.ts). */
  exportShell?: ExportShell;
}

/** Up to this size the page check runs before the app opens (about 0.25 s); larger files are checked after. */
export const FOREGROUND_CHECK_BYTES = 64 * 1024 * 1024;

/** True when backups or files set aside by a restore show that this folder held a record before. */
export function hadRecord(paths: DataPaths): boolean {
  if (listBackups(paths.backupDir).length > 0) return true;
  return fs.existsSync(paths.replacedDir) && fs.readdirSync(paths.replacedDir).some((n) => n.endsWith('.sqlite'));
}

export interface Backend {
  ctx: ServiceContext;
  readonly db: ServiceContext['db'];
  dispatch: Dispatch;
  info: AppInfo;
  /**
   * The day's automatic backup, started after opening and running in the background (SQLite's backup
   * steps through the file between other work). Resolves to null when today's backup already existed
   * or the copy failed (logged); never rejects.
   */
  startupBackup: Promise<BackupInfo | null>;
  /** The page check: done before start for a small file; for a large one it resolves when the background check ends. */
  integrityCheck: Promise<IntegrityResult>;
  /** What start did before opening (a restore finished, leftovers removed, a -wal set aside), for the user. */
  notices: RecoveryNotice[];
  /**
   * The record's verification (audit chain, seals): what changed since the last verified point was
   * checked at start; the full pass runs in the background from there (trust.status(), trust.runFull()).
   */
  trust: TrustMonitor;
  close: () => void;
}

const cancelled = () => Promise.resolve(null);

/**
 * "File is not a database" from an encrypted file that no encrypted backup opens either: the key is not this
 * record's (as opposed to damage, where the same key still opens the backups).
 */
function isLocked(paths: DataPaths, err: unknown): boolean {
  const key = currentDatabaseKey();
  if (!key || (err as { code?: unknown }).code !== 'SQLITE_NOTADB' || fileFormat(paths.file) !== 'encrypted') return false;
  return !encryptedRecordFiles(paths).some((f) => keyOpensFile(f, key));
}

/**
 * Everything main runs besides the window: the database, the services and the dispatcher.
 * Plain Node, so the end-to-end tests start exactly this with a temp folder.
 *
 * Before the database is opened: an interrupted restore is finished and leftovers are removed
 * (recovery.ts); a -wal that does not fit the file is set aside, never merged.
 * Throws DamagedDatabaseError (carrying the latest usable backup) when the file fails to open or to
 * pass its checks (pages, structure), and when it is missing or empty while backups or set-aside files
 * show there was a record: the app never starts silently on a new, empty database. The file itself is
 * left untouched. `allowNewDatabase` (the user chose "start with an empty database") lifts the latter.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const paths = dataPaths(options.dataDirectory);
  // Every connection opened on the way (checks, copies) uses the same SQLite binding as the main one.
  if (options.nativeBinding) setNativeBinding(options.nativeBinding);
  if (options.databaseKey !== undefined) setDatabaseKey(options.databaseKey);
  const now = options.now ?? (() => new Date());
  const actor = { name: UNKNOWN_ACTOR };
  const logError = options.logError ?? (() => undefined);
  const open = () =>
    openDatabase({
      file: paths.file,
      migrationsDir: options.migrationsDir,
      backupDir: paths.backupDir,
      now,
      auditAuthor: () => actor.name,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  const latestBackup = () => latestUsableBackup(paths.backupDir, options.migrationsDir);

  const notices = recoverDataDirectory(paths, now());
  const size = fs.statSync(paths.file, { throwIfNoEntry: false })?.size;
  // A new database starts a new record: nothing verified of a former file applies to it.
  if (size === undefined || size === 0) fs.rmSync(anchorPath(paths.file), { force: true });
  if ((size === undefined || size === 0) && hadRecord(paths)) {
    if (!options.allowNewDatabase) {
      throw new DamagedDatabaseError(
        paths.file,
        size === undefined
          ? 'the database file is missing, although backups or set-aside files show there was a record'
          : 'the database file is empty, although backups show there was a record',
        latestBackup(),
        size === undefined ? 'missing' : 'empty',
      );
    }
    // The user chose a new, empty database: an empty file is kept aside rather than reused.
    if (size === 0) {
      fs.mkdirSync(paths.replacedDir, { recursive: true });
      fs.renameSync(paths.file, keptPath(paths, now(), '-empty'));
    }
  }
  if (size !== undefined && size > 0) {
    try {
      const walNotice = checkWriteAheadLog(paths, options.migrationsDir, now());
      if (walNotice) notices.push(walNotice);
    } catch (err) {
      throw new DamagedDatabaseError(paths.file, `its write-ahead log could not be checked: ${(err as Error).message}`, latestBackup());
    }
  }
  const key = currentDatabaseKey();
  if (key && fileFormat(paths.file) === 'plain') {
    // The first start with encryption: the unencrypted record is encrypted through the crash-safe swap.
    try {
      notices.push(await encryptUnencryptedRecord(paths, options.migrationsDir, key, now()));
    } catch (err) {
      throw new DamagedDatabaseError(paths.file, `it could not be encrypted: ${(err as Error).message}`, latestBackup());
    }
  }
  let opened: OpenedDatabase;
  try {
    opened = await open();
  } catch (err) {
    if (err instanceof NewerDatabaseError) throw err;
    if (isLocked(paths, err)) throw new LockedDatabaseError(paths.file);
    throw new DamagedDatabaseError(paths.file, (err as Error).message, latestBackup());
  }
  // Checked before the daily backup, so a damaged file never pushes a good backup out of the rotation.
  // The page check reads the whole file: done here for a small file, after start (in the data worker) for a
  // large one, so a ten-year database opens in under a second. The structure check is always done here.
  const checkLater = (size ?? 0) > (options.foregroundCheckBytes ?? FOREGROUND_CHECK_BYTES);
  const integrity = checkLater ? { ok: true, detail: 'checked after start' } : checkIntegrity(opened.db);
  const schema = integrity.ok ? checkSchema(opened.db, options.migrationsDir) : integrity;
  if (!schema.ok) {
    opened.db.close();
    throw new DamagedDatabaseError(paths.file, schema.detail, latestBackup());
  }
  for (const n of notices) logError('start', new Error(n.message));

  const damaged: { detail: string | null } = { detail: null };
  const background = { checkLater, done: !checkLater };
  const ctx: ServiceContext = {
    db: opened.db,
    now,
    newId: options.newId ?? newId,
    actor,
    audit: opened.audit,
  };
  const refreshActor = () => {
    actor.name = currentClinicianName(ctx.db) ?? UNKNOWN_ACTOR;
  };
  refreshActor();
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const trust = createTrustMonitor({
    db: () => ctx.db, databaseFile: paths.file, now, logError,
    // With a worker, the full pass reads on its own connection there: the main thread stays free.
    ...(options.spawnWorker
      ? { fullPassElsewhere: () => runTask(options.spawnWorker ?? null, { task: 'verify', databaseFile: paths.file, migrationsDir: options.migrationsDir, ...binding }, () => undefined) }
      : {}),
  });
  trust.checkRecent();
  void trust.runFull();
  // The write-ahead log is copied into the file when the record is quiet, not inside a clinician's write.
  const checkpoints = idleCheckpoints(() => ctx.db);
  const info: AppInfo = {
    version: options.appVersion,
    dataDirectory: options.dataDirectory,
    databaseFile: paths.file,
    schemaVersion: opened.schemaVersion,
  };
  const backups = backupPolicy(ctx, () => paths.backupDir, logError);
  const maintenance = createMaintenanceHandlers({
    ctx,
    paths,
    retention: backups.retention,
    afterBackup: backups.afterBackup,
    appVersion: options.appVersion,
    latestSchemaVersion: latestVersion(loadMigrations(options.migrationsDir)),
    migrationsDir: options.migrationsDir,
    pageCheck: () => ({ inBackground: background.checkLater, done: background.done, damage: damaged.detail }),
    spawnWorker: options.spawnWorker ?? null,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    trust,
    reopen: open,
    afterDataReplaced: refreshActor,
    chooseExportFile: options.chooseExportFile ?? cancelled,
    chooseImportFile: options.chooseImportFile ?? cancelled,
    logError,
  });
  const settingsHooks = {
    logError,
    ...(options.chooseBackupFolder ? { chooseBackupFolder: options.chooseBackupFolder } : {}),
    ...(options.onSettingsChanged ? { onSettingsChanged: options.onSettingsChanged } : {}),
  };
  const dispatch = createDispatcher(createHandlers(ctx, () => info, maintenance, settingsHooks, options.exportShell), {
    ...(options.logError ? { logError: options.logError } : {}),
  });
  const automaticRetention = backups.retention('automatic');
  const integrityCheck: Promise<IntegrityResult> = !checkLater
    ? Promise.resolve(integrity)
    : new Promise<void>((resolve) => setTimeout(resolve, 0)) // after start, whether or not a worker runs it
        .then(() =>
          runTask(options.spawnWorker ?? null, { task: 'check', databaseFile: paths.file, migrationsDir: options.migrationsDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }, () => undefined),
        )
        .catch((err: unknown): IntegrityResult => ({ ok: false, detail: `the check could not complete: ${(err as Error).message}` }))
        .then((result) => {
          background.done = true;
          if (!result.ok) {
            // Nothing more is written to a damaged file; what was written before stays in it (kept on restore).
            damaged.detail = result.detail;
            ctx.db.pragma('query_only = ON');
            logError('background integrity check', new Error(result.detail));
            options.onDamage?.(new DamagedDatabaseError(paths.file, result.detail, latestBackup()));
          }
          return result;
        });
  // The day's backup waits for the page check: a damaged file never pushes a good backup out of the rotation.
  const startupBackup = integrityCheck
    .then((result) => {
      if (!result.ok) return null;
      const at = now();
      const retention = automaticRetention === undefined ? {} : { retention: automaticRetention };
      // With a worker, the copy runs there on its own connection (SQLite's backup steps would otherwise
      // share the main thread with the clinician's first clicks).
      const write = options.spawnWorker
        ? () => runTask(options.spawnWorker ?? null, { task: 'backup', databaseFile: paths.file, migrationsDir: options.migrationsDir, ...binding, backupDir: paths.backupDir, kind: 'automatic', at: at.toISOString(), ...retention }, () => undefined)
        : undefined;
      return dailyBackup(ctx.db, paths.backupDir, at, { ...retention, ...(write ? { write } : {}) });
    })
    .then((backup) => (backup ? backups.afterBackup(backup) : null))
    .catch((err: unknown) => {
      logError('startup backup', err);
      return null;
    });
  return {
    ctx,
    get db() {
      return ctx.db;
    },
    dispatch,
    info,
    startupBackup,
    integrityCheck,
    notices,
    trust,
    close: () => {
      trust.stop();
      checkpoints.stop();
      ctx.db.close();
    },
  };
}
