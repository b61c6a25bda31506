import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { fileFormat } from './cipher.ts';
import { openSqlite } from './sqlite.ts';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { fsyncDir, fsyncFile, inspectFile, installIncoming, prepareIncoming, putBack } from './recovery.ts';

export type BackupKind = BackupInfo['kind'];

export const DATABASE_FILE_NAME = 'toxinmap.sqlite';

/** Where the database, its backups and the files a restore replaced live inside the data directory. */
export interface DataPaths {
  dataDirectory: string;
  file: string;
  backupDir: string;
  replacedDir: string;
}

export function dataPaths(dataDirectory: string): DataPaths {
  return {
    dataDirectory,
    file: path.join(dataDirectory, DATABASE_FILE_NAME),
    backupDir: path.join(dataDirectory, 'backups'),
    replacedDir: path.join(dataDirectory, 'replaced'),
  };
}

/**
 * Rotation policy, applied per kind after each new backup of that kind:
 *   automatic      last 14 (one a day at most: two weeks of daily copies at the start of the app)
 *   manual         last 10 (the clinician asked for them; a handful covers "before I tidy up")
 *   pre-migration  last 20 (rare, one per app update; the only copy in the old schema, so kept longest)
 *   pre-restore    last 10 (reserved for copies taken before a restore; none are made today, because a
 *                  restore keeps the replaced file in <dataDirectory>/replaced/)
 * Files in replaced/ follow their own rule (REPLACED_RULE below), shown in Settings.
 */
export const RETENTION: Readonly<Record<BackupKind, number>> = {
  automatic: 14,
  manual: 10,
  'pre-migration': 20,
  'pre-restore': 10,
};

const KINDS: readonly BackupKind[] = ['automatic', 'manual', 'pre-migration', 'pre-restore'];

// <kind>[-v<schema>]-<UTC timestamp with ':' and '.' as '-'>[-<n>].sqlite, e.g.
// automatic-2025-03-01T08-15-00-000Z.sqlite, pre-migration-v10-2025-03-01T08-15-00-000Z.sqlite
const NAME_PATTERN =
  /^(automatic|manual|pre-migration|pre-restore)(?:-v(\d+))?-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?\.sqlite$/;

