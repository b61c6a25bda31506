// Migration 0110: sites stored clustered by session (WITHOUT ROWID, primary key (session_id, seq, id)),
// from the version before it to 0110: every row kept byte for byte, every seal and the audit chain still
// valid, the table's triggers re-created word for word and still guarding, the id still unique.
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { currentSeal, signAndSeal } from '../../electron/trust/seal.ts';
import { verifyChain } from '../../electron/trust/verify.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);
const before0110 = migrations.filter((m) => m.version < 110);
const upTo0110 = migrations.filter((m) => m.version <= 110);

const SITE = `INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at, guidance, note, location, copied_from)
  VALUES (?, ?, ?, 'face_front', 1, ?, ?, 'frontalis', ?, ?, 't', 't', ?, ?, ?, ?)`;

/** A database at the version before 0110: a signed and sealed session, a draft, sites out of charting order. */
function before(): Database.Database {
  const db = new Database(':memory:');
  db.function('audit_now', () => '2026-01-01T00:00:00.000Z');
  db.function('audit_author', () => 'Dr A');
  db.function('audit_enabled', () => 1);
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON');
  migrate(db, before0110);
  db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
    INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('s', 'p', '2026-01-01', 'chronic_migraine', 't', 't');
    INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('d', 'p', '2026-04-01', 'chronic_migraine', 't', 't');`);
  const site = db.prepare(SITE);
  // Charted out of id order and interleaved between the two sessions, as a real clinic's rowids would be.
  site.run('z-s2', 's', 2, 380.25, 200.5, 'left', 2.5, 'none', '', null, null);
  site.run('a-d1', 'd', 1, 390, 210, 'right', 5, 'emg', 'deep', 'medial', 'z-s2');
  site.run('m-s1', 's', 1, 370.125, 190, 'right', 5, 'ultrasound', 'x'.repeat(900), null, null);
  site.run('b-s3', 's', 3, 1e-7, 0.1 + 0.2, 'left', 0.01, 'none', '', null, null);
  signAndSeal(db, 's', { signedAt: '2026-01-01T10:00:00.000Z', signedBy: 'Dr A', signerId: null });
  return db;
}

const sites = (db: Database.Database) => db.prepare('SELECT * FROM sites ORDER BY id').all();
const triggers = (db: Database.Database) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sites' ORDER BY name").all();

describe('migration 0110-sites-by-session', () => {
  it('keeps every site, seal, trigger and audit entry as it was', () => {
    const db = before();
    const version = schemaVersion(db);
    const rows = sites(db);
    const kept = triggers(db);
    const seal = db.prepare("SELECT seal FROM sessions WHERE id = 's'").pluck().get();
    const audit = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(seal).toMatch(/^v1:/);
    expect(currentSeal(db, 's')).toBe(seal);
    expect(kept.length).toBeGreaterThanOrEqual(8);

    migrate(db, upTo0110);
    expect(version).toBeLessThan(110);
    expect(schemaVersion(db)).toBe(110);
    expect(sites(db)).toEqual(rows);
    expect(triggers(db)).toEqual(kept);
    expect(currentSeal(db, 's')).toBe(seal);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit); // the rebuild writes no audit rows
    const chain = verifyChain(db, null);
    expect(chain.problems).toEqual([]);
    expect(chain.rows).toBe(audit);
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name = 'migration_0110_triggers'").pluck().get()).toBe(0);
    db.close();
  });

  it('stores the sites clustered by session in charting order, the id unique', () => {
    const db = before();
    migrate(db, upTo0110);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'sites'").pluck().get() as string;
    expect(sql).toMatch(/PRIMARY KEY \(session_id, seq, id\)\s*\) STRICT, WITHOUT ROWID/);
    // A table scan walks the primary key: session by session, each in charting order.
    expect(db.prepare('SELECT id, units FROM sites').pluck().all()).toEqual(['a-d1', 'm-s1', 'z-s2', 'b-s3']);
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all('s') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM sites WHERE session_id = ? ORDER BY seq')).toBe('SEARCH sites USING PRIMARY KEY (session_id=?)');
    expect(plan('SELECT * FROM sites WHERE id = ?')).toContain('sites_by_id');
    expect(() => db.prepare(SITE).run('a-d1', 'd', 9, 1, 1, 'left', 1, 'none', '', null, null)).toThrow(/UNIQUE constraint failed: sites.id/);
    db.close();
  });

  it('still refuses changes to a signed session and still audits the draft', () => {
    const db = before();
    migrate(db, upTo0110);
    const site = db.prepare(SITE);
    expect(() => site.run('new', 's', 9, 1, 1, 'left', 1, 'none', '', null, null)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("UPDATE sites SET units = 50 WHERE id = 'm-s1'")).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("DELETE FROM sites WHERE id = 'z-s2'")).toThrow(/SIGNED_IMMUTABLE/);
    // REPLACE through the unique id into the draft would delete the signed row: refused as well.
    expect(() => db.exec(`INSERT OR REPLACE INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
      VALUES ('m-s1', 'd', 7, 'face_front', 1, 1, 1, 'frontalis', 'left', 1, 't', 't')`)).toThrow(/SIGNED_IMMUTABLE/);
    expect(sites(db)).toHaveLength(4);

    site.run('d2', 'd', 2, 1, 1, 'left', 1, 'none', '', null, null);
    db.exec("UPDATE sites SET units = 7.5 WHERE id = 'd2'");
    const audit = db.prepare("SELECT action, session_id, json_extract(after, '$.units') AS units FROM audit_log WHERE entity = 'sites' AND entity_id = 'd2' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'insert', session_id: 'd', units: 1 },
      { action: 'update', session_id: 'd', units: 7.5 },
    ]);
    expect(verifyChain(db, null).problems).toEqual([]);
    db.close();
  });

  it('migrates an empty database', () => {
    const db = new Database(':memory:');
    db.function('audit_now', () => 't');
    db.function('audit_author', () => 'a');
    db.function('audit_enabled', () => 1);
    migrate(db, upTo0110);
    expect(schemaVersion(db)).toBe(110);
    expect(triggers(db).length).toBeGreaterThanOrEqual(8);
    db.close();
  });
});
