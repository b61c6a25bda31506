import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { startBackend } from '../../electron/backend.ts';
import { dataPaths, restoreLatestBackup } from '../../electron/db/backup.ts';
import { checkIntegrity, DamagedDatabaseError } from '../../electron/db/integrity.ts';
import { seedPatient } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const start = () => startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test' });

/** A clinic file with a backup taken at start, then more patients, then closed (WAL checkpointed). */
async function clinicWithBackup(): Promise<{ backupName: string }> {
  const first = await start();
  seedPatient(first.db, 1); // a database without patients is not backed up
  await first.startupBackup;
  first.close();
  const backend = await start();
  const backup = await backend.startupBackup;
  if (!backup) throw new Error('no startup backup');
  // Enough rows after the backup that the tables and indexes span many pages.
  backend.db.transaction(() => {
    for (let n = 2; n <= 400; n++) seedPatient(backend.db, n);
  })();
  backend.close();
  return { backupName: backup.name };
}

function overwrite(file: string, from: number, to: number): void {
  const fd = fs.openSync(file, 'r+');
  const garbage = Buffer.alloc(to - from, 0xa5);
  for (let i = 0; i < garbage.length; i += 7) garbage[i] = i & 0xff;
  fs.writeSync(fd, garbage, 0, garbage.length, from);
  fs.closeSync(fd);
}

describe('the integrity check at start', () => {
  it('passes on a sound database', async () => {
    const backend = await start();
    seedPatient(backend.db, 1);
    expect(checkIntegrity(backend.db)).toEqual({ ok: true, detail: 'ok' });
    const health = await backend.dispatch('app:health', {});
    expect(health).toMatchObject({ ok: true, value: { integrity: 'ok' } });
    await backend.startupBackup;
    backend.close();
  });

  it('refuses a file whose pages were overwritten, naming the latest backup', async () => {
    const { backupName } = await clinicWithBackup();
    const { file } = dataPaths(dir);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(20 * 4096);
    overwrite(file, 4096, size - 4096); // everything but the header page and the last page
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).latestBackup?.name).toBe(backupName);
    expect((err as DamagedDatabaseError).message).toMatch(/damaged/);
  });

  it('refuses a file that is not a database at all', async () => {
    const { backupName } = await clinicWithBackup();
    overwrite(dataPaths(dir).file, 0, 4096);
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).latestBackup?.name).toBe(backupName);
  });

  it('detects damage confined to a table page after the schema', async () => {
    const backend = await start();
    backend.db.transaction(() => {
      for (let n = 1; n <= 2000; n++) seedPatient(backend.db, n);
    })();
    await backend.startupBackup;
    backend.close();
    const { file } = dataPaths(dir);
    const db = openSqlite(file, { readonly: true });
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'patients'").pluck().get() as number;
    db.close();
    overwrite(file, (root - 1) * 4096 + 100, root * 4096); // the patients table's root page
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
  });

  it('restores the latest backup, keeps the damaged file aside, and starts normally', async () => {
    const { backupName } = await clinicWithBackup();
    const { file, replacedDir } = dataPaths(dir);
    overwrite(file, 4096, fs.statSync(file).size - 4096);
    const damagedBytes = fs.readFileSync(file);
    expect(await start().catch((e: unknown) => e)).toBeInstanceOf(DamagedDatabaseError);

    const restored = restoreLatestBackup(dir, MIGRATIONS_DIR);
    expect(restored.restoredFrom).toBe(backupName);
    expect(restored.replacedFileKeptAt).not.toBeNull();
    expect(path.dirname(restored.replacedFileKeptAt ?? '')).toBe(replacedDir);
    expect(fs.readFileSync(restored.replacedFileKeptAt ?? '').equals(damagedBytes)).toBe(true);

    const backend = await start();
    expect(backend.db.prepare('SELECT mrn FROM patients').pluck().all()).toEqual(['MRN1']);
    expect(checkIntegrity(backend.db).ok).toBe(true);
    await backend.startupBackup;
    backend.close();
  });

  it('treats an emptied file as damage when backups exist, instead of starting a new empty record', async () => {
    const { backupName } = await clinicWithBackup();
    fs.truncateSync(dataPaths(dir).file, 0);
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).latestBackup?.name).toBe(backupName);
  });

  it('says plainly when there is no backup to restore', async () => {
    expect(() => restoreLatestBackup(dir, MIGRATIONS_DIR)).toThrow(/no usable backup/);
  });
});