export function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const kind = KINDS.find((k) => k === m[1]);
  if (!kind) return null;
  const createdAt = `${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { kind, createdAt };
}

/** Every backup in the folder, newest first. Files that do not follow the naming scheme are ignored. */
export function listBackups(backupDir: string): BackupInfo[] {
  if (!fs.existsSync(backupDir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(backupDir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const stat = fs.statSync(path.join(backupDir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    out.push({ name, createdAt: parsed.createdAt, sizeBytes: stat.size, kind: parsed.kind });
  }
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

/** The live file and the backups that are encrypted (the files a key must open to be this record's key). */
export function encryptedRecordFiles(paths: DataPaths): string[] {
  return [paths.file, ...listBackups(paths.backupDir).map((b) => path.join(paths.backupDir, b.name))].filter((f) => fileFormat(f) === 'encrypted');
}

/** A backup chosen by name, only ever from the list: never an arbitrary path from the renderer. */
export function findBackup(backupDir: string, name: string): BackupInfo & { path: string } {
  const found = listBackups(backupDir).find((b) => b.name === name);
  if (!found) throw new AppError('NOT_FOUND', `There is no backup named "${name}". Choose one from the list of backups.`);
  return { ...found, path: path.join(backupDir, found.name) };
}

function uniqueName(backupDir: string, base: string): string {
  let name = `${base}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(backupDir, name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

/**
 * Copies the live database (a consistent snapshot even while the app writes, encrypted like the live
 * file), into a temporary name first so a half-written copy never appears in the list, then rotates.
 */
export async function createBackup(
  db: Database.Database,
  backupDir: string,
  kind: BackupKind,
  at: Date,
  options: { schemaVersion?: number; retention?: number } = {},
): Promise<BackupInfo> {
  fs.mkdirSync(backupDir, { recursive: true });
  const version = kind === 'pre-migration' && options.schemaVersion !== undefined ? `-v${options.schemaVersion}` : '';
  const name = uniqueName(backupDir, `${kind}${version}-${timestampForFile(at)}`);
  const finalPath = path.join(backupDir, name);
  const partial = `${finalPath}.partial`;
  try {
    // VACUUM INTO writes a consistent snapshot, compacted, encrypted with the connection's own key (an
    // encrypted file cannot go through SQLite's page-by-page backup API into a new file). On the data
    // worker's own connection, so the window does not wait for it.
    db.prepare('VACUUM INTO ?').run(partial);
    // A rollback-journal copy is one self-contained file that opens read-only without creating -wal/-shm.
    const copy = openSqlite(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(partial);
    fs.renameSync(partial, finalPath);
    fsyncDir(backupDir);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  rotateBackups(backupDir, kind, name, options.retention);
  const info = listBackups(backupDir).find((b) => b.name === name);
  if (!info) throw new Error(`createBackup: ${name} is missing right after it was written`);
  return info;
}

/** Deletes the oldest backups of one kind beyond RETENTION; never the one just written. */
export function rotateBackups(backupDir: string, kind: BackupKind, keep?: string, limit: number = RETENTION[kind]): string[] {
  const ofKind = listBackups(backupDir).filter((b) => b.kind === kind);
  const removed: string[] = [];
  for (const old of ofKind.slice(Math.max(1, limit))) {
    if (old.name === keep) continue;
    fs.rmSync(path.join(backupDir, old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * The automatic backup at start: at most one per local calendar day. Returns null when skipped.
 * A database without a single patient is not backed up: a copy of nothing would only push good
 * backups out of the rotation (a start on an empty file must never cost the last good copy).
 */
export async function dailyBackup(
  db: Database.Database,
  backupDir: string,
  at: Date,
  options: { retention?: number; write?: () => Promise<BackupInfo> } = {},
): Promise<BackupInfo | null> {
  if (db.prepare('SELECT 1 FROM patients LIMIT 1').get() === undefined) return null;
  const today = localDay(at);
  const already = listBackups(backupDir).some((b) => b.kind === 'automatic' && localDay(new Date(b.createdAt)) === today);
  if (already) return null;
  // `write`: the copy made elsewhere (the data worker), so a large file is not copied on the main thread.
  if (options.write) return options.write();
  return createBackup(db, backupDir, 'automatic', at, options.retention === undefined ? {} : { retention: options.retention });
}

/**
 * Opens a backup read-only and checks its pages and its structure (exactly what this app's migrations
 * make at its version), so a damaged or altered copy is never restored.
 */
export function inspectBackup(file: string, migrationsDir: string): { ok: boolean; detail: string; schemaVersion: number } {
  return inspectFile(file, migrationsDir);
}

/** The newest backup that opens and passes its checks, or null. Backups of an empty database are passed over. */
export function latestUsableBackup(backupDir: string, migrationsDir: string): BackupInfo | null {
  for (const b of listBackups(backupDir)) {
    if (inspectBackup(path.join(backupDir, b.name), migrationsDir).ok) return b;
  }
  return null;
}

/**
 * Swaps the database FILE for a backup (the database must be closed), crash-safe: the backup is copied
 * and checked beside the live file first, then swapped in by an atomic rename, the current file kept in
 * replaced/ (see recovery.ts for the steps and what a start after a crash does).
 */
export function replaceWithBackup(
  paths: DataPaths,
  backupName: string,
  at: Date,
  migrationsDir: string,
): { restoredFrom: string; replacedFileKeptAt: string | null } {
  const backup = findBackup(paths.backupDir, backupName);
  try {
    prepareIncoming(paths, backup.path, migrationsDir);
  } catch (err) {
    throw new AppError('DATABASE', `The backup "${backupName}" cannot be restored (${(err as Error).message}). Your data was not changed.`);
  }
  const keptAt = installIncoming(paths, backup.name, at);
  pruneReplaced(paths.replacedDir, at);
  return { restoredFrom: backup.name, replacedFileKeptAt: keptAt };
}

/** Puts back the file a restore replaced (used when the restored copy then fails to open). */
export function moveBack(keptAt: string, paths: DataPaths): void {
  putBack(paths, keptAt);
}

/**
 * At start, when the database is damaged or missing: put the newest usable backup in place. The damaged
 * file is kept in replaced/. The caller then starts the backend normally.
 */
export function restoreLatestBackup(
  dataDirectory: string,
  migrationsDir: string,
  at: Date = new Date(),
): { restoredFrom: string; replacedFileKeptAt: string | null } {
  const paths = dataPaths(dataDirectory);
  const latest = latestUsableBackup(paths.backupDir, migrationsDir);
  if (!latest) throw new AppError('NOT_FOUND', 'There is no usable backup to restore.');
  return replaceWithBackup(paths, latest.name, at, migrationsDir);
}

/**
 * What a restore sets aside in replaced/ (the file it replaced, a -wal that did not belong) is kept by
 * this rule, applied after each restore and shown in Settings: the REPLACED_KEEP_NEWEST newest sets
 * are always kept, and every set younger than REPLACED_KEEP_DAYS days. Older ones are deleted.
 */
export const REPLACED_KEEP_NEWEST = 5;
export const REPLACED_KEEP_DAYS = 90;
export const REPLACED_RULE = `the ${REPLACED_KEEP_NEWEST} most recent, and all from the last ${REPLACED_KEEP_DAYS} days`;

const REPLACED_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?-/;

interface ReplacedSet {
  stamp: string;
  at: number;
  files: string[];
  bytes: number;
}

function replacedSets(replacedDir: string): ReplacedSet[] {
  if (!fs.existsSync(replacedDir)) return [];
  const sets = new Map<string, ReplacedSet>();
  for (const name of fs.readdirSync(replacedDir)) {
    const m = REPLACED_PATTERN.exec(name);
    if (!m) continue;
    const stamp = m[0];
    const at = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
    const set = sets.get(stamp) ?? { stamp, at, files: [], bytes: 0 };
    set.files.push(name);
    set.bytes += fs.statSync(path.join(replacedDir, name), { throwIfNoEntry: false })?.size ?? 0;
    sets.set(stamp, set);
  }
  return [...sets.values()].sort((a, b) => b.at - a.at || b.stamp.localeCompare(a.stamp));
}

/** Applies the replaced/ retention rule; returns the names deleted. */
export function pruneReplaced(replacedDir: string, now: Date): string[] {
  const removed: string[] = [];
  const cutoff = now.getTime() - REPLACED_KEEP_DAYS * 24 * 60 * 60 * 1000;
  replacedSets(replacedDir).forEach((set, i) => {
    if (i < REPLACED_KEEP_NEWEST || set.at >= cutoff) return;
    for (const name of set.files) {
      fs.rmSync(path.join(replacedDir, name), { force: true });
      removed.push(name);
    }
  });
  return removed;
}

/** How many files replaced/ holds and their size, for Settings. */
export function replacedSummary(replacedDir: string): { files: number; bytes: number } {
  const sets = replacedSets(replacedDir);
  return { files: sets.reduce((n, s) => n + s.files.length, 0), bytes: sets.reduce((n, s) => n + s.bytes, 0) };
}
