import fs from 'node:fs';
import path from 'node:path';
import { exportDatabase, importArchive, parseArchive } from '../../electron/export/archive.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { DEFAULT_SETTINGS, unitsStepFor, type Settings } from '../../shared/domain/settings.ts';
import { testBackend, type TestBackend } from '../helpers/backend.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let b: TestBackend;
beforeEach(async () => {
  b = await testBackend();
});
afterEach(() => b.dispose());

const settingsAudit = () =>
  b.db.prepare("SELECT action, entity_id AS key, before, after FROM audit_log WHERE entity = 'settings' ORDER BY id").all() as Array<{
    action: string;
    key: string;
    before: string | null;
    after: string | null;
  }>;

describe('settings', () => {
  it('read as the defaults on a new database, which holds no settings rows', async () => {
    expect(await b.call('settings:get', {})).toEqual(DEFAULT_SETTINGS);
    expect(b.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
  });

  it('saving the clinic name and a dark theme keeps them, and each change is one audit row naming before and after', async () => {
    const saved = await b.call<Settings>('settings:save', { clinicName: 'Lakeside Neurology', theme: 'dark' });
    expect(saved.clinicName).toBe('Lakeside Neurology');
    expect(saved.theme).toBe('dark');
    expect(saved.defaultRetreatmentDays).toBe(DEFAULT_SETTINGS.defaultRetreatmentDays);
    await b.call('settings:save', { theme: 'high-contrast' });
    const audit = settingsAudit();
    expect(audit.map((a) => [a.action, a.key])).toEqual([
      ['insert', 'clinicName'],
      ['insert', 'theme'],
      ['update', 'theme'],
    ]);
    expect(JSON.parse(audit[2]?.before ?? '{}')).toMatchObject({ value: 'dark' });
    expect(JSON.parse(audit[2]?.after ?? '{}')).toMatchObject({ value: 'high-contrast' });
    expect(await b.call<Settings>('settings:get', {})).toMatchObject({ clinicName: 'Lakeside Neurology', theme: 'high-contrast' });
  });

  it('saving a value equal to the current one writes nothing (no audit row for a non-change)', async () => {
    await b.call('settings:save', { unitsStep: { blepharospasm: 0.25, cervical_dystonia: 2.5 } });
    const before = settingsAudit().length;
    await b.call('settings:save', { unitsStep: { cervical_dystonia: 2.5, blepharospasm: 0.25 }, theme: 'system' });
    expect(settingsAudit().length).toBe(before);
  });

  it('units step per indication: the blepharospasm default is 0.25 U, a saved step wins, others use 1 U', async () => {
    expect(unitsStepFor(DEFAULT_SETTINGS, 'blepharospasm')).toBe(0.25);
    const s = await b.call<Settings>('settings:save', { unitsStep: { cervical_dystonia: 5 } });
    expect(unitsStepFor(s, 'cervical_dystonia')).toBe(5);
    expect(unitsStepFor(s, 'chronic_migraine')).toBe(1);
  });

  it('a default dilution must name a vial size the reference lists for that product', async () => {
    await expect(b.call('settings:save', { defaultDilutions: { onabotulinumtoxinA: { sizeUnits: 150, diluentMl: 2 } } })).rejects.toThrow(
      /BAD_INPUT: .*50, 100, 200 U vials, not 150 U/,
    );
    const s = await b.call<Settings>('settings:save', { defaultDilutions: { onabotulinumtoxinA: { sizeUnits: 100, diluentMl: 2 } } });
    expect(s.defaultDilutions.onabotulinumtoxinA).toEqual({ sizeUnits: 100, diluentMl: 2 });
  });

  it('bad input is refused with a clear message and nothing is written', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ theme: 'purple' }, /theme must be one of system, light, dark, high-contrast/],
      [{ defaultRetreatmentDays: 0 }, /at least 1 day/],
      [{ defaultRetreatmentDays: 84.5 }, /whole number of days/],
      [{ unitsStep: { blepharospasm: 0.333 } }, /at most two decimals/],
      [{ unitsStep: { not_an_indication: 1 } }, /unitsStep/],
      [{ backupFolder: '/tmp' }, /chosen with the folder dialog/],
      [{ backupRetention: { automatic: 0, manual: 5 } }, /at least 1 automatic backup/],
      [{ clinicName: 'x'.repeat(201) }, /longer than 200/],
      [{ somethingElse: 1 }, /somethingElse|Unrecognized/i],
    ];
    for (const [input, message] of cases) {
      const result = await b.dispatch('settings:save', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_INPUT');
        expect(result.error.message).toMatch(message);
      }
    }
    expect(b.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    expect(settingsAudit()).toEqual([]);
  });

  it('a stored value that no longer passes its schema reads as its default, and the others are kept', async () => {
    await b.call('settings:save', { clinicName: 'Kept', theme: 'dark' });
    b.db.prepare("UPDATE settings SET value = '\"neon\"' WHERE key = 'theme'").run();
    const s = await b.call<Settings>('settings:get', {});
    expect(s.theme).toBe('system');
    expect(s.clinicName).toBe('Kept');
  });

  it('the database refuses a settings value that is not JSON', () => {
    expect(() => b.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 'x')").run()).toThrow(/CHECK constraint/);
  });
});

describe('the backup folder', () => {
  it('is only set through the folder dialog, checked for writing, and can be reset to none', async () => {
    const folder = tempDir('toxinmap-backups-');
    const other = await testBackend(tempDir(), {});
    try {
      // Without a dialog (the e2e bridge, tests) choosing is a cancel: nothing changes.
      expect((await other.call<Settings>('settings:chooseBackupFolder', {})).backupFolder).toBeNull();
    } finally {
      other.dispose();
    }
    const { chooseBackupFolder } = await import('../../electron/services/settings.ts');
    const s = await chooseBackupFolder(b.ctx, { chooseBackupFolder: () => Promise.resolve(folder) });
    expect(s.backupFolder).toBe(path.resolve(folder));
    expect(fs.readdirSync(folder)).toEqual([]); // the write probe is removed
    await expect(chooseBackupFolder(b.ctx, { chooseBackupFolder: () => Promise.resolve(path.join(folder, 'missing')) })).rejects.toThrow(
      /does not exist/,
    );
    expect((await b.call<Settings>('settings:save', { backupFolder: null })).backupFolder).toBeNull();
    removeDir(folder);
  });
});

describe('settings in the full export', () => {
  it('round-trip through export and import into an empty database', async () => {
    await b.call('settings:save', { clinicName: 'Clínica "Sur"', clinicAddress: 'Calle 1\n28001 Madrid', theme: 'high-contrast' });
    const archive = exportDatabase(b.db, { appVersion: 't', exportedAt: new Date('2026-01-01T00:00:00Z') });
    expect(archive.tables.settings?.map((r) => r.key)).toEqual(['clinicAddress', 'clinicName', 'theme']);
    const dir = tempDir();
    try {
      const target = await openDatabase({ file: path.join(dir, 'b.sqlite'), migrationsDir: MIGRATIONS_DIR });
      importArchive(target.db, target.audit, parseArchive(JSON.parse(JSON.stringify(archive))));
      const again = exportDatabase(target.db, { appVersion: 't', exportedAt: new Date('2026-01-01T00:00:00Z') });
      expect(again.tables.settings).toEqual(archive.tables.settings);
      target.db.close();
    } finally {
      removeDir(dir);
    }
  });
});
