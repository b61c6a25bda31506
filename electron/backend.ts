import fs from 'node:fs';
import type { Settings } from '../shared/domain/settings.ts';
import type { AppInfo, BackupInfo } from '../shared/domain/types.ts';
import { dailyBackup, dataPaths, DATABASE_FILE_NAME, latestUsableBackup, listBackups } from './db/backup.ts';
import { checkIntegrity, DamagedDatabaseError, isDamageError } from './db/integrity.ts';
import { latestVersion, loadMigrations } from './db/migrate.ts';
import { openDatabase, type OpenedDatabase } from './db/open.ts';
import { createDispatcher, type Dispatch, type DispatchOptions } from './dispatch.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from './services/context.ts';
import { currentClinicianName } from './db/clinicians.ts';
import { createHandlers } from './services/index.ts';
import { createMaintenanceHandlers } from './services/maintenance.ts';

export { DATABASE_FILE_NAME };

export interface BackendOptions {
  dataDirectory: string;
  migrationsDir: string;
  appVersion: string;
  nativeBinding?: string;
  now?: () => Date;
  newId?: () => string;
  logError?: DispatchOptions['logError'];
  /** Where a full export is written; the shell asks with a save dialog. Null: the user cancelled. */
  chooseExportFile?: () => Promise<string | null>;
  /** Which export file to import; the shell asks with an open dialog. Null: the user cancelled. */
  chooseImportFile?: () => Promise<string | null>;
  /** A folder to copy backups to; the shell asks with a folder dialog. Null: the user cancelled. */
  chooseBackupFolder?: () => Promise<string | null>;
  /** Told after a save changed the settings (the shell applies the theme to its native parts). */
  onSettingsChanged?: (settings: Settings) => void;
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
  close: () => void;
}

const cancelled = () => Promise.resolve(null);

/**
 * Everything main runs besides the window: the database, the services and the dispatcher.
 * Plain Node, so the end-to-end tests start exactly this with a temp folder.
 * Throws DamagedDatabaseError (carrying the latest usable backup) when the file is not a database or
 * fails its integrity check; the damaged file is left untouched.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const paths = dataPaths(options.dataDirectory);
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

  // An empty file where a database was (a truncated write, a failed sync) would otherwise be taken for
  // a first start and silently become a new, empty record. With backups present it is damage.
  if (fs.statSync(paths.file, { throwIfNoEntry: false })?.size === 0 && listBackups(paths.backupDir).length > 0) {
    throw new DamagedDatabaseError(paths.file, 'the file is empty', latestUsableBackup(paths.backupDir));
  }
  let opened: OpenedDatabase;
  try {
    opened = await open();
  } catch (err) {
    if (isDamageError(err)) throw new DamagedDatabaseError(paths.file, (err as Error).message, latestUsableBackup(paths.backupDir));
    throw err;
  }
  // Checked before the daily backup, so a damaged file never pushes a good backup out of the rotation.
  const integrity = checkIntegrity(opened.db);
  if (!integrity.ok) {
    opened.db.close();
    throw new DamagedDatabaseError(paths.file, integrity.detail, latestUsableBackup(paths.backupDir));
  }

  const ctx: ServiceContext = {
    db: opened.db,
    now,
    newId: options.newId ?? (() => crypto.randomUUID()),
    actor,
    audit: opened.audit,
  };
  const refreshActor = () => {
    actor.name = currentClinicianName(ctx.db) ?? UNKNOWN_ACTOR;
  };
  refreshActor();
  const info: AppInfo = {
    version: options.appVersion,
    dataDirectory: options.dataDirectory,
    databaseFile: paths.file,
    schemaVersion: opened.schemaVersion,
  };
  const maintenance = createMaintenanceHandlers({
    ctx,
    paths,
    appVersion: options.appVersion,
    latestSchemaVersion: latestVersion(loadMigrations(options.migrationsDir)),
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
  const dispatch = createDispatcher(createHandlers(ctx, () => info, maintenance, settingsHooks), {
    ...(options.logError ? { logError: options.logError } : {}),
  });
  const startupBackup = dailyBackup(ctx.db, paths.backupDir, now()).catch((err: unknown) => {
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
    close: () => ctx.db.close(),
  };
}
