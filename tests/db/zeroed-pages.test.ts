// Every page of a small clinic database, zeroed one at a time: each start must end on the damage path
// (DamagedDatabaseError, which the shell turns into the dialog) with the good backup offered, and must
// leave the damaged file byte for byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { startBackend } from '../../electron/backend.ts';
import { createBackup, dataPaths } from '../../electron/db/backup.ts';
import { DamagedDatabaseError } from '../../electron/db/integrity.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let root: string;
beforeAll(() => {
  root = tempDir('toxinmap-zeroed-');
});
afterAll(() => removeDir(root));

it('every single zeroed page leads to the damage path with a backup offered, the file untouched', async () => {
  const pristineDir = path.join(root, 'pristine');
  const paths = dataPaths(pristineDir);
  const { db } = await openDatabase({ file: paths.file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  seedClinic(db);
  db.exec('VACUUM'); // no free pages: every page holds part of the record
  const backup = await createBackup(db, paths.backupDir, 'manual', new Date('2025-03-01T12:00:00.000Z'));
  db.close();
  const raw = openSqlite(paths.file, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const pageCount = raw.pragma('page_count', { simple: true }) as number;
  raw.close();
  expect(pageCount).toBeGreaterThan(20);
  const pristine = fs.readFileSync(paths.file);
  expect(pristine.length).toBe(pageSize * pageCount);

  const undetected: number[] = [];
  const noBackup: number[] = [];
  const changed: number[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const dir = path.join(root, `page-${page}`);
    const p = dataPaths(dir);
    fs.mkdirSync(p.backupDir, { recursive: true });
    fs.copyFileSync(path.join(paths.backupDir, backup.name), path.join(p.backupDir, backup.name));
    const damaged = Buffer.from(pristine);
    damaged.fill(0, (page - 1) * pageSize, page * pageSize);
    fs.writeFileSync(p.file, damaged);
    const outcome = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test' }).then(
      async (b) => {
        await b.startupBackup;
        b.close();
        return null;
      },
      (err: unknown) => err,
    );
    if (!(outcome instanceof DamagedDatabaseError)) undetected.push(page);
    else if (outcome.latestBackup?.name !== backup.name) noBackup.push(page);
    if (!fs.readFileSync(p.file).equals(damaged)) changed.push(page);
    removeDir(dir);
  }
  expect({ undetected, noBackup, changed }).toEqual({ undetected: [], noBackup: [], changed: [] });
});
