// Migration 0120 puts the generated audit triggers in place of the hand-written ones. A database written
// before it and one written after it, with the same changes, hold audit rows that say the same thing (same
// action, row, key, session, author, time, and the same row images, whatever the order of their keys), and
// the hash chain runs unbroken across the migration.
import Database from 'better-sqlite3-multiple-ciphers';
import { AUDITED } from '../../electron/db/audit-sql.ts';
import { loadMigrations, migrate, schemaVersion } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { verifyChain } from '../../electron/trust/verify.ts';
import { seedClinic, type Seeded } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);
const VERSION = 120;
const previous = Math.max(...migrations.filter((m) => m.version < VERSION).map((m) => m.version));

function database(upTo: number): Database.Database {
  const db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date('2025-03-01T09:00:00.000Z'), () => 'Dr. Rivera');
  db.pragma('foreign_keys = ON');
  db.pragma('recursive_triggers = ON'); // as the app's connections run (REPLACE fires the delete triggers)
  migrate(db, migrations.filter((m) => m.version <= upTo));
  return db;
}

/** After the seed: an update of a row of every audited table, a REPLACE of a draft's site, then deletes. */
function changeEverything(db: Database.Database, seeded: Seeded): void {
  for (const { table, key = 'id' } of AUDITED) {
    const keys = db.prepare(`SELECT ${key} FROM ${table} ORDER BY ${key}`).pluck().all() as string[];
    // The first row the guards allow (rows of signed sessions are refused).
    keys.some((k) => {
      try {
        db.prepare(`UPDATE ${table} SET ${key} = ${key} WHERE ${key} = ?`).run(k);
        return true;
      } catch {
        return false;
      }
    });
  }
  db.prepare(
    `INSERT OR REPLACE INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, guidance, note, created_at, updated_at)
     SELECT id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units + 1, guidance, 'replaced', created_at, updated_at FROM sites WHERE id = ?`,
  ).run(`${seeded.draftSessionId}-site-1`);
  db.exec(`DELETE FROM muscle_scores WHERE id = 'fu-1-mas'; DELETE FROM follow_up_scores; DELETE FROM follow_up_adverse_events;
    DELETE FROM session_origins WHERE session_id = '${seeded.draftSessionId}'; DELETE FROM settings WHERE key = 'clinicName';
    DELETE FROM template_sites; DELETE FROM templates; DELETE FROM prior_authorizations; DELETE FROM patient_conditions WHERE id = 'cond-2';`);
}

interface Row {
  id: number; at: string; author: string; action: string; entity: string; entity_id: string;
  before: string | null; after: string | null; session_id: string | null; prev_hash: string | null; hash: string | null;
}
const auditRows = (db: Database.Database) => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];
const meaning = (r: Row) => ({
  ...r, prev_hash: undefined, hash: undefined,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown),
});

describe(`migration ${VERSION}-generated-audit-triggers (from ${previous})`, () => {
  it('keeps the audit: rows written before and after the migration say the same, and the chain verifies across it', () => {
    const before = database(previous);
    expect(schemaVersion(before)).toBe(previous);
    changeEverything(before, seedClinic(before));
    const written = auditRows(before);
    migrate(before, migrations);
    expect(schemaVersion(before)).toBeGreaterThanOrEqual(VERSION);
    expect(auditRows(before), 'the migration itself writes and rewrites nothing in the log').toEqual(written);

    const after = database(Number.POSITIVE_INFINITY);
    changeEverything(after, seedClinic(after));
    const rewritten = auditRows(after);

    expect(rewritten.map(meaning)).toEqual(written.map(meaning));
    // Every audited table, every action, and a REPLACE's implicit delete were exercised.
    const kinds = new Set(written.map((r) => `${r.entity}:${r.action}`));
    for (const { table } of AUDITED) expect(kinds, table).toContain(`${table}:update`);
    expect(rewritten.filter((r) => r.entity === 'sites' && r.entity_id.endsWith('-site-1') && r.action === 'delete').length).toBeGreaterThan(0);
    const deleted = new Set(rewritten.filter((r) => r.action === 'delete').map((r) => r.entity));
    expect([...deleted].sort()).toEqual(
      ['external_doses', 'follow_up_adverse_events', 'follow_up_scores', 'muscle_scores', 'patient_conditions', 'prior_authorizations', 'session_origins', 'settings', 'sites', 'template_sites', 'templates'].sort(),
    );

    // Rows written after the migration chain on from those written before it.
    before.prepare("UPDATE patients SET notes = 'after the migration' WHERE id = 'patient-3'").run();
    before.prepare("UPDATE settings SET value = '{\"blepharospasm\":1}' WHERE key = 'unitsStep'").run();
    const tail = auditRows(before).slice(-2);
    expect(tail[0]?.prev_hash).toBe(written.at(-1)?.hash);
    expect(JSON.parse(tail[1]?.after ?? 'null')).toEqual({ key: 'unitsStep', value: { blepharospasm: 1 }, updated_at: '2025-03-01T09:00:00.000Z' });
    for (const db of [before, after]) {
      const check = verifyChain(db, null);
      expect(check.problems).toEqual([]);
      expect(check.rows).toBe(auditRows(db).length);
    }
    before.close();
    after.close();
  });

  it('keeps the signed-session and REPLACE guards', () => {
    const db = database(Number.POSITIVE_INFINITY);
    const seeded = seedClinic(db);
    const count = auditRows(db).length;
    expect(() => db.prepare(`INSERT OR REPLACE INTO sites SELECT * FROM sites WHERE id = ?`).run(`${seeded.signedSessionId}-site-1`)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare('DELETE FROM sites WHERE id = ?').run(`${seeded.signedSessionId}-site-2`)).toThrow(/SIGNED_IMMUTABLE/);
    expect(() => db.prepare("UPDATE sessions SET status = 'draft' WHERE id = ?").run(seeded.signedSessionId)).toThrow(/SIGNED_IMMUTABLE/);
    expect(auditRows(db).length).toBe(count);
    db.close();
  });
});
