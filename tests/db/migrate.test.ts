import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { loadMigrations, migrate, NewerDatabaseError, schemaVersion } from '../../electron/db/migrate.ts';
import { EARLIER_SESSIONS_SQL } from '../../electron/db/prior-doses.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);
const latest = migrations.at(-1)?.version ?? 0;
let dir: string;

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

function tables(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered NNNN-name.sql in increasing order', () => {
    expect(migrations.length).toBeGreaterThan(0);
    const versions = migrations.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('bring a fresh database to the latest version with WAL and foreign keys on', async () => {
    const file = path.join(dir, 'fresh.sqlite');
    const opened = await openDatabase({ file, migrationsDir: MIGRATIONS_DIR });
    expect(opened.schemaVersion).toBe(latest);
    expect(schemaVersion(opened.db)).toBe(latest);
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(tables(opened.db)).toEqual(expect.arrayContaining(['patients', 'sessions', 'sites']));
    expect(opened.preMigrationBackup).toBeNull();
    opened.db.close();
  });

  it('refuse a database written by a newer version and leave it untouched', async () => {
    const file = path.join(dir, 'future.sqlite');
    const future = openSqlite(file);
    future.exec('CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES (\'from the future\');');
    future.pragma(`user_version = ${latest + 10}`);
    future.close();
    const before = fs.readFileSync(file);

    await expect(openDatabase({ file, migrationsDir: MIGRATIONS_DIR })).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(openDatabase({ file, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(/newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('leave the file exactly as it was when a migration fails', () => {
    const file = path.join(dir, 'broken.sqlite');
    const db = openSqlite(file);
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO patients VALUES ('p1', 'MRN1', 'Doe', 'Jane', '1970-01-01', 't', 't')").run();
    const broken = [...migrations, { version: latest + 10, name: 'broken', sql: 'CREATE TABLE extra (x); SELECT * FROM missing_table;' }];

    expect(() => migrate(db, broken)).toThrow(/broken failed/);
    expect(schemaVersion(db)).toBe(migrations[0]?.version);
    expect(tables(db)).not.toContain('extra');
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
    db.close();
  });

  it('take a backup of an existing file before migrating it', async () => {
    const file = path.join(dir, 'old.sqlite');
    const db = openSqlite(file);
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO patients VALUES ('p1', 'MRN1', 'Doe', 'Jane', '1970-01-01', 't', 't')").run();
    db.close();
    if (migrations.length < 2) return expect(migrations.length).toBe(1);

    const opened = await openDatabase({ file, migrationsDir: MIGRATIONS_DIR, backupDir: path.join(dir, 'backups') });
    expect(opened.migratedFrom).toBe(migrations[0]?.version);
    expect(opened.preMigrationBackup).not.toBeNull();
    const backup = openSqlite(opened.preMigrationBackup ?? '', { readonly: true });
    expect(schemaVersion(backup)).toBe(migrations[0]?.version);
    expect(backup.prepare('SELECT mrn FROM patients').all()).toEqual([{ mrn: 'MRN1' }]);
    backup.close();
    opened.db.close();
  });

  it('refuse to migrate (or back up) a damaged file', async () => {
    const file = path.join(dir, 'damaged.sqlite');
    const db = openSqlite(file);
    migrate(db, migrations.slice(0, 1));
    const insert = db.prepare("INSERT INTO patients VALUES (?, ?, 'Doe', 'Jane', '1970-01-01', 't', 't')");
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`p${i}`, `MRN${i}`);
    })();
    db.pragma('journal_mode = DELETE');
    db.close();
    // Overwrite the middle of the file: b-tree pages of the patients table and its index.
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    fs.writeFileSync(file, bytes);
    const backups = path.join(dir, 'backups');

    await expect(openDatabase({ file, migrationsDir: MIGRATIONS_DIR, backupDir: backups })).rejects.toMatchObject({ code: 'SQLITE_CORRUPT' });
    expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);
    const after = openSqlite(file, { readonly: true });
    expect(schemaVersion(after)).toBe(migrations[0]?.version);
    after.close();
  });

  it('refuse a badly named migration file', () => {
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, '10-oops.sql'), 'SELECT 1;');
    expect(() => loadMigrations(bad)).toThrow(/NNNN-kebab-name/);
  });
});

describe('migration 0010-initial', () => {
  it('creates patients, sessions and sites with a unique MRN and a foreign key from site to session', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version <= 10));
    db.prepare("INSERT INTO patients VALUES ('p1', 'MRN1', 'Doe', 'Jane', '1970-01-01', 't', 't')").run();
    expect(() => db.prepare("INSERT INTO patients VALUES ('p2', 'MRN1', 'Roe', 'Ann', '1970-01-01', 't', 't')").run()).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO sites VALUES ('s1', 'nope', 1, 'face_front', 1, 1, 1, 'frontalis', 'left', 5, 't', 't')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0030-timeline-index', () => {
  it("reads a patient's timeline newest first straight from an index", () => {
    const db = new Database(':memory:');
    db.function('audit_now', () => 't');
    db.function('audit_author', () => 'a');
    db.function('audit_enabled', () => 0);
    migrate(db, migrations.filter((m) => m.version <= 30));
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE patient_id = 'p' ORDER BY date DESC, created_at DESC")
      .all() as Array<{ detail: string }>;
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toContain('USING INDEX sessions_timeline');
    expect(details).not.toContain('TEMP B-TREE');
    db.close();
  });
});

