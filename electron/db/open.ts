import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrate, pendingMigrations, schemaVersion } from './migrate.ts';

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** Where the pre-migration backup goes; defaults to `<dir of file>/backups`. */
  backupDir?: string;
  /** Path of a better-sqlite3 binary built for this runtime's ABI (Electron); see tools/ensure-electron-native.mjs. */
  nativeBinding?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  migratedFrom: number;
  schemaVersion: number;
  /** The backup taken before migrating an existing file, if one was needed. */
  preMigrationBackup: string | null;
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss (not on a crash).
  // A charted site the clinician saw acknowledged is part of a legal record, so every commit is
  // fsynced before we answer the renderer. Measured cost is in the benchmark (npm run bench).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens the one database of the app: pragmas, a backup of an existing file before migrating it,
 * then all pending migrations in one transaction. A file from a newer app version is refused
 * untouched (NewerDatabaseError).
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = loadMigrations(options.migrationsDir);
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Refuse a newer file before anything (even the journal mode) touches it.
    const pending = pendingMigrations(db, migrations);
    applyPragmas(db);
    let preMigrationBackup: string | null = null;
    if (existed && pending.length > 0) {
      const dir = options.backupDir ?? path.join(path.dirname(options.file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      const stamp = timestampForFile((options.now ?? (() => new Date()))());
      preMigrationBackup = path.join(dir, `pre-migration-v${schemaVersion(db)}-${stamp}.sqlite`);
      await db.backup(preMigrationBackup);
    }
    const { from, to } = migrate(db, migrations);
    return { db, file: options.file, migratedFrom: from, schemaVersion: to, preMigrationBackup };
  } catch (err) {
    db.close();
    throw err;
  }
}
