// The backup settings applied: how many automatic and manual backups are kept, and the second copy of
// each in Settings.backupFolder. A copy that fails (the drive unplugged, the share offline) never fails
// the backup itself: the answer says so, and the log records why (without the folder's path).
import type { BackupInfo } from '../../shared/domain/types.ts';
import { copyBackupTo } from '../db/backup-copies.ts';
import type { ServiceContext } from './context.ts';
import { getSettings } from './settings.ts';

export interface BackupPolicy {
  retention: (kind: BackupInfo['kind']) => number | undefined;
  afterBackup: (backup: BackupInfo) => BackupInfo;
}

export function backupPolicy(ctx: ServiceContext, backupDir: () => string, logError: (where: string, err: unknown) => void): BackupPolicy {
  const retention = (kind: BackupInfo['kind']): number | undefined => {
    const keep = getSettings(ctx, logError).backupRetention;
    return kind === 'automatic' ? keep.automatic : kind === 'manual' ? keep.manual : undefined;
  };
  return {
    retention,
    afterBackup(backup) {
      const folder = getSettings(ctx, logError).backupFolder;
      if (folder === null) return backup;
      try {
        const file = copyBackupTo(backupDir(), backup, folder, retention(backup.kind));
        return { ...backup, copy: { folder, ok: true, file } };
      } catch (err) {
        logError('backup copy', err);
        const code = (err as NodeJS.ErrnoException).code;
        const detail = code === 'ENOENT' ? 'the folder is not there (a drive unplugged or a share offline?)' : code === 'ENOSPC' ? 'the disk is full' : (code ?? (err as Error).message);
        return { ...backup, copy: { folder, ok: false, detail } };
      }
    },
  };
}
