// Encryption at rest (electron/db/cipher.ts): the live file, its WAL and every backup are encrypted with
// the key; without it nothing opens; an unencrypted record is migrated with every row and seal intact;
// an old unencrypted backup is encrypted on its way back in. These tests manage keys themselves.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { dataPaths, listBackups } from '../../electron/db/backup.ts';
import { fileFormat, LockedDatabaseError, newDatabaseKey } from '../../electron/db/cipher.ts';
import { UNENCRYPTED_SUFFIX } from '../../electron/db/encrypt-record.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { openPlainSqlite, openSqlite, setDatabaseKey } from '../../electron/db/sqlite.ts';
import { verifyEverything } from '../../electron/trust/verify.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

const KEY = Buffer.from('a7'.repeat(32), 'hex');
let dir: string;
const open: Backend[] = [];

beforeEach(() => {
  dir = tempDir('toxinmap-encryption-');
});
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  setDatabaseKey(null);
  removeDir(dir);
});

async function start(databaseKey: Buffer | null): Promise<Backend> {
  const b = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey });
  open.push(b);
  return b;
}

async function seededPlainRecord(): Promise<void> {
  setDatabaseKey(null);
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  seedClinic(db);
  db.close();
}

function counts(file: string): Record<string, number> {
  const db = openSqlite(file, { readonly: true, allowPlain: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

const NAME = 'Família 1';
const MRN = 'MRN1';

describe('an encrypted record', () => {
  it('is unreadable without its key: no patient text in the file, its WAL or a backup; another key is refused', async () => {
    await seededPlainRecord();
    const b = await start(KEY);
    await b.startupBackup;
    const created = await b.dispatch('patient:create', { mrn: 'ZZ-404', familyName: 'Okonkwo-Lindqvist', givenName: 'Hedda', birthDate: '1961-02-03' });
    expect(created.ok).toBe(true);
    const { file, backupDir } = dataPaths(dir);
    const wal = fs.readFileSync(`${file}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    expect(wal.includes('Okonkwo')).toBe(false);
    const manual = await b.dispatch('backup:now', {});
    expect(manual.ok).toBe(true);
    const manualName = manual.ok ? (manual.value as { name: string }).name : '';
    b.close();
    open.length = 0;
    const files = [file, ...listBackups(backupDir).map((x) => path.join(backupDir, x.name))];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      expect(fileFormat(f), f).toBe('encrypted');
      const bytes = fs.readFileSync(f);
      for (const text of [NAME, MRN, 'Okonkwo', 'ZZ-404', 'allergic to latex', 'SQLite format 3']) expect(bytes.includes(text), `${text} in ${f}`).toBe(false);
      const plain = openPlainSqlite(f, { readonly: true });
      expect(() => plain.prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
      plain.close();
      setDatabaseKey(newDatabaseKey());
      const wrong = openSqlite(f, { readonly: true });
      expect(() => wrong.prepare('SELECT count(*) FROM patients').get()).toThrow(/not a database/);
      wrong.close();
      setDatabaseKey(KEY);
      const right = openSqlite(f, { readonly: true });
      expect(right.prepare('SELECT count(*) FROM patients WHERE mrn = ?').pluck().get(MRN)).toBe(1);
      if (f === file || f.endsWith(manualName)) expect(right.prepare('SELECT count(*) FROM patients WHERE mrn = ?').pluck().get('ZZ-404')).toBe(1);
      right.close();
    }
  });

  it('started with another key is locked (not damaged): the app asks for the recovery key and touches nothing', async () => {
    const b = await start(KEY);
    await b.dispatch('patient:create', { mrn: 'L-1', familyName: 'Locke', givenName: 'Ada', birthDate: '1980-01-01' });
    await b.dispatch('backup:now', {});
    b.close();
    open.length = 0;
    const before = fs.readFileSync(dataPaths(dir).file);
    await expect(start(newDatabaseKey())).rejects.toBeInstanceOf(LockedDatabaseError);
    expect(fs.readFileSync(dataPaths(dir).file).equals(before)).toBe(true);
    // The right key still opens it.
    const again = await start(KEY);
    expect(again.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });

  it('whose file is damaged while the key opens its backups is damaged, and a backup is offered', async () => {
    const b = await start(KEY);
    await b.dispatch('patient:create', { mrn: 'D-1', familyName: 'Dane', givenName: 'Ida', birthDate: '1980-01-01' });
    await b.dispatch('backup:now', {});
    b.close();
    open.length = 0;
    const { file } = dataPaths(dir);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(file, bytes);
    await expect(start(KEY)).rejects.toMatchObject({ name: 'DamagedDatabaseError', latestBackup: expect.objectContaining({ kind: 'manual' }) });
  });
});

describe('an unencrypted record from an earlier version', () => {
  it('is encrypted at the first start with a key, with every row, the audit chain and every seal intact', async () => {
    await seededPlainRecord();
    const { file, replacedDir } = dataPaths(dir);
    const before = counts(file);
    const plain = openPlainSqlite(file, { readonly: true });
    const trustBefore = verifyEverything(plain);
    plain.close();
    expect(trustBefore.problems).toEqual([]);
    expect(trustBefore.sessionsChecked).toBeGreaterThan(0);

    const b = await start(KEY);
    expect(b.notices.map((n) => n.kind)).toContain('record-encrypted');
    expect(fileFormat(file)).toBe('encrypted');
    expect(counts(file)).toEqual(before);
    const trustAfter = verifyEverything(b.db);
    expect(trustAfter.problems).toEqual([]);
    expect(trustAfter.sessionsChecked).toBe(trustBefore.sessionsChecked);
    expect(trustAfter.last).toEqual(trustBefore.last);
    expect((await b.trust.runFull()).problems).toEqual([]);
    // The unencrypted file is kept aside (until the user removes it), not left as the live file.
    const kept = fs.readdirSync(replacedDir).filter((n) => n.endsWith(UNENCRYPTED_SUFFIX));
    expect(kept).toHaveLength(1);
    expect(fileFormat(path.join(replacedDir, kept[0] ?? ''))).toBe('plain');
    // A second start does nothing more.
    b.close();
    open.length = 0;
    const again = await start(KEY);
    expect(again.notices.map((n) => n.kind)).not.toContain('record-encrypted');
    expect(fs.readdirSync(replacedDir).filter((n) => n.endsWith(UNENCRYPTED_SUFFIX))).toHaveLength(1);
  });

  it('keeps its unencrypted backups restorable: a restored one is encrypted on its way in', async () => {
    await seededPlainRecord();
    const plainBackend = await start(null);
    const backup = await plainBackend.dispatch('backup:now', {});
    expect(backup.ok).toBe(true);
    const name = backup.ok ? (backup.value as { name: string }).name : '';
    plainBackend.close();
    open.length = 0;
    const b = await start(KEY);
    const created = await b.dispatch('patient:create', { mrn: 'AFTER-1', familyName: 'Later', givenName: 'Lu', birthDate: '1990-01-01' });
    expect(created.ok).toBe(true);
    const restored = await b.dispatch('backup:restore', { name });
    expect(restored.ok).toBe(true);
    const { file } = dataPaths(dir);
    expect(fileFormat(file)).toBe('encrypted');
    expect(b.db.prepare('SELECT count(*) FROM patients WHERE mrn = ?').pluck().get('AFTER-1')).toBe(0);
    expect(b.db.prepare('SELECT count(*) FROM patients WHERE mrn = ?').pluck().get(MRN)).toBe(1);
  });
});
