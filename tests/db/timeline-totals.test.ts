// The timeline counts each session's sites and units itself from the sites it reads (instead of two
// lookups per session in SQL): the figures must be exactly those the session SELECT computes, including
// units stored with more than two decimals (records written before units were rounded on entry).
import Database from 'better-sqlite3-multiple-ciphers';
import { loadMigrations, migrate } from '../../electron/db/migrate.ts';
import { registerAuditFunctions } from '../../electron/db/open.ts';
import { getSession, siteTotals } from '../../electron/db/sessions.ts';
import { listSites } from '../../electron/db/sites.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';

function database(): Database.Database {
  const db = new Database(':memory:');
  registerAuditFunctions(db, () => new Date('2026-01-01T00:00:00.000Z'), () => 'Dr A');
  migrate(db, loadMigrations(MIGRATIONS_DIR));
  db.exec(`INSERT INTO patients (id, mrn, family_name, given_name, birth_date, created_at, updated_at) VALUES ('p', 'M', 'D', 'J', '1970-01-01', 't', 't');`);
  return db;
}

function sessionWith(db: Database.Database, id: string, units: number[]): void {
  db.prepare("INSERT INTO sessions (id, patient_id, date, indication, created_at, updated_at) VALUES (?, 'p', '2026-01-01', 'chronic_migraine', 't', 't')").run(id);
  const site = db.prepare(`INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
    VALUES (?, ?, ?, 'face_front', 1, 300, 200, 'frontalis', 'left', ?, 't', 't')`);
  units.forEach((u, i) => site.run(`${id}-${i}`, id, i + 1, u));
}

it('counts sites and units as the session SELECT does, to the hundredth, on awkward values', () => {
  const db = database();
  let seed = 7;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const cases: number[][] = [
    [],
    [5],
    [0.01, 0.1, 0.2, 2.55, 1.005, 0.285, 5.000000001],
    [0.005 - 2 ** -60, 0.004999999999999999, 0.005, 0.015, 0.025, 1.145, 8.675],
    Array.from({ length: 60 }, () => Math.max(0.001, Math.round(random() * 5000) / 1000 + random() * 1e-9)),
  ];
  cases.forEach((units, i) => {
    sessionWith(db, `s${i}`, units);
    const sql = getSession(db, `s${i}`);
    expect(siteTotals(listSites(db, `s${i}`)), `case ${i}`).toEqual({ siteCount: sql?.siteCount, totalUnits: sql?.totalUnits });
  });
  db.close();
});
