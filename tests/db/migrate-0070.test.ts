import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);

/** A database at 0050 with a signed and a draft session, then migrated to 0070. */
function at70(): Database.Database {
  const db = new Database(':memory:');
  db.function('audit_now', () => '2026-01-01T00:00:00.000Z');
  db.function('audit_author', () => 'Dr A');
  db.function('audit_enabled', () => 1);
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((m) => m.version <= 50));
  db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');
    INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('s', 'p', '2026-01-01', 'upper_limb_spasticity', 't', 't');
    INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES ('d', 'p', '2026-04-01', 'upper_limb_spasticity', 't', 't');
    INSERT INTO session_vials (id, session_id, product_id, size_units, lot, expiry, diluent_ml, created_at) VALUES ('v', 's', 'onabotulinumtoxinA', 100, 'C7781A', '2027-01-01', 2, 't');
    UPDATE sessions SET status = 'signed', signed_at = 't', signed_by = 'Dr A' WHERE id = 's';`);
  migrate(db, migrations.filter((m) => m.version <= 70));
  return db;
}

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((p) => p.detail).join(' | ');
}

describe('migration 0070-review', () => {
  it('reaches version 70 keeping every session and vial', () => {
    const db = at70();
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(70);
    expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
    expect(db.prepare('SELECT lot FROM session_vials').pluck().all()).toEqual(['C7781A']);
    db.close();
  });

  it('records a follow-up of a signed session, audited under that session', () => {
    const db = at70();
    db.exec(`INSERT INTO follow_up_visits (id, session_id, date, satisfaction, onset_date, wear_off_date, created_at, updated_at)
               VALUES ('f', 's', '2026-02-05', 8, '2026-01-05', '2026-03-20', 't', 't');
             INSERT INTO follow_up_scores (id, follow_up_id, scale_id, value, created_at) VALUES ('fs', 'f', 'cgi_i', '2', 't');
             INSERT INTO follow_up_adverse_events (id, follow_up_id, description, severity, serious, relatedness, created_at)
               VALUES ('fa', 'f', 'arm weakness', 'mild', 0, 'probable', 't');
             INSERT INTO muscle_scores (id, follow_up_id, muscle_id, side, scale_id, value, created_at) VALUES ('m', 'f', 'biceps_brachii', 'left', 'mas', '1+', 't');`);
    const rows = db.prepare("SELECT entity, action, session_id FROM audit_log WHERE entity IN ('follow_up_visits', 'follow_up_scores', 'follow_up_adverse_events', 'muscle_scores') ORDER BY id").all();
    expect(rows).toEqual([
      { entity: 'follow_up_visits', action: 'insert', session_id: 's' },
      { entity: 'follow_up_scores', action: 'insert', session_id: 's' },
      { entity: 'follow_up_adverse_events', action: 'insert', session_id: 's' },
      { entity: 'muscle_scores', action: 'insert', session_id: 's' },
    ]);
    db.exec("UPDATE follow_up_visits SET satisfaction = 9 WHERE id = 'f'");
    const after = db.prepare("SELECT after FROM audit_log WHERE entity = 'follow_up_visits' AND action = 'update'").pluck().get() as string;
    expect(JSON.parse(after)).toMatchObject({ satisfaction: 9, wear_off_date: '2026-03-20' });
    db.close();
  });

  it('refuses impossible follow-up values', () => {
    const db = at70();
    const visit = (extra: string) =>
      db.exec(`INSERT INTO follow_up_visits (id, session_id, date, satisfaction, onset_date, wear_off_date, created_at, updated_at) VALUES ${extra}`);
    expect(() => visit("('a', 's', '2026-02-05', 11, NULL, NULL, 't', 't')")).toThrow(/CHECK/);
    expect(() => visit("('b', 's', '2026-02-05', 5, '2026-03-01', '2026-02-01', 't', 't')")).toThrow(/CHECK/);
    expect(() => visit("('c', 'nope', '2026-02-05', 5, NULL, NULL, 't', 't')")).toThrow(/FOREIGN KEY/);
    visit("('f', 's', '2026-02-05', NULL, NULL, NULL, 't', 't')");
    expect(() =>
      db.exec("INSERT INTO follow_up_adverse_events (id, follow_up_id, description, severity, relatedness, created_at) VALUES ('e', 'f', 'x', 'mild', 'maybe', 't')"),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec("INSERT INTO muscle_scores (id, session_id, follow_up_id, muscle_id, side, scale_id, value, created_at) VALUES ('m', 'd', 'f', 'x', 'left', 'mas', '1', 't')"),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('freezes grades recorded at a signed session, keeps one grade per muscle, side and scale', () => {
    const db = at70();
    const grade = (id: string, session: string, value: string) =>
      db.exec(`INSERT INTO muscle_scores (id, session_id, muscle_id, side, scale_id, value, created_at) VALUES ('${id}', '${session}', 'biceps_brachii', 'left', 'mas', '${value}', 't')`);
    expect(() => grade('a', 's', '2')).toThrow(/SIGNED_IMMUTABLE/);
    grade('b', 'd', '2');
    expect(() => grade('c', 'd', '3')).toThrow(/UNIQUE/);
    db.exec("UPDATE sessions SET status = 'signed', signed_at = 't', signed_by = 'Dr A' WHERE id = 'd'");
    expect(() => db.exec("DELETE FROM muscle_scores WHERE id = 'b'")).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.exec("UPDATE muscle_scores SET value = '1' WHERE id = 'b'")).toThrow(/SIGNED_IMMUTABLE/);
    db.close();
  });

  it('finds lots by prefix, whatever the case, from an index', () => {
    const db = at70();
    const sql = "SELECT id FROM session_vials WHERE upper(lot) >= ? AND upper(lot) < ? || char(1114111)";
    expect(db.prepare(sql).pluck().all('C77', 'C77')).toEqual(['v']);
    expect(db.prepare(sql).pluck().all('C78', 'C78')).toEqual([]);
    expect(plan(db, sql, 'C77', 'C77')).toMatch(/USING INDEX vials_by_lot/);
    db.close();
  });

  it('reads drafts by age and each patient\'s latest signed session from indexes', () => {
    const db = at70();
    expect(plan(db, "SELECT id FROM sessions WHERE status = 'draft' AND created_at < ?", 'x')).toMatch(/sessions_drafts_by_created/);
    expect(plan(db, "SELECT patient_id, max(date), next_due_date FROM sessions WHERE status = 'signed' GROUP BY patient_id")).toMatch(
      /COVERING INDEX sessions_signed_by_patient/,
    );
    db.close();
  });
});
