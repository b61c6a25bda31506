// A second copy of each backup in a folder the clinic chose (Settings.backupFolder: an external drive,
// a network share), written whole or not at all, and rotated there with the same retention. Only files
// named like our backups are ever deleted in that folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { rotateBackups } from './backup.ts';

export function copyBackupTo(sourceDir: string, backup: BackupInfo, folder: string, retention?: number): string {
  const source = path.join(sourceDir, backup.name);
  const dest = path.join(folder, backup.name);
  const partial = `${dest}.partial`;
  try {
    fs.copyFileSync(source, partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, dest);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  rotateBackups(folder, backup.kind, backup.name, retention);
  return dest;
}
