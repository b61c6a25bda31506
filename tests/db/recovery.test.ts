import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { createBackup, dataPaths, listBackups, pruneReplaced, REPLACED_KEEP_NEWEST } from '../../electron/db/backup.ts';
import { DamagedDatabaseError } from '../../electron/db/integrity.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { incomingPath, RESTORE_MARKER } from '../../electron/db/recovery.ts';
import type { BackupInfo } from '../../shared/domain/types.ts';
import { seedPatient } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
const open: Backend[] = [];
beforeEach(() => {
  dir = tempDir('toxinmap-recovery-');
});
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  removeDir(dir);
});

async function start(extra: { allowNewDatabase?: boolean } = {}): Promise<Backend> {
  const b = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', ...extra });
  open.push(b);
  await b.startupBackup;
  return b;
}

function stop(b: Backend): void {
  b.close();
  open.splice(open.indexOf(b), 1);
}

const mrns = (db: Database.Database) => db.prepare('SELECT mrn FROM patients ORDER BY mrn').pluck().all();

/** A clinic folder: patients 1..n in the live file and a manual backup holding patient 1 only. */
async function clinic(n = 3): Promise<{ backup: BackupInfo }> {
  const b = await start();
  seedPatient(b.db, 1);
  const backup = await createBackup(b.db, dataPaths(dir).backupDir, 'manual', new Date());
  for (let i = 2; i <= n; i++) seedPatient(b.db, i);
  stop(b);
  return { backup };
}

describe('never a silent start on an empty database', () => {
  it('a missing file while backups exist is refused, naming the newest good backup', async () => {
    const { backup } = await clinic();
    fs.rmSync(dataPaths(dir).file);
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).reason).toBe('missing');
    expect((err as DamagedDatabaseError).latestBackup?.name).toBe(backup.name);
    expect(fs.existsSync(dataPaths(dir).file)).toBe(false); // nothing was created
  });

  it('a missing file with only set-aside files in replaced/ is refused too', async () => {
    await clinic();
    const { file, replacedDir, backupDir } = dataPaths(dir);
    fs.mkdirSync(replacedDir);
    fs.renameSync(file, path.join(replacedDir, '2025-01-01T00-00-00-000Z-toxinmap.sqlite'));
    fs.rmSync(backupDir, { recursive: true });
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).latestBackup).toBeNull();
  });

  it('starting empty is an explicit choice, and the empty database never pushes backups out', async () => {
    await clinic();
    fs.rmSync(dataPaths(dir).file);
    const before = listBackups(dataPaths(dir).backupDir);
    const b = await start({ allowNewDatabase: true });
    expect(mrns(b.db)).toEqual([]);
    expect(listBackups(dataPaths(dir).backupDir)).toEqual(before); // no backup of an empty database
  });

  it('an emptied file while backups exist is refused as empty, and kept aside when the user starts anew', async () => {
    await clinic();
    fs.truncateSync(dataPaths(dir).file, 0);
    const err = await start().catch((e: unknown) => e);
    expect((err as DamagedDatabaseError).reason).toBe('empty');
    await start({ allowNewDatabase: true });
    expect(fs.readdirSync(dataPaths(dir).replacedDir).some((n) => n.endsWith('-empty'))).toBe(true);
  });

  it('a first start in an empty folder simply creates the database', async () => {
    const b = await start();
    expect(mrns(b.db)).toEqual([]);
  });
});

