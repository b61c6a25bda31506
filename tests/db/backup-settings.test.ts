import fs from 'node:fs';
import path from 'node:path';
import { chooseBackupFolder } from '../../electron/services/settings.ts';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

let b: TestBackend;
let tick = 0;
beforeEach(async () => {
  tick = 0;
  // Each backup a minute after the last, so names and order are distinct.
  b = await testBackend(tempDir(), { now: () => new Date(Date.UTC(2026, 0, 5, 9, tick++)) });
  await b.call('patient:create', { mrn: 'BK-1', familyName: 'Ionescu', givenName: 'Ana', birthDate: '1960-01-01' });
});
afterEach(() => b.dispose());

const manual = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('manual-')).sort();

describe('backup retention from the settings', () => {
  it('keeps the number of manual backups chosen, more or fewer than the built-in ten', async () => {
    await b.call('settings:save', { backupRetention: { automatic: 14, manual: 3 } });
    for (let i = 0; i < 5; i++) await b.call('backup:now', {});
    const dir = path.join(b.dir, 'backups');
    expect(manual(dir)).toHaveLength(3);
    await b.call('settings:save', { backupRetention: { automatic: 14, manual: 12 } });
    for (let i = 0; i < 11; i++) await b.call('backup:now', {});
    expect(manual(dir)).toHaveLength(12);
  });
});

describe('a second copy in the chosen folder', () => {
  it('is written beside foreign files, rotated there, and a missing folder is reported without failing the backup', async () => {
    const folder = tempDir('toxinmap-share-');
    try {
      fs.writeFileSync(path.join(folder, 'clinic-notes.txt'), 'not ours');
      await chooseBackupFolder(b.ctx, { chooseBackupFolder: () => Promise.resolve(folder) });
      await b.call('settings:save', { backupRetention: { automatic: 14, manual: 2 } });
      let last: BackupInfo | null = null;
      for (let i = 0; i < 3; i++) last = await b.call<BackupInfo>('backup:now', {});
      expect(last?.copy).toMatchObject({ ok: true, folder: path.resolve(folder) });
      expect(manual(folder)).toEqual(manual(path.join(b.dir, 'backups')));
      expect(manual(folder)).toHaveLength(2);
      expect(fs.readFileSync(path.join(folder, 'clinic-notes.txt'), 'utf8')).toBe('not ours');
      expect(fs.readdirSync(folder).some((f) => f.endsWith('.partial'))).toBe(false);
      // The copy is a real database, byte for byte the backup.
      const name = last?.name ?? '';
      expect(fs.readFileSync(path.join(folder, name)).equals(fs.readFileSync(path.join(b.dir, 'backups', name)))).toBe(true);

      removeDir(folder);
      const unplugged = await b.call<BackupInfo>('backup:now', {});
      expect(fs.existsSync(path.join(b.dir, 'backups', unplugged.name))).toBe(true);
      expect(unplugged.copy).toMatchObject({ ok: false, detail: expect.stringContaining('not there') });
    } finally {
      removeDir(folder);
    }
  });
});
