// Replacing the record's key (Settings → Encryption, when a recovery key was lost or seen by someone who
// should not have it): every encrypted file of the record is re-encrypted from the old key to the new one,
// file by file. Each file is copied beside itself, the copy re-keyed (SQLite3MultipleCiphers' rekey),
// checked with the new key against the original (pages, every table's row count, the last audit hash, the
// sealed sessions), made durable and renamed over the original: at any moment each file is whole under one
// of the two keys, and running again after a crash skips the files already done. The record must be closed.
import fs from 'node:fs';
import path from 'node:path';
import { fileFormat, keyId } from './cipher.ts';
import { listBackups, type DataPaths } from './backup.ts';
import { differences, fingerprint } from './encrypt-record.ts';
import { checkIntegrity } from './integrity.ts';
import { fsyncDir, fsyncFile, removeWithSideFiles } from './recovery.ts';
import { keyOpensFile, openWithKey } from './sqlite.ts';

/** The temporary name of a file's re-keyed copy (removed if a crash left it). */
export const REKEY_SUFFIX = '.rekey';

export interface RekeyResult {
  /** Files re-encrypted now. */
  rekeyed: string[];
  /** Files already under the new key (a run resumed after a crash). */
  already: string[];
  /** Files neither key opens (left as they are, named for the user). */
  unreadable: string[];
  bytes: number;
}

/** The encrypted files of the record: the live file, the backups, the files a restore set aside, and copies in a second folder. */
export function recordFilesToRekey(paths: DataPaths, secondFolder: string | null): string[] {
  const inFolder = (dir: string) => listBackups(dir).map((b) => path.join(dir, b.name));
  const replaced = fs.existsSync(paths.replacedDir)
    ? fs.readdirSync(paths.replacedDir).filter((n) => !n.endsWith(REKEY_SUFFIX) && !/-(wal|shm|journal)$/.test(n)).map((n) => path.join(paths.replacedDir, n))
    : [];
  const second = secondFolder && fs.existsSync(secondFolder) ? inFolder(secondFolder) : [];
  return [paths.file, ...inFolder(paths.backupDir), ...replaced, ...second].filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile() && fileFormat(f) === 'encrypted');
}

/** Re-encrypts one closed file from `from` to `to`; 'already' when `to` opens it. Throws, leaving the file as it was, when the copy fails a check. */
export function rekeyFile(file: string, from: Buffer, to: Buffer): 'rekeyed' | 'already' | 'unreadable' {
  const copy = `${file}${REKEY_SUFFIX}`;
  removeWithSideFiles(copy);
  if (['-wal', '-journal'].some((s) => (fs.statSync(`${file}${s}`, { throwIfNoEntry: false })?.size ?? 0) > 0)) {
    throw new Error(`${path.basename(file)} still has a journal beside it: it is open elsewhere, or was not closed cleanly`);
  }
  const known = keyOpensFile(file, to) ? 'already' : keyOpensFile(file, from) ? null : 'unreadable';
  // A read-only look at a file in WAL mode leaves an empty -wal and a -shm behind: removed (nothing is open).
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  if (known) return known;
  const source = openWithKey(file, from, { readonly: true });
  let before;
  try {
    before = fingerprint(source);
  } finally {
    source.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  fs.copyFileSync(file, copy);
  try {
    const db = openWithKey(copy, from, { readonly: false });
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey = "x'${to.toString('hex')}'"`);
    } finally {
      db.close();
    }
    const check = openWithKey(copy, to, { readonly: true });
    try {
      const integrity = checkIntegrity(check);
      if (!integrity.ok) throw new Error(`the re-encrypted copy of ${path.basename(file)} failed its page check: ${integrity.detail}`);
      const changed = differences(before, fingerprint(check));
      if (changed.length > 0) throw new Error(`the re-encrypted copy of ${path.basename(file)} differs: ${changed.slice(0, 3).join('; ')}`);
    } finally {
      check.close();
    }
    if (keyOpensFile(copy, from)) throw new Error(`the copy of ${path.basename(file)} still opens with the old key`);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${copy}${suffix}`, { force: true });
    fsyncFile(copy);
    fs.renameSync(copy, file);
    fsyncDir(path.dirname(file));
  } catch (err) {
    removeWithSideFiles(copy);
    throw err;
  }
  return 'rekeyed';
}

/** Re-encrypts every file of `files` (recordFilesToRekey), reporting after each; stops at the first failure. */
export function rekeyFiles(files: string[], from: Buffer, to: Buffer, onFile?: (done: number, total: number) => void): RekeyResult {
  if (keyId(from) === keyId(to)) throw new Error('the new key is the current one');
  const result: RekeyResult = { rekeyed: [], already: [], unreadable: [], bytes: 0 };
  files.forEach((file, i) => {
    const outcome = rekeyFile(file, from, to);
    if (outcome === 'rekeyed') {
      result.rekeyed.push(file);
      result.bytes += fs.statSync(file).size;
    } else result[outcome].push(file);
    onFile?.(i + 1, files.length);
  });
  return result;
}

export interface KeyChangeOutcome {
  ok: boolean;
  result: RekeyResult;
  /** Why it stopped (the files then stay under, or went back to, the current key). */
  error?: string;
}

/**
 * Re-encrypts the record's files from `from` to `to`, the record closed. On a failure the files already
 * re-encrypted are put back under `from` (that way of rekeyFile is the same checked copy and rename).
 */
export function reencryptRecord(paths: DataPaths, secondFolder: string | null, from: Buffer, to: Buffer, onFile?: (done: number, total: number) => void): KeyChangeOutcome {
  const files = recordFilesToRekey(paths, secondFolder);
  try {
    return { ok: true, result: rekeyFiles(files, from, to, onFile) };
  } catch (err) {
    const back = recordFilesToRekey(paths, secondFolder);
    const result = rekeyFiles(back, to, from);
    return { ok: false, result, error: (err as Error).message };
  }
}