describe('an interrupted restore', () => {
  /** The state a crash leaves after step 1 (copy made) or step 2 (marker written) of a restore. */
  async function interrupted(withMarker: boolean): Promise<{ backup: BackupInfo; keptAt: string }> {
    const { backup } = await clinic();
    const paths = dataPaths(dir);
    fs.copyFileSync(path.join(paths.backupDir, backup.name), incomingPath(paths));
    const keptAt = path.join(paths.replacedDir, '2025-06-01T10-00-00-000Z-toxinmap.sqlite');
    if (withMarker) {
      fs.writeFileSync(
        path.join(dir, RESTORE_MARKER),
        JSON.stringify({ version: 1, backupName: backup.name, keptAt, startedAt: '2025-06-01T10:00:00.000Z' }),
      );
    }
    return { backup, keptAt };
  }

  it('before the swap began (no marker) is abandoned: the copy is removed and the record is as it was', async () => {
    await interrupted(false);
    const b = await start();
    expect(mrns(b.db)).toEqual(['MRN1', 'MRN2', 'MRN3']);
    expect(fs.existsSync(incomingPath(dataPaths(dir)))).toBe(false);
    expect(b.notices.map((n) => n.kind)).toContain('restore-abandoned');
  });

  it('after the marker is finished at the next start: the backup is in place and the old file kept', async () => {
    const { keptAt } = await interrupted(true);
    const b = await start();
    expect(mrns(b.db)).toEqual(['MRN1']);
    expect(b.notices.map((n) => n.kind)).toContain('restore-completed');
    const kept = openSqlite(keptAt, { readonly: true });
    expect(mrns(kept)).toEqual(['MRN1', 'MRN2', 'MRN3']);
    kept.close();
    expect(fs.existsSync(path.join(dir, RESTORE_MARKER))).toBe(false);
  });

  it('after the rename only the marker is left, and it is removed', async () => {
    const { keptAt } = await interrupted(true);
    const paths = dataPaths(dir);
    fs.mkdirSync(paths.replacedDir, { recursive: true });
    fs.renameSync(paths.file, keptAt);
    fs.renameSync(incomingPath(paths), paths.file);
    const b = await start();
    expect(mrns(b.db)).toEqual(['MRN1']);
    expect(fs.existsSync(path.join(dir, RESTORE_MARKER))).toBe(false);
  });

  it('unfinished backup copies are removed at start', async () => {
    await clinic();
    const partial = path.join(dataPaths(dir).backupDir, 'manual-2025-01-01T00-00-00-000Z.sqlite.partial');
    fs.writeFileSync(partial, Buffer.alloc(64 * 1024, 1));
    const b = await start();
    expect(fs.existsSync(partial)).toBe(false);
    expect(b.notices.find((n) => n.kind === 'leftovers-removed')?.message).toMatch(/1 unfinished copy/);
  });
});

