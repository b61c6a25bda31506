import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { createBackup, dailyBackup, dataPaths, listBackups, parseBackupName, RETENTION } from '../../electron/db/backup.ts';
import { loadMigrations, migrate } from '../../electron/db/migrate.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { seedPatient } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import type { BackupInfo } from '../../shared/domain/types.ts';

let dir: string;
let backend: Backend | null = null;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  backend?.close();
  backend = null;
  removeDir(dir);
});

/** A data folder whose database already holds a patient (a database without patients is not backed up). */
async function withPatient(): Promise<void> {
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR });
  seedPatient(db, 1);
  db.close();
}

async function start(now?: () => Date): Promise<Backend> {
  backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', ...(now ? { now } : {}) });
  await backend.startupBackup;
  return backend;
}

async function call<T>(b: Backend, channel: string, input: unknown = {}): Promise<T> {
  const result = await b.dispatch(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const mrns = (db: Database.Database) => db.prepare('SELECT mrn FROM patients ORDER BY mrn').pluck().all();

describe('backup names', () => {
  it('encode the kind and the time, and anything else in the folder is ignored', () => {
    expect(parseBackupName('automatic-2025-03-01T08-15-00-000Z.sqlite')).toEqual({ kind: 'automatic', createdAt: '2025-03-01T08:15:00.000Z' });
    expect(parseBackupName('pre-migration-v10-2025-03-01T08-15-00-000Z.sqlite')?.kind).toBe('pre-migration');
    expect(parseBackupName('manual-2025-03-01T08-15-00-000Z-2.sqlite')?.kind).toBe('manual');
    expect(parseBackupName('toxinmap.sqlite')).toBeNull();
    expect(parseBackupName('manual-2025-03-01T08-15-00-000Z.sqlite.partial')).toBeNull();
  });
});

describe('automatic backups', () => {
  it('are taken at the first start of each calendar day only', async () => {
    await withPatient();
    let now = new Date(2025, 2, 1, 8, 0);
    const b = await start(() => now);
    b.close();
    now = new Date(2025, 2, 1, 17, 30);
    await start(() => now).then((x) => x.close());
    expect(listBackups(dataPaths(dir).backupDir).map((x) => x.kind)).toEqual(['automatic']);
    now = new Date(2025, 2, 2, 7, 45);
    await start(() => now);
    const list = listBackups(dataPaths(dir).backupDir);
    expect(list.map((x) => x.createdAt)).toEqual([new Date(2025, 2, 2, 7, 45).toISOString(), new Date(2025, 2, 1, 8, 0).toISOString()]);
  });

  it('keep the last 14 automatic and the last 10 manual copies, newest first', async () => {
    await withPatient();
    const b = await start(() => new Date(2025, 0, 1, 9));
    const { backupDir } = dataPaths(dir);
    for (let day = 2; day <= 20; day++) await dailyBackup(b.db, backupDir, new Date(2025, 0, day, 9));
    for (let m = 0; m < 12; m++) await createBackup(b.db, backupDir, 'manual', new Date(2025, 1, 1, 9, m));
    const list = listBackups(backupDir);
    const automatic = list.filter((x) => x.kind === 'automatic');
    const manual = list.filter((x) => x.kind === 'manual');
    expect(automatic).toHaveLength(RETENTION.automatic);
    expect(automatic[0]?.createdAt).toBe(new Date(2025, 0, 20, 9).toISOString());
    expect(manual).toHaveLength(RETENTION.manual);
    expect(manual[0]?.createdAt).toBe(new Date(2025, 1, 1, 9, 11).toISOString());
    const sorted = [...list].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
    expect(list).toEqual(sorted);
  });
});

describe('backup now and the list', () => {
  it('writes a manual copy that opens on its own and holds the data', async () => {
    const b = await start();
    seedPatient(b.db, 1);
    const info = await call<BackupInfo>(b, 'backup:now');
    expect(info.kind).toBe('manual');
    expect(info.sizeBytes).toBeGreaterThan(0);
    const list = await call<BackupInfo[]>(b, 'backup:list');
    expect(list[0]).toEqual(info);
    const copy = openSqlite(path.join(dataPaths(dir).backupDir, info.name), { readonly: true });
    expect(mrns(copy)).toEqual(['MRN1']);
    copy.close();
    const health = await call<{ lastBackupAt: string | null }>(b, 'app:health');
    expect(health.lastBackupAt).toBe(info.createdAt);
  });
});

describe('restoring a backup', () => {
  it('brings back the data as it was, keeps the replaced file aside, and the app keeps working', async () => {
    const b = await start();
    seedPatient(b.db, 1);
    const backup = await call<BackupInfo>(b, 'backup:now');
    seedPatient(b.db, 2);
    const result = await call<{ restoredFrom: string; replacedFileKeptAt: string }>(b, 'backup:restore', { name: backup.name });
    expect(result.restoredFrom).toBe(backup.name);
    expect(path.dirname(result.replacedFileKeptAt)).toBe(dataPaths(dir).replacedDir);
    expect(path.basename(result.replacedFileKeptAt)).toMatch(/-toxinmap\.sqlite$/);

    expect(mrns(b.db)).toEqual(['MRN1']); // b.db is the swapped handle
    expect(b.ctx.audit.enabled).toBe(true);
    // Services and audit triggers run on the new connection.
    await call(b, 'patient:create', { mrn: 'MRN9', familyName: 'After', givenName: 'Restore', birthDate: '1980-01-01' });
    expect(mrns(b.db)).toEqual(['MRN1', 'MRN9']);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'patients'").pluck().get()).toBe(2);

    const kept = openSqlite(result.replacedFileKeptAt, { readonly: true });
    expect(mrns(kept)).toEqual(['MRN1', 'MRN2']);
    kept.close();
  });

  it('runs one at a time: a backup asked for during a restore is refused, not interleaved', async () => {
    const b = await start();
    const backup = await call<BackupInfo>(b, 'backup:now');
    const restoring = b.dispatch('backup:restore', { name: backup.name });
    const during = b.dispatch('backup:now', {});
    expect(await during).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await restoring).toMatchObject({ ok: true });
    expect(await b.dispatch('backup:now', {})).toMatchObject({ ok: true });
  });

  it('accepts only a name from the list, never a path', async () => {
    const b = await start();
    const missing = await b.dispatch('backup:restore', { name: 'manual-2020-01-01T00-00-00-000Z.sqlite' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const traversal = await b.dispatch('backup:restore', { name: '../toxinmap.sqlite' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(fs.existsSync(dataPaths(dir).replacedDir)).toBe(false);
  });

  it('refuses a damaged backup and leaves the current data untouched', async () => {
    const b = await start();
    seedPatient(b.db, 1);
    const backup = await call<BackupInfo>(b, 'backup:now');
    const backupPath = path.join(dataPaths(dir).backupDir, backup.name);
    fs.writeFileSync(backupPath, Buffer.alloc(fs.statSync(backupPath).size, 0x42));
    seedPatient(b.db, 2);
    const result = await b.dispatch('backup:restore', { name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    expect(mrns(b.db)).toEqual(['MRN1', 'MRN2']);
    expect(fs.existsSync(dataPaths(dir).replacedDir)).toBe(false);
  });

  it('migrates a backup made by an older version of the app', async () => {
    const b = await start();
    const migrations = loadMigrations(MIGRATIONS_DIR);
    const { backupDir } = dataPaths(dir);
    const oldName = 'manual-2024-01-01T00-00-00-000Z.sqlite';
    fs.mkdirSync(backupDir, { recursive: true });
    const old = openSqlite(path.join(backupDir, oldName));
    migrate(old, migrations.slice(0, 1));
    old.prepare("INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p-old', 'MRN-OLD', 'Old', 'Schema', '1950-01-01', 't', 't')").run();
    old.close();
    await call(b, 'backup:restore', { name: oldName });
    expect(b.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    expect(mrns(b.db)).toEqual(['MRN-OLD']);
    expect(listBackups(backupDir).some((x) => x.kind === 'pre-migration')).toBe(true);
  });
});
