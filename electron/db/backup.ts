import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { checkIntegrity } from './integrity.ts';

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
 *                  restore keeps the replaced file in <dataDirectory>/replaced/, which is never rotated)
 * Files in replaced/ are never deleted by the app: a restore must not be able to lose data.
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

/** A backup chosen by name, only ever from the list: never an arbitrary path from the renderer. */
export function findBackup(backupDir: string, name: string): BackupInfo & { path: string } {
  const found = listBackups(backupDir).find((b) => b.name === name);
  if (!found) throw new AppError('NOT_FOUND', `There is no backup named "${name}". Choose one from the list of backups.`);
  return { ...found, path: path.join(backupDir, found.name) };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not supported on every platform (Windows); the rename itself is still atomic.
  }
}

function uniqueName(backupDir: string, base: string): string {
  let name = `${base}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(backupDir, name)); n++) name = `${base}-${n}.sqlite`;
  return name;
}

/**
 * Copies the live database with SQLite's online backup API (a consistent snapshot even while the app
 * writes), into a temporary name first so a half-written copy never appears in the list, then rotates.
 */
export async function createBackup(
  db: Database.Database,
  backupDir: string,
  kind: BackupKind,
  at: Date,
  options: { schemaVersion?: number } = {},
): Promise<BackupInfo> {
  fs.mkdirSync(backupDir, { recursive: true });
  const version = kind === 'pre-migration' && options.schemaVersion !== undefined ? `-v${options.schemaVersion}` : '';
  const name = uniqueName(backupDir, `${kind}${version}-${timestampForFile(at)}`);
  const finalPath = path.join(backupDir, name);
  const partial = `${finalPath}.partial`;
  try {
    await db.backup(partial);
    // The copy carries the WAL flag of the live file; a rollback-journal copy is one self-contained
    // file that opens read-only without creating -wal/-shm beside it.
    const copy = new Database(partial);
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
  rotateBackups(backupDir, kind, name);
  const info = listBackups(backupDir).find((b) => b.name === name);
  if (!info) throw new Error(`createBackup: ${name} is missing right after it was written`);
  return info;
}

/** Deletes the oldest backups of one kind beyond RETENTION; never the one just written. */
export function rotateBackups(backupDir: string, kind: BackupKind, keep?: string): string[] {
  const ofKind = listBackups(backupDir).filter((b) => b.kind === kind);
  const removed: string[] = [];
  for (const old of ofKind.slice(RETENTION[kind])) {
    if (old.name === keep) continue;
    fs.rmSync(path.join(backupDir, old.name), { force: true });
    removed.push(old.name);
  }
  return removed;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** The automatic backup at start: at most one per local calendar day. Returns null when skipped. */
export async function dailyBackup(db: Database.Database, backupDir: string, at: Date): Promise<BackupInfo | null> {
  const today = localDay(at);
  const already = listBackups(backupDir).some((b) => b.kind === 'automatic' && localDay(new Date(b.createdAt)) === today);
  if (already) return null;
  return createBackup(db, backupDir, 'automatic', at);
}

/** Opens a backup read-only and runs the integrity check, so a damaged copy is never restored. */
export function inspectBackup(file: string): { ok: boolean; detail: string; schemaVersion: number } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = checkIntegrity(db);
    return { ...integrity, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch (err) {
    return { ok: false, detail: (err as Error).message, schemaVersion: -1 };
  } finally {
    db?.close();
  }
}

/** The newest backup that opens and passes the integrity check, or null. */
export function latestUsableBackup(backupDir: string): BackupInfo | null {
  for (const b of listBackups(backupDir)) {
    if (inspectBackup(path.join(backupDir, b.name)).ok) return b;
  }
  return null;
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/**
 * Moves the database file and its -wal/-shm/-journal aside into replacedDir, under one timestamped
 * name. Renamed, never deleted: whatever a restore replaces can still be opened later.
 */
export function moveAside(file: string, replacedDir: string, at: Date): string {
  fs.mkdirSync(replacedDir, { recursive: true });
  const stamp = timestampForFile(at);
  let target = path.join(replacedDir, `${stamp}-${path.basename(file)}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(replacedDir, `${stamp}-${n}-${path.basename(file)}`);
  const moved: [string, string][] = [];
  try {
    for (const suffix of SIDE_FILES) {
      if (!fs.existsSync(file + suffix)) continue;
      fs.renameSync(file + suffix, target + suffix);
      moved.push([file + suffix, target + suffix]);
    }
  } catch (err) {
    for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
    throw err;
  }
  fsyncDir(replacedDir);
  return target;
}

/** Undoes moveAside (used when a restored file then fails to open). */
export function moveBack(keptAt: string, file: string): void {
  for (const suffix of SIDE_FILES) {
    fs.rmSync(file + suffix, { force: true });
    if (fs.existsSync(keptAt + suffix)) fs.renameSync(keptAt + suffix, file + suffix);
  }
}

/**
 * Swaps the database FILE for a backup (the database must be closed): the current file goes aside to
 * replaced/, the backup is copied in through a temporary name. Opening it is the caller's job.
 */
export function replaceWithBackup(paths: DataPaths, backupName: string, at: Date): { restoredFrom: string; replacedFileKeptAt: string | null } {
  const backup = findBackup(paths.backupDir, backupName);
  const hasCurrent = fs.existsSync(paths.file);
  const keptAt = hasCurrent ? moveAside(paths.file, paths.replacedDir, at) : null;
  const incoming = `${paths.file}.restoring`;
  try {
    fs.copyFileSync(backup.path, incoming);
    fsyncFile(incoming);
    fs.renameSync(incoming, paths.file);
    fsyncDir(path.dirname(paths.file));
  } catch (err) {
    fs.rmSync(incoming, { force: true });
    if (keptAt) moveBack(keptAt, paths.file);
    throw new AppError('DATABASE', `The backup "${backupName}" could not be copied into place (${(err as Error).message}). Your data was not changed.`);
  }
  return { restoredFrom: backup.name, replacedFileKeptAt: keptAt };
}

/**
 * At start, when the database is damaged: put the newest usable backup in place. The damaged file is
 * kept in replaced/. The caller then starts the backend normally.
 */
export function restoreLatestBackup(dataDirectory: string, at: Date = new Date()): { restoredFrom: string; replacedFileKeptAt: string | null } {
  const paths = dataPaths(dataDirectory);
  const latest = latestUsableBackup(paths.backupDir);
  if (!latest) throw new AppError('NOT_FOUND', 'There is no usable backup to restore.');
  return replaceWithBackup(paths, latest.name, at);
}
