// Putting a backup in place of the live file so that a crash at any moment leaves either the old record
// or the restored one (never nothing), finishing an interrupted restore at the next start, cleaning what
// an interrupted copy left behind, and setting aside a -wal file that does not belong to the database.
//
// The swap, in order (each step durable before the next):
//   1. the backup is copied to toxinmap.sqlite.restoring beside the live file, fsynced and checked;
//   2. restore-pending.json names the backup and where the current file will be kept;
//   3. the current file is hard-linked (or copied) into replaced/; its -wal/-shm are moved there too,
//      because they belong to the old file and would be merged into the new one;
//   4. toxinmap.sqlite.restoring is renamed over toxinmap.sqlite (atomic);
//   5. restore-pending.json is removed.
// A start that finds restore-pending.json finishes steps 3 to 5; one that finds only a .restoring file
// (a crash during step 1) removes it: the live file was never touched.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { encryptFileInPlace, fileFormat } from './cipher.ts';
import { currentDatabaseKey, openPlainSqlite, openSqlite } from './sqlite.ts';
import { checkIntegrity } from './integrity.ts';
import { checkSchema } from './schema-check.ts';
import { anchorPath } from '../trust/monitor.ts';

export interface RecoveryPaths {
  dataDirectory: string;
  file: string;
  backupDir: string;
  replacedDir: string;
}

export const RESTORE_MARKER = 'restore-pending.json';
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

interface RestoreMarker {
  version: 1;
  backupName: string;
  keptAt: string | null;
  startedAt: string;
}

