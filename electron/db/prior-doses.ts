import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

/** A signed session of the patient that counts as an earlier dose of another session. */
export interface PriorSessionRow {
  id: string;
  date: string;
  created_at: string;
  product_id: string | null;
  indication: string;
  other_indications: string;
  weight_kg: number | null;
}

/**
 * The patient's other sessions that are earlier doses of session @id: signed, dated on or before @date,
 * and the latest signed version of their record (an original amended by a signed amendment is replaced by
 * it). The session's own amendment chain is left out in both directions: the original an amendment copies
 * is the same treatment, not an earlier one, and so is a later amendment of a signed session.
 * Oldest first. Served by sessions_timeline (patient, date) and sessions_by_amended.
 */
export const EARLIER_SESSIONS_SQL = `WITH RECURSIVE
    originals(id) AS (
      SELECT amends_session_id FROM sessions WHERE id = @id AND amends_session_id IS NOT NULL
      UNION
      SELECT s.amends_session_id FROM sessions s JOIN originals o ON s.id = o.id WHERE s.amends_session_id IS NOT NULL),
    amendments(id) AS (
      SELECT id FROM sessions WHERE amends_session_id = @id
      UNION
      SELECT s.id FROM sessions s JOIN amendments a ON s.amends_session_id = a.id)
  SELECT s.id, s.date, s.created_at, s.product_id, s.indication, s.other_indications, s.weight_kg
  FROM sessions s
  WHERE s.patient_id = @patientId AND s.date <= @date AND s.status = 'signed' AND s.id <> @id
    AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.amends_session_id = s.id AND n.status = 'signed')
    AND s.id NOT IN (SELECT id FROM originals UNION ALL SELECT id FROM amendments)
  ORDER BY s.date, s.created_at, s.id`;

export function earlierSignedSessions(db: Database.Database, q: { id: string; patientId: string; date: string }): PriorSessionRow[] {
  return statement<[{ id: string; patientId: string; date: string }], PriorSessionRow>(db, EARLIER_SESSIONS_SQL).all(q);
}

/**
 * Units of every site of the given sessions, as [session id, units] pairs: one statement for any number of
 * sessions (ids passed as one JSON array), summed by the caller.
 */
export function siteUnitsOfSessions(db: Database.Database, sessionIds: readonly string[]): Array<[string, number]> {
  if (sessionIds.length === 0) return [];
  return statement<[string], [string, number]>(
    db,
    'SELECT t.session_id, t.units FROM sites t WHERE t.session_id IN (SELECT value FROM json_each(?))',
  )
    .raw()
    .all(JSON.stringify(sessionIds)) as Array<[string, number]>;
}
