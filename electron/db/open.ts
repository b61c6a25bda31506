import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createBackup } from './backup.ts';
import { checkIntegrity } from './integrity.ts';
import { loadMigrations, migrate, pendingMigrations, schemaVersion } from './migrate.ts';
import { registerChainFunction } from '../trust/hash.ts';
import { CHECKPOINT_BACKSTOP_PAGES } from './checkpoint.ts';
import { openSqlite, setDatabaseKey, setNativeBinding } from './sqlite.ts';

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** Where the pre-migration backup goes; defaults to `<dir of file>/backups`. */
  backupDir?: string;
  /** Path of a better-sqlite3 binary built for this runtime's ABI (Electron); see tools/ensure-electron-native.mjs. */
  nativeBinding?: string;
  /**
   * The database key (electron/db/cipher.ts), set for every file this process opens from here on.
   * Absent: whatever was set before stays (null: unencrypted files, the tests' plain mode).
   */
  key?: Buffer | null;
  now?: () => Date;
  /** Who is making changes, for audit rows written by the database's own triggers. */
  auditAuthor?: () => string;
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  migratedFrom: number;
  schemaVersion: number;
  /** The backup taken before migrating an existing file, if one was needed. */
  preMigrationBackup: string | null;
  audit: AuditSwitch;
}

/**
 * The audit triggers call audit_now() and audit_author(); they exist only on connections the app
 * opened, so a write from an outside tool to an audited table fails instead of going unrecorded.
 */
export function registerAuditFunctions(db: Database.Database, now: () => Date, author: () => string): AuditSwitch {
  const audit: AuditSwitch = { enabled: true };
  db.function('audit_now', { deterministic: false }, () => now().toISOString());
  db.function('audit_author', { deterministic: false }, () => author());
  db.function('audit_enabled', { deterministic: false }, () => (audit.enabled ? 1 : 0));
  // The audit chain (migration 0060): each row's hash over the previous row's hash and its own fields.
  registerChainFunction(db);
  return audit;
}

/** Turned off only while importing a full export, whose audit rows are imported verbatim. */
export interface AuditSwitch {
  enabled: boolean;
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss (not on a crash).
  // A charted site the clinician saw acknowledged is part of a legal record, so every commit is
  // fsynced before we answer the renderer. Measured cost is in the benchmark (npm run bench).
  db.pragma('synchronous = FULL');
  // The log is checkpointed when the record is quiet (checkpoint.ts), a commit does it only past this backstop.
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_BACKSTOP_PAGES}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A REPLACE deletes the row it conflicts with; only with recursive triggers on do that delete's guards
  // (signed sessions, the audit log) and audit triggers fire. None of the app's triggers writes its own table.
  db.pragma('recursive_triggers = ON');
}

export { timestampForFile } from './backup.ts';

/**
 * Opens the one database of the app: pragmas, a backup of an existing file before migrating it,
 * then all pending migrations in one transaction. A file from a newer app version is refused
 * untouched (NewerDatabaseError).
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const migrations = loadMigrations(options.migrationsDir);
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  if (options.nativeBinding) setNativeBinding(options.nativeBinding);
  if (options.key !== undefined) setDatabaseKey(options.key);
  const db = openSqlite(options.file);
  try {
    // Refuse a newer file before anything (even the journal mode) touches it.
    const pending = pendingMigrations(db, migrations);
    applyPragmas(db);
    const now = options.now ?? (() => new Date());
    const audit = registerAuditFunctions(db, now, options.auditAuthor ?? (() => 'system'));
    let preMigrationBackup: string | null = null;
    if (existed && pending.length > 0) {
      // A damaged file must not be migrated (nor backed up as if it were good): refuse it first.
      const integrity = checkIntegrity(db);
      if (!integrity.ok) {
        throw Object.assign(new Error(`integrity check failed before migrating: ${integrity.detail}`), { code: 'SQLITE_CORRUPT' });
      }
      const dir = options.backupDir ?? path.join(path.dirname(options.file), 'backups');
      const backup = await createBackup(db, dir, 'pre-migration', now(), { schemaVersion: schemaVersion(db) });
      preMigrationBackup = path.join(dir, backup.name);
    }
    const { from, to } = migrate(db, migrations);
    return { db, file: options.file, migratedFrom: from, schemaVersion: to, preMigrationBackup, audit };
  } catch (err) {
    db.close();
    throw err;
  }
}