describe('migration 0040-audit-by-session', () => {
  it('files earlier audit rows under their session and keeps doing so for new ones', () => {
    const db = new Database(':memory:');
    db.function('audit_now', () => '2026-01-01T00:00:00.000Z');
    db.function('audit_author', () => 'Dr A');
    db.function('audit_enabled', () => 1);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version <= 30));
    db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
      INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('s', 'p', '2026-01-01', 'blepharospasm', 't', 't');
      INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
        VALUES ('a', 's', 1, 'face_front', 1, 0, 0, 'frontalis', 'left', 5, 't', 't');`);
    migrate(db, migrations.filter((m) => m.version <= 40));
    db.exec("UPDATE sites SET units = 2.5 WHERE id = 'a'");
    const rows = db.prepare("SELECT entity, action FROM audit_log WHERE session_id = 's' ORDER BY id").all();
    expect(rows).toEqual([
      { entity: 'sessions', action: 'insert' },
      { entity: 'sites', action: 'insert' },
      { entity: 'sites', action: 'update' },
    ]);
    expect(() => db.prepare("UPDATE audit_log SET author = 'x'").run()).toThrow(/AUDIT_IMMUTABLE/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE session_id = 's' ORDER BY id DESC").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_by_session');
    db.close();
  });
});

describe('migration 0050-derivation-records', () => {
  function at40(): Database.Database {
    const db = new Database(':memory:');
    db.function('audit_now', () => '2026-01-01T00:00:00.000Z');
    db.function('audit_author', () => 'Dr A');
    db.function('audit_enabled', () => 1);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.filter((m) => m.version <= 40));
    db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
      INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('s', 'p', '2026-01-01', 'blepharospasm', 't', 't');
      INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('d', 'p', '2026-02-01', 'blepharospasm', 't', 't');
      INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
        VALUES ('a', 's', 1, 'face_front', 1, 0, 0, 'orbicularis_oculi_pretarsal', 'left', 2.5, 't', 't');
      UPDATE sessions SET status = 'signed', signed_at = 't', signed_by = 'Dr A' WHERE id = 's';`);
    return db;
  }

  it('reaches version 50 keeping every session, with no weight and no template until recorded', () => {
    const db = at40();
    migrate(db, migrations.filter((m) => m.version <= 50));
    expect(schemaVersion(db)).toBe(50);
    expect(db.prepare("SELECT id, status, weight_kg, template_origin FROM sessions ORDER BY id").all()).toEqual([
      { id: 'd', status: 'draft', weight_kg: null, template_origin: null },
      { id: 's', status: 'signed', weight_kg: null, template_origin: null },
    ]);
    expect(tables(db)).toEqual(expect.arrayContaining(['external_doses', 'finding_acknowledgements', 'session_derived']));
    db.close();
  });

  it('audits the weight with the session, and refuses implausible weights and malformed snapshots', () => {
    const db = at40();
    migrate(db, migrations.filter((m) => m.version <= 50));
    db.exec("UPDATE sessions SET weight_kg = 61.5 WHERE id = 'd'");
    const after = db.prepare("SELECT after FROM audit_log WHERE entity = 'sessions' AND entity_id = 'd' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(after)).toMatchObject({ weight_kg: 61.5, template_origin: null });
    expect(() => db.exec("UPDATE sessions SET weight_kg = 0.2 WHERE id = 'd'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE sessions SET template_origin = 'not json' WHERE id = 'd'")).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO external_doses (id, patient_id, date, product_id, units, where_given, created_at) VALUES ('e', 'p', '2025-01-01', 'x', 5, '  ', 't')"),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('keeps acknowledgements and stored figures of a session signed before the migration frozen', () => {
    const db = at40();
    migrate(db, migrations.filter((m) => m.version <= 50));
    expect(() =>
      db.exec("INSERT INTO finding_acknowledgements (id, session_id, finding_key, finding_kind, reason, acknowledged_by, acknowledged_at) VALUES ('k', 's', 'x', 'x', 'r', 'Dr A', 't')"),
    ).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("INSERT INTO session_derived (session_id, derived, derived_at) VALUES ('s', '{}', 't')")).toThrow(/SIGNED_IMMUTABLE/);
    db.exec("INSERT INTO finding_acknowledgements (id, session_id, finding_key, finding_kind, reason, acknowledged_by, acknowledged_at) VALUES ('k', 'd', 'x', 'x', 'r', 'Dr A', 't')");
    expect(db.prepare("SELECT session_id, action FROM audit_log WHERE entity = 'finding_acknowledgements'").all()).toEqual([{ session_id: 'd', action: 'insert' }]);
    db.close();
  });

  it("reads a patient's earlier signed sessions from the timeline index", () => {
    const db = at40();
    migrate(db, migrations.filter((m) => m.version <= 50));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${EARLIER_SESSIONS_SQL}`).all({ id: 'd', patientId: 'p', date: '2026-02-01' }) as Array<{ detail: string }>)
      .map((p) => p.detail)
      .join(' | ');
    expect(plan).toContain('USING INDEX sessions_timeline (patient_id=? AND date<?)');
    expect(plan).toContain('USING INDEX sessions_by_amended');
    expect(plan).not.toMatch(/SCAN s\b/);
    db.close();
  });
});