describe('a -wal beside the database', () => {
  /** A -wal full of another database's pages, as a stray copy or a file mix-up leaves it. */
  function foreignWal(): Buffer {
    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    const file = path.join(other, 'toxinmap.sqlite');
    const db = openSqlite(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE unrelated (id INTEGER PRIMARY KEY, blob TEXT)');
    const insert = db.prepare('INSERT INTO unrelated (blob) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(500));
    const wal = fs.readFileSync(`${file}-wal`);
    db.close();
    return wal;
  }

  it('that belongs to another database is set aside, never merged; the file keeps its record', async () => {
    await clinic();
    const paths = dataPaths(dir);
    const original = fs.readFileSync(paths.file);
    fs.writeFileSync(`${paths.file}-wal`, foreignWal());
    const b = await start();
    expect(mrns(b.db)).toEqual(['MRN1', 'MRN2', 'MRN3']);
    const notice = b.notices.find((n) => n.kind === 'wal-set-aside');
    expect(notice?.message).toMatch(/was not merged/);
    const setAside = fs.readdirSync(paths.replacedDir).filter((n) => n.endsWith('-wal.set-aside'));
    expect(setAside).toHaveLength(1);
    stop(b);
    // The file was never opened for writing with the stray log: its pages are the original ones.
    const db = openSqlite(paths.file, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'unrelated'").pluck().get()).toBe(0);
    db.close();
    expect(fs.readFileSync(paths.file).subarray(100).equals(original.subarray(100))).toBe(true);
  });

  it('that belongs to the file (a crash before the checkpoint) is merged: nothing committed is lost', async () => {
    await clinic(1);
    const paths = dataPaths(dir);
    const { db } = await openDatabase({ file: paths.file, migrationsDir: MIGRATIONS_DIR });
    db.pragma('wal_autocheckpoint = 0');
    for (let i = 2; i <= 40; i++) seedPatient(db, i);
    // Copy the file and its log as a crash would leave them (the connection never checkpointed).
    const crashDir = path.join(dir, 'crash');
    fs.mkdirSync(crashDir);
    fs.copyFileSync(paths.file, path.join(crashDir, 'toxinmap.sqlite'));
    fs.copyFileSync(`${paths.file}-wal`, path.join(crashDir, 'toxinmap.sqlite-wal'));
    db.close();
    fs.cpSync(paths.backupDir, path.join(crashDir, 'backups'), { recursive: true });
    dir = crashDir;
    const b = await start();
    expect(mrns(b.db)).toHaveLength(40);
    expect(b.notices).toEqual([]);
  });
});

describe('restore checks the backup', () => {
  it('refuses a backup whose structure was altered (an extra trigger) and changes nothing', async () => {
    const { backup } = await clinic();
    const file = path.join(dataPaths(dir).backupDir, backup.name);
    const altered = openSqlite(file);
    altered.exec("CREATE TRIGGER sites_times_ten AFTER INSERT ON sites BEGIN UPDATE sites SET units = NEW.units * 10 WHERE id = NEW.id; END;");
    altered.close();
    const b = await start();
    const result = await b.dispatch('backup:restore', { name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    expect(!result.ok && result.error.message).toMatch(/not made by this app: trigger sites_times_ten/);
    expect(mrns(b.db)).toEqual(['MRN1', 'MRN2', 'MRN3']);
    expect(fs.existsSync(dataPaths(dir).replacedDir)).toBe(false);
  });

  it('refuses a backup with a guard trigger dropped', async () => {
    const { backup } = await clinic();
    const altered = openSqlite(path.join(dataPaths(dir).backupDir, backup.name));
    altered.exec('DROP TRIGGER sites_signed_no_update');
    altered.close();
    const b = await start();
    const result = await b.dispatch('backup:restore', { name: backup.name });
    expect(!result.ok && result.error.message).toMatch(/missing: trigger sites_signed_no_update/);
  });

  it('the live file is checked the same way at start', async () => {
    await clinic();
    const altered = openSqlite(dataPaths(dir).file);
    altered.exec('CREATE INDEX sneaky ON patients(notes)');
    altered.close();
    const err = await start().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect((err as DamagedDatabaseError).detail).toMatch(/index sneaky/);
  });
});

describe('replaced/', () => {
  it(`keeps the ${REPLACED_KEEP_NEWEST} newest sets and everything from the last 90 days`, () => {
    const { replacedDir } = dataPaths(dir);
    fs.mkdirSync(replacedDir);
    const now = new Date('2025-06-01T00:00:00.000Z');
    const day = 24 * 60 * 60 * 1000;
    const stamps = [1, 2, 3, 200, 210, 220, 230, 240, 250].map((d) => new Date(now.getTime() - d * day).toISOString().replace(/[:.]/g, '-'));
    for (const s of stamps) {
      fs.writeFileSync(path.join(replacedDir, `${s}-toxinmap.sqlite`), 'x');
      fs.writeFileSync(path.join(replacedDir, `${s}-toxinmap.sqlite-wal`), 'x');
    }
    const removed = pruneReplaced(replacedDir, now);
    // 9 sets: 3 recent ones + 2 more of the newest five are kept; the 4 oldest sets (8 files) go.
    expect(removed).toHaveLength(8);
    expect(fs.readdirSync(replacedDir)).toHaveLength(10);
    expect(removed.every((n) => stamps.slice(5).some((s) => n.startsWith(s)))).toBe(true);
  });
});

describe('a large file', () => {
  it('opens before its page check, which runs after start: damage then stops writing and offers the backup', async () => {
    const { backup } = await clinic(40);
    const paths = dataPaths(dir);
    // Damage a page of the patients table; the structure (schema) stays readable.
    const probe = openSqlite(paths.file, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").pluck().get() as number;
    probe.close();
    const fd = fs.openSync(paths.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0), 0, 4096, (root - 1) * 4096);
    fs.closeSync(fd);
    let offered: DamagedDatabaseError | null = null;
    const b = await startBackend({
      dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', foregroundCheckBytes: 0,
      onDamage: (err) => {
        offered = err;
      },
    });
    open.push(b);
    const check = await b.integrityCheck;
    expect(check.ok).toBe(false);
    expect((offered as DamagedDatabaseError | null)?.latestBackup?.name).toBe(backup.name);
    // Nothing more is written; reading goes on; the health check says so.
    const write = await b.dispatch('patient:create', { mrn: 'AFTER', familyName: 'After', givenName: 'Damage', birthDate: '1970-01-01' });
    expect(write).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/found damaged, so nothing more is saved/) } });
    expect((await b.dispatch('patient:search', { query: 'MRN1' })).ok).toBe(true);
    const health = await b.dispatch('app:health', {});
    expect(health).toMatchObject({ ok: true, value: { integrity: 'damaged' } });
    // A damaged file is never backed up over good backups.
    expect(await b.startupBackup).toBeNull();
  });
});
