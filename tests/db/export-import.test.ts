import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend.ts';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open.ts';
import { exportDatabase, exportedTables, importArchive, parseArchive, writeExportFile, type Archive } from '../../electron/export/archive.ts';
import { seedClinic, seedPatient } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
const opened: OpenedDatabase[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const o of opened.splice(0)) o.db.close();
  removeDir(dir);
});

async function freshDb(name: string): Promise<OpenedDatabase> {
  const o = await openDatabase({ file: path.join(dir, name), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  opened.push(o);
  return o;
}

const meta = { appVersion: '0.0.0-test', exportedAt: new Date('2025-03-02T10:00:00.000Z') };

describe('a full export', () => {
  it('covers every table of the database, parents before children', async () => {
    const { db } = await freshDb('a.sqlite');
    seedClinic(db);
    const all = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const tables = exportedTables(db);
    expect([...tables].sort()).toEqual([...all].sort());
    const before = (a: string, b: string) => tables.indexOf(a) < tables.indexOf(b);
    expect(before('patients', 'sessions') && before('clinicians', 'sessions') && before('sessions', 'sites')).toBe(true);
    expect(before('templates', 'template_sites') && before('patients', 'prior_authorizations')).toBe(true);
    const archive = exportDatabase(db, meta);
    for (const table of all) expect(archive.tables[table]?.length, table).toBeGreaterThan(0);
  });

  it('written to a file is the documented JSON, identical to the in-memory export', async () => {
    const { db } = await freshDb('a.sqlite');
    seedClinic(db);
    const file = path.join(dir, 'export.json');
    writeExportFile(db, file, meta);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Archive;
    expect(json).toEqual(exportDatabase(db, meta));
    expect(json).toMatchObject({ format: 'toxinmap-export', formatVersion: 1, exportedAt: '2025-03-02T10:00:00.000Z', appVersion: '0.0.0-test' });
    expect(json.schemaVersion).toBe(db.pragma('user_version', { simple: true }));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });
});

describe('importing an export', () => {
  it('into an empty database is lossless: exporting again gives the same tables', async () => {
    const a = await freshDb('a.sqlite');
    seedClinic(a.db);
    const first = exportDatabase(a.db, meta);
    const b = await freshDb('b.sqlite');
    const counts = importArchive(b.db, b.audit, parseArchive(JSON.parse(JSON.stringify(first))));
    expect(counts).toMatchObject({ patients: 3, sessions: 3 });
    const second = exportDatabase(b.db, meta);
    // Row for row the same, except the one audit entry that records the import itself, at the end.
    const importEntry = second.tables.audit_log?.pop();
    expect(importEntry).toMatchObject({ entity: 'data_import', action: 'insert' });
    expect(JSON.stringify(second.tables)).toBe(JSON.stringify(first.tables));
    expect(b.audit.enabled).toBe(true);
  });

  it('keeps signed sessions signed, sealed and frozen, and records itself as one audit entry', async () => {
    const a = await freshDb('a.sqlite');
    const seeded = seedClinic(a.db);
    const archive = exportDatabase(a.db, meta);
    const b = await freshDb('b.sqlite');
    importArchive(b.db, b.audit, archive);
    const status = b.db.prepare('SELECT status, signed_by FROM sessions WHERE id = ?');
    expect(status.get(seeded.signedSessionId)).toEqual({ status: 'signed', signed_by: 'Dr. Rivera' });
    expect(status.get(seeded.draftSessionId)).toEqual({ status: 'draft', signed_by: null });
    expect(() => b.db.prepare('UPDATE sites SET units = 1 WHERE session_id = ?').run(seeded.signedSessionId)).toThrow(/SIGNED_IMMUTABLE/);
    const auditCount = b.db.prepare('SELECT count(*) FROM audit_log').pluck();
    // The file's entries verbatim, and one entry for the import itself.
    expect(auditCount.get()).toBe((archive.tables.audit_log?.length ?? 0) + 1);
    expect(b.db.prepare('SELECT entity FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('data_import');
    seedPatient(b.db, 50); // audit is back on after the import
    expect(auditCount.get()).toBe((archive.tables.audit_log?.length ?? 0) + 2);
  });

  it('refuses a database that already holds records, changing nothing', async () => {
    const a = await freshDb('a.sqlite');
    seedClinic(a.db);
    const archive = exportDatabase(a.db, meta);
    const b = await freshDb('b.sqlite');
    seedPatient(b.db, 9);
    expect(() => importArchive(b.db, b.audit, archive)).toThrow(/only works into an empty database, and this one already holds patients/);
    expect(b.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
  });

  it('is all or nothing: a row that breaks a rule leaves the database empty', async () => {
    const a = await freshDb('a.sqlite');
    seedClinic(a.db);
    const archive = exportDatabase(a.db, meta);
    archive.tables.sites?.push({ ...archive.tables.sites[0], id: 'orphan', session_id: 'no-such-session' });
    const b = await freshDb('b.sqlite');
    expect(() => importArchive(b.db, b.audit, archive)).toThrow(/FOREIGN KEY/);
    for (const table of exportedTables(b.db)) expect(b.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    expect(b.audit.enabled).toBe(true);
  });

  it('rejects a file that is not a ToxinMap export before touching the database', () => {
    expect(() => parseArchive({ format: 'something-else' })).toThrow(/not a ToxinMap export/);
    expect(() => parseArchive({ format: 'toxinmap-export', formatVersion: 1, schemaVersion: 20, exportedAt: 'x', appVersion: '1', tables: { patients: [{ id: {} }] } })).toThrow(
      /not a ToxinMap export/,
    );
  });

  it('rejects tables and columns this version does not have', async () => {
    const b = await freshDb('b.sqlite');
    const base = { format: 'toxinmap-export', formatVersion: 1, schemaVersion: b.db.pragma('user_version', { simple: true }), exportedAt: 'x', appVersion: '1' };
    expect(() => importArchive(b.db, b.audit, parseArchive({ ...base, tables: { ghosts: [] } }))).toThrow(/table "ghosts"/);
    expect(() => importArchive(b.db, b.audit, parseArchive({ ...base, tables: { patients: [{ shoe_size: 42 }] } }))).toThrow(/patients\.shoe_size/);
  });
});

describe('the export and import channels', () => {
  it('write to and read from the files the shell chose, and do nothing when the choice is cancelled', async () => {
    const exportFile = path.join(dir, 'chosen-export.json');
    const source = await startBackend({
      dataDirectory: path.join(dir, 'source'), migrationsDir: MIGRATIONS_DIR, appVersion: '1.2.3', chooseExportFile: () => Promise.resolve(exportFile),
    });
    seedClinic(source.db);
    expect(await source.dispatch('data:export', {})).toEqual({ ok: true, value: { file: exportFile, problems: 0 } });
    await source.startupBackup;
    source.close();

    const target = await startBackend({
      dataDirectory: path.join(dir, 'target'), migrationsDir: MIGRATIONS_DIR, appVersion: '1.2.3', chooseImportFile: () => Promise.resolve(exportFile),
    });
    expect(await target.dispatch('data:import', {})).toEqual({ ok: true, value: { file: exportFile, patients: 3, sessions: 3 } });
    const again = await target.dispatch('data:import', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await target.startupBackup;
    target.close();

    const cancelled = await startBackend({ dataDirectory: path.join(dir, 'cancel'), migrationsDir: MIGRATIONS_DIR, appVersion: '1.2.3' });
    expect(await cancelled.dispatch('data:export', {})).toEqual({ ok: true, value: { file: null, problems: 0 } });
    expect(await cancelled.dispatch('data:import', {})).toEqual({ ok: true, value: { file: null, patients: 0, sessions: 0 } });
    await cancelled.startupBackup;
    cancelled.close();
  });
});