export function incomingPath(paths: RecoveryPaths): string {
  return `${paths.file}.restoring`;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
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

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** A free name in replaced/ for the file set aside at `at`. */
export function keptPath(paths: RecoveryPaths, at: Date, suffix = ''): string {
  const stamp = timestampForFile(at);
  const base = path.basename(paths.file);
  let target = path.join(paths.replacedDir, `${stamp}-${base}${suffix}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(paths.replacedDir, `${stamp}-${n}-${base}${suffix}`);
  return target;
}

/** A second name for the same bytes without removing the first: a hard link, or a copy where links are not supported. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
    return;
  } catch {
    // FAT/exFAT and some network shares have no hard links.
  }
  const partial = `${to}.partial`;
  fs.copyFileSync(from, partial);
  fsyncFile(partial);
  fs.renameSync(partial, to);
}

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

/**
 * Opens a database file read-only and checks its pages and that its structure is exactly what this
 * app's migrations make at its version. Never writes to the file.
 */
export function inspectFile(file: string, migrationsDir: string): { ok: boolean; detail: string; schemaVersion: number } {
  let db: Database.Database | null = null;
  try {
    // An unencrypted file (an old backup from before encryption) is read without the key.
    db = openSqlite(file, { readonly: true, fileMustExist: true, allowPlain: true });
    const integrity = checkIntegrity(db);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (!integrity.ok) return { ok: false, detail: integrity.detail, schemaVersion };
    const schema = checkSchema(db, migrationsDir);
    return { ok: schema.ok, detail: schema.detail, schemaVersion };
  } catch (err) {
    return { ok: false, detail: (err as Error).message, schemaVersion: -1 };
  } finally {
    db?.close();
  }
}

/**
 * Step 1: copies a backup beside the live file and checks the copy (the live file is not touched).
 * Throws with the reason when the copy is not a sound database of this app.
 */
export function prepareIncoming(paths: RecoveryPaths, backupPath: string, migrationsDir: string): string {
  const incoming = incomingPath(paths);
  removeWithSideFiles(incoming);
  try {
    fs.copyFileSync(backupPath, incoming);
    // A backup from before encryption is encrypted on the way in: the live file is never unencrypted.
    const key = currentDatabaseKey();
    if (key && fileFormat(incoming) === 'plain') encryptFileInPlace(incoming, key, (f) => openPlainSqlite(f));
    fsyncFile(incoming);
    const inspected = inspectFile(incoming, migrationsDir);
    // A read-only open of a WAL-mode copy may leave an empty -shm beside it.
    for (const suffix of SIDE_FILES) fs.rmSync(incoming + suffix, { force: true });
    if (!inspected.ok) throw new Error(inspected.detail);
    return incoming;
  } catch (err) {
    removeWithSideFiles(incoming);
    throw err;
  }
}

function writeMarker(paths: RecoveryPaths, marker: RestoreMarker): void {
  const file = path.join(paths.dataDirectory, RESTORE_MARKER);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(marker, null, 2));
  fsyncFile(tmp);
  fs.renameSync(tmp, file);
  fsyncDir(paths.dataDirectory);
}

function readMarker(paths: RecoveryPaths): RestoreMarker | 'unreadable' | null {
  const file = path.join(paths.dataDirectory, RESTORE_MARKER);
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RestoreMarker>;
    if (parsed.version !== 1 || typeof parsed.backupName !== 'string' || typeof parsed.startedAt !== 'string') return 'unreadable';
    return { version: 1, backupName: parsed.backupName, keptAt: typeof parsed.keptAt === 'string' ? parsed.keptAt : null, startedAt: parsed.startedAt };
  } catch {
    return 'unreadable';
  }
}

function removeMarker(paths: RecoveryPaths): void {
  fs.rmSync(path.join(paths.dataDirectory, RESTORE_MARKER), { force: true });
  fs.rmSync(path.join(paths.dataDirectory, `${RESTORE_MARKER}.tmp`), { force: true });
  fsyncDir(paths.dataDirectory);
}

/** Steps 3 and 4: keep the current file in replaced/ (if not kept yet) and rename the incoming copy into place. */
function completeSwap(paths: RecoveryPaths, keptAt: string | null): void {
  const incoming = incomingPath(paths);
  if (keptAt) {
    fs.mkdirSync(paths.replacedDir, { recursive: true });
    if (fs.existsSync(paths.file) && !fs.existsSync(keptAt)) linkOrCopy(paths.file, keptAt);
    for (const suffix of SIDE_FILES) {
      if (fs.existsSync(paths.file + suffix)) fs.renameSync(paths.file + suffix, keptAt + suffix);
    }
    fsyncDir(paths.replacedDir);
  } else {
    for (const suffix of SIDE_FILES) fs.rmSync(paths.file + suffix, { force: true });
  }
  fs.renameSync(incoming, paths.file);
  // What was verified of the old file says nothing about this one (electron/trust/monitor.ts).
  fs.rmSync(anchorPath(paths.file), { force: true });
  fsyncDir(paths.dataDirectory);
}

/**
 * Steps 2 to 5 for a checked incoming copy (prepareIncoming). The live database must be closed.
 * Returns where the replaced file is kept (null when there was no live file).
 */
export function installIncoming(paths: RecoveryPaths, backupName: string, at: Date, keptSuffix = ''): string | null {
  const live = fs.statSync(paths.file, { throwIfNoEntry: false });
  const keptAt = live ? keptPath(paths, at, keptSuffix) : null;
  writeMarker(paths, { version: 1, backupName, keptAt, startedAt: at.toISOString() });
  completeSwap(paths, keptAt);
  removeMarker(paths);
  return keptAt;
}

/** Puts a file kept by installIncoming back in place (used when the restored copy then fails to open). */
export function putBack(paths: RecoveryPaths, keptAt: string): void {
  for (const suffix of SIDE_FILES) fs.rmSync(paths.file + suffix, { force: true });
  fs.copyFileSync(keptAt, `${paths.file}.putback`);
  fsyncFile(`${paths.file}.putback`);
  fs.renameSync(`${paths.file}.putback`, paths.file);
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(keptAt + suffix)) fs.copyFileSync(keptAt + suffix, paths.file + suffix);
  }
  fsyncDir(paths.dataDirectory);
}

export interface RecoveryNotice {
  kind: 'restore-completed' | 'restore-abandoned' | 'wal-set-aside' | 'leftovers-removed' | 'record-encrypted';
  message: string;
}

/**
 * Run at every start before the database is opened: finishes a restore that a crash interrupted and
 * removes what interrupted copies left behind. Never deletes a database file that held a record:
 * only .partial copies, a .restoring copy that was never swapped in, and stale check folders.
 */
export function recoverDataDirectory(paths: RecoveryPaths, at: Date): RecoveryNotice[] {
  const notices: RecoveryNotice[] = [];
  if (!fs.existsSync(paths.dataDirectory)) return notices;
  const incoming = incomingPath(paths);
  const marker = readMarker(paths);
  if (marker !== null) {
    if (fs.existsSync(incoming)) {
      const keptAt = marker === 'unreadable' ? (fs.existsSync(paths.file) ? keptPath(paths, at) : null) : marker.keptAt;
      completeSwap(paths, keptAt);
      notices.push({
        kind: 'restore-completed',
        message:
          `A restore${marker === 'unreadable' ? '' : ` of the backup ${marker.backupName}`} was interrupted; it was completed at this start.` +
          (keptAt ? ` The file it replaced is kept in ${keptAt}.` : ''),
      });
    }
    // Without the incoming copy the rename had already happened: only the marker was left.
    removeMarker(paths);
  } else if (fs.existsSync(incoming)) {
    removeWithSideFiles(incoming);
    notices.push({ kind: 'restore-abandoned', message: 'A restore was interrupted before it changed anything; its unfinished copy was removed. Your data is as it was.' });
  }
  let removed = 0;
  let bytes = 0;
  const sweep = (dir: string, test: (name: string) => boolean) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (!test(name)) continue;
      const full = path.join(dir, name);
      bytes += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
      fs.rmSync(full, { recursive: true, force: true });
      removed++;
    }
  };
  sweep(paths.backupDir, (n) => n.endsWith('.partial') || n.endsWith('.partial-journal'));
  sweep(paths.replacedDir, (n) => n.endsWith('.partial'));
  sweep(paths.dataDirectory, (n) => n.startsWith('.wal-check-') || n.endsWith('.putback'));
  if (removed > 0) {
    notices.push({ kind: 'leftovers-removed', message: `${removed} unfinished cop${removed === 1 ? 'y' : 'ies'} (${(bytes / 1024 / 1024).toFixed(1)} MB) left by an interrupted backup or restore were removed.` });
  }
  return notices;
}

/**
 * A -wal file beside the database at start (after a crash, or one copied in from elsewhere) is checked
 * before the database is opened for writing, because opening merges it into the file for good.
 * The file and the -wal are viewed together read-only through a hard link in a private folder (nothing
 * is written to either); when that view fails its checks and the file alone passes them, the -wal does
 * not belong to this file (or is damaged) and is moved to replaced/, never merged.
 * When the file alone fails too, nothing is moved: the damage path keeps both as they are.
 */
export function checkWriteAheadLog(paths: RecoveryPaths, migrationsDir: string, at: Date): RecoveryNotice | null {
  const wal = `${paths.file}-wal`;
  const walSize = fs.statSync(wal, { throwIfNoEntry: false })?.size;
  if (walSize === undefined || !fs.existsSync(paths.file)) return null;
  if (walSize === 0) return null; // nothing to merge
  const view = (withWal: boolean) => {
    const dir = fs.mkdtempSync(path.join(paths.dataDirectory, '.wal-check-'));
    try {
      const copy = path.join(dir, 'view.sqlite');
      linkOrCopy(paths.file, copy);
      if (withWal) fs.copyFileSync(wal, `${copy}-wal`);
      return inspectFile(copy, migrationsDir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const merged = view(true);
  if (merged.ok) return null;
  const alone = view(false);
  if (!alone.ok) return null;
  fs.mkdirSync(paths.replacedDir, { recursive: true });
  const target = keptPath(paths, at, '-wal.set-aside');
  fs.renameSync(wal, target);
  fs.rmSync(`${paths.file}-shm`, { force: true });
  fsyncDir(paths.replacedDir);
  fsyncDir(paths.dataDirectory);
  return {
    kind: 'wal-set-aside',
    message:
      `A write-ahead log found beside the database did not fit it (${merged.detail}). It was not merged: it was set aside in ${target}. ` +
      'The database opened as it was at its last complete save. If records from the last minutes before a crash are missing, contact support with that file.',
  };
}
