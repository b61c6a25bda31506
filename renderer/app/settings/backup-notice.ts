import type { BackupInfo } from '../../../shared/domain/types.ts';
import type { NoticeData } from '../Notice.tsx';

/** What a finished backup tells the clinician, its second copy included (an error notice when that failed). */
export function backupNotice(b: BackupInfo): NoticeData {
  if (!b.copy) return { kind: 'info', message: `Backup saved: ${b.name}` };
  if (b.copy.ok) return { kind: 'info', message: `Backup saved: ${b.name}, and copied to ${b.copy.folder}` };
  return { kind: 'error', message: `Backup saved: ${b.name}. The copy to ${b.copy.folder} failed: ${b.copy.detail}. Check the drive or share, then back up again.` };
}
