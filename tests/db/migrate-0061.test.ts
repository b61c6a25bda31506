// Migration 0061: a patient saved before 0020 with an accented name is found by the app's search after it.
import Database from 'better-sqlite3-multiple-ciphers';
import { patientSearchQuery } from '../../electron/db/patients.ts';
import { loadMigrations, migrate } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);

function found(db: Database.Database, query: string): string[] {
  const { sql, params } = patientSearchQuery(query, 50);
  return (db.prepare(sql).all(params) as { mrn: string }[]).map((r) => r.mrn);
}

it('from 0060 to 0061: "Åsa Ångström", saved before 0020, is found by "asa" and "angstrom"; nothing else changes', () => {
  const db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date('2025-01-01T00:00:00.000Z'), () => 'test');
  migrate(db, migrations.filter((m) => m.version <= 10));
  db.prepare("INSERT INTO patients VALUES ('p1', 'ÅS-1', 'Ångström', 'Åsa', '1950-01-01', 't', 't')").run();
  db.prepare("INSERT INTO patients VALUES ('p2', 'MRN2', 'Doe', 'Jane', '1960-01-01', 't', 't')").run();
  migrate(db, migrations.filter((m) => m.version <= 60));
  // What 0020's backfill left: SQLite's lower() folds ASCII only, so the accented capitals stay as they were.
  expect(db.prepare("SELECT search_family, search_given FROM patients WHERE id = 'p1'").get()).toEqual({ search_family: 'Ångström', search_given: 'Åsa' });
  expect(found(db, 'asa')).toEqual([]);
  const auditBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get();

  migrate(db, migrations.filter((m) => m.version <= 61));
  expect(db.pragma('user_version', { simple: true })).toBe(61);
  expect(found(db, 'asa')).toEqual(['ÅS-1']);
  expect(found(db, 'angstrom')).toEqual(['ÅS-1']);
  expect(found(db, 'as-1')).toEqual(['ÅS-1']);
  expect(found(db, 'doe')).toEqual(['MRN2']);
  expect(db.prepare("SELECT family_name, given_name, mrn FROM patients WHERE id = 'p1'").get()).toEqual({ family_name: 'Ångström', given_name: 'Åsa', mrn: 'ÅS-1' });
  expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore); // derived columns only: no audit entries
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'patients_audit_update'").pluck().get()).toBe(1);
  db.close();
});
