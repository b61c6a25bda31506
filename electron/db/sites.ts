import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Guidance, Site } from '../../shared/domain/types.ts';
import type { Side } from '../../shared/atlas/types.ts';
import type { DeriveSite } from '../../shared/rules/types.ts';
import { expectOneChange } from './rows.ts';

const COLUMNS =
  'id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, guidance, note, location, copied_from, created_at, updated_at';

/** A row of COLUMNS in raw mode (an array in column order): no per-row object of column names to build and drop. */
type SiteRow = [
  id: string, sessionId: string, seq: number, diagramId: string, diagramVersion: number, x: number, y: number, muscleId: string,
  side: string, units: number, guidance: string, note: string, location: string | null, copiedFrom: string | null,
  createdAt: string, updatedAt: string,
];

function toSite(r: SiteRow): Site {
  return {
    id: r[0], sessionId: r[1], seq: r[2], viewId: r[3], viewVersion: r[4], x: r[5], y: r[6], muscleId: r[7], side: r[8] as Side,
    units: r[9], guidance: r[10] as Guidance, note: r[11], location: r[12], copiedFrom: r[13], createdAt: r[14], updatedAt: r[15],
  };
}

/** A cached statement over COLUMNS, always in raw mode (the cache is shared per SQL text, so the mode is set on every use). */
function rows<P extends unknown[]>(db: Database.Database, sql: string): Database.Statement<P, SiteRow> {
  return statement<P, SiteRow>(db, sql).raw(true);
}

export function nextSeq(db: Database.Database, sessionId: string): number {
  const row = statement<[string], { next: number }>(db, 'SELECT coalesce(max(seq), 0) + 1 AS next FROM sites WHERE session_id = ?')
    .get(sessionId);
  return row?.next ?? 1;
}

export function seqTaken(db: Database.Database, sessionId: string, seq: number): boolean {
  return statement(db, 'SELECT 1 FROM sites WHERE session_id = ? AND seq = ?').get(sessionId, seq) !== undefined;
}

export function insertSite(db: Database.Database, s: Site): Site {
  const row = rows<unknown[]>(db, `INSERT INTO sites (${COLUMNS}) VALUES (${Array(16).fill('?').join(', ')}) RETURNING ${COLUMNS}`)
    .get(
      s.id, s.sessionId, s.seq, s.viewId, s.viewVersion, s.x, s.y, s.muscleId, s.side, s.units, s.guidance, s.note, s.location ?? null,
      s.copiedFrom ?? null, s.createdAt, s.updatedAt,
    );
  if (!row) throw new Error('insertSite: no row returned');
  return toSite(row);
}

/** Whether a site id is taken (the id index alone; the row is not read). */
export function siteExists(db: Database.Database, id: string): boolean {
  return statement(db, 'SELECT 1 FROM sites WHERE id = ?').get(id) !== undefined;
}

export function getSite(db: Database.Database, id: string): Site | undefined {
  const row = rows<[string]>(db, `SELECT ${COLUMNS} FROM sites WHERE id = ?`).get(id);
  return row && toSite(row);
}

export function listSites(db: Database.Database, sessionId: string): Site[] {
  return rows<[string]>(db, `SELECT ${COLUMNS} FROM sites WHERE session_id = ? ORDER BY seq`)
    .all(sessionId)
    .map(toSite);
}

export function updateSite(db: Database.Database, s: Site): Site {
  const row = rows<unknown[]>(db,
      `UPDATE sites SET x = ?, y = ?, muscle_id = ?, side = ?, units = ?, guidance = ?, note = ?, location = ?, updated_at = ?
       WHERE id = ? RETURNING ${COLUMNS}`,
    )
    .get(s.x, s.y, s.muscleId, s.side, s.units, s.guidance, s.note, s.location ?? null, s.updatedAt, s.id);
  if (!row) throw new Error(`updateSite: site ${s.id} vanished during update`);
  return toSite(row);
}

export function deleteSite(db: Database.Database, id: string): void {
  expectOneChange(statement(db, 'DELETE FROM sites WHERE id = ?').run(id), `deleteSite(${id})`);
}

/**
 * Every site of a patient's sessions, grouped by session in charting order: one query for a timeline, read
 * in raw mode (arrays, no row objects built only to be copied).
 */
export function sitesForPatient(db: Database.Database, patientId: string): Map<string, Site[]> {
  const all = rows<[string]>(
    db,
    `SELECT t.id, t.session_id, t.seq, t.diagram_id, t.diagram_version, t.x, t.y, t.muscle_id, t.side, t.units, t.guidance,
       t.note, t.location, t.copied_from, t.created_at, t.updated_at
     FROM sessions s JOIN sites t ON t.session_id = s.id WHERE s.patient_id = ? ORDER BY t.session_id, t.seq`,
  ).all(patientId);
  const bySession = new Map<string, Site[]>();
  let list: Site[] = [];
  let current: string | null = null;
  for (const r of all) {
    if (r[1] !== current) {
      current = r[1];
      list = bySession.get(current) ?? [];
      bySession.set(current, list);
    }
    list.push(toSite(r));
  }
  return bySession;
}

/**
 * A session's sites in order with only what the rules read: half the time of listSites for the 100-site
 * session of the benchmark, and this runs on every change while charting.
 */
export function sitesForDerivation(db: Database.Database, sessionId: string): DeriveSite[] {
  return statement<[string], { id: string; seq: number; muscle_id: string; side: string; units: number; guidance: string; created_at: string }>(
    db,
    'SELECT id, seq, muscle_id, side, units, guidance, created_at FROM sites WHERE session_id = ? ORDER BY seq',
  )
    .all(sessionId)
    .map((r) => ({
      id: r.id, seq: r.seq, muscleId: r.muscle_id, side: r.side as Side, units: r.units, guidance: r.guidance as Guidance, createdAt: r.created_at,
    }));
}
