import type Database from 'better-sqlite3-multiple-ciphers';
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
  signed_at: string | null;
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
  SELECT s.id, s.date, s.created_at, s.product_id, s.indication, s.other_indications, s.weight_kg, s.signed_at
  FROM sessions s
  WHERE s.patient_id = @patientId AND s.date <= @date AND s.status = 'signed' AND s.id <> @id
    AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.amends_session_id = s.id AND n.status = 'signed')
    AND s.id NOT IN (SELECT id FROM originals UNION ALL SELECT id FROM amendments)
  ORDER BY s.date, s.created_at, s.id`;

export function earlierSignedSessions(db: Database.Database, q: { id: string; patientId: string; date: string }): PriorSessionRow[] {
  return statement<[{ id: string; patientId: string; date: string }], PriorSessionRow>(db, EARLIER_SESSIONS_SQL).all(q);
}

/**
 * Total units of signed sessions, in whole hundredths of a unit (exact; sumUnits adds the same way), kept
 * per connection. A signed session's sites never change (the database refuses it), so its total is
 * computed once: summing 3,000 site rows of 100 earlier sessions took 0.3 ms of every live derivation on
 * the bench database, which is most of what a repeat call needs. Keyed by id and signing time, so a
 * signature rolled back and made again later can never reuse a total. Emptied when it grows large.
 */
const signedTotals = new WeakMap<Database.Database, Map<string, number>>();
const MAX_CACHED_TOTALS = 50_000;

export function signedSessionCentiunits(db: Database.Database, sessions: ReadonlyArray<{ id: string; signed_at: string | null }>): Map<string, number> {
  let cache = signedTotals.get(db);
  if (!cache || cache.size > MAX_CACHED_TOTALS) {
    cache = new Map();
    signedTotals.set(db, cache);
  }
  const key = (s: { id: string; signed_at: string | null }) => `${s.id}\u0000${s.signed_at ?? ''}`;
  const missing = sessions.filter((s) => s.signed_at !== null && !cache.has(key(s)));
  if (missing.length > 0) {
    const sums = new Map(
      statement<[string], [string, number]>(
        db,
        `SELECT t.session_id, sum(round(t.units * 100)) FROM sites t
         WHERE t.session_id IN (SELECT value FROM json_each(?)) GROUP BY t.session_id`,
      )
        .raw()
        .all(JSON.stringify(missing.map((s) => s.id))) as Array<[string, number]>,
    );
    for (const s of missing) cache.set(key(s), sums.get(s.id) ?? 0);
  }
  return new Map(sessions.map((s) => [s.id, cache.get(key(s)) ?? sumNow(db, s.id)]));
}

/** A signed session without a signing time (written by other means): summed at every call, never kept. */
function sumNow(db: Database.Database, sessionId: string): number {
  return statement<[string], { c: number }>(db, 'SELECT coalesce(sum(round(units * 100)), 0) AS c FROM sites WHERE session_id = ?').get(sessionId)?.c ?? 0;
}
