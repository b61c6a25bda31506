// Unencrypted copies of the record left from before encryption: the record kept in replaced/ when it was
// encrypted (encrypt-record.ts) with its -wal, older unencrypted backups, files a restore set aside. They
// are listed for the user (Settings) and removed only when the user asks, after a fresh encrypted backup
// has been made and checked (electron/vault/gate.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileFormat } from './cipher.ts';
import type { DataPaths } from './backup.ts';
import { fsyncDir } from './recovery.ts';

export interface UnencryptedCopy {
  file: string;
  bytes: number;
}

function isUnencrypted(file: string): boolean {
  const name = path.basename(file);
  // A -wal/-shm/-journal beside an unencrypted file is as readable as the file.
  if (/\.unencrypted(-wal|-shm|-journal)$/.test(name)) return true;
  return fileFormat(file) === 'plain';
}

export function listUnencryptedCopies(paths: DataPaths): UnencryptedCopy[] {
  const out: UnencryptedCopy[] = [];
  for (const dir of [paths.replacedDir, paths.backupDir]) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || !isUnencrypted(file)) continue;
      out.push({ file, bytes: stat.size });
    }
  }
  return out;
}

/**
 * Overwrites each file with zeros (flushed to disk) before deleting it, so its content does not stay in
 * the freed blocks of a hard disk. On an SSD or a copy-on-write file system the old blocks may survive
 * anyway; full-disk encryption is what protects those (said in the README).
 */
export function removeUnencryptedCopies(copies: readonly UnencryptedCopy[]): { removed: number; bytes: number } {
  const zeros = Buffer.alloc(1024 * 1024);
  let removed = 0;
  let bytes = 0;
  const dirs = new Set<string>();
  for (const { file } of copies) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const fd = fs.openSync(file, 'r+');
    try {
      for (let at = 0; at < stat.size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, stat.size - at), at);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(file, { force: true });
    dirs.add(path.dirname(file));
    removed++;
    bytes += stat.size;
  }
  for (const dir of dirs) fsyncDir(dir);
  return { removed, bytes };
}
