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
  /** Units of all its sites in whole hundredths of a unit (exact), as sumUnits adds them. */
  centiunits: number;
}

/**
 * The patient's other sessions that are earlier doses of session @id: signed, dated on or before @date,
 * and the latest signed version of their record (an original amended by a signed amendment is replaced by
 * it). The session's own amendment chain is left out in both directions: the original an amendment copies
 * is the same treatment, not an earlier one, and so is a later amendment of a signed session.
 * Oldest first. Served by sessions_timeline (patient, date) and sessions_by_amended.
 * Units are summed here, in hundredths like sumUnits: bringing every site row (30 a session) into
 * JavaScript to add them there took 1.2 ms of the 2 ms budget for 100 sessions; this takes 0.3 ms.
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
  SELECT s.id, s.date, s.created_at, s.product_id, s.indication, s.other_indications, s.weight_kg,
    (SELECT coalesce(sum(round(t.units * 100)), 0) FROM sites t WHERE t.session_id = s.id) AS centiunits
  FROM sessions s
  WHERE s.patient_id = @patientId AND s.date <= @date AND s.status = 'signed' AND s.id <> @id
    AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.amends_session_id = s.id AND n.status = 'signed')
    AND s.id NOT IN (SELECT id FROM originals UNION ALL SELECT id FROM amendments)
  ORDER BY s.date, s.created_at, s.id`;

export function earlierSignedSessions(db: Database.Database, q: { id: string; patientId: string; date: string }): PriorSessionRow[] {
  return statement<[{ id: string; patientId: string; date: string }], PriorSessionRow>(db, EARLIER_SESSIONS_SQL).all(q);
}
