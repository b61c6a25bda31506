// The earlier signed sessions of a session, as the prior doses the rules read, kept per connection
// between live derivations (a draft is derived again at every change while charting).
//
// Signed sessions never change and are never removed (the database refuses both), so the set of a
// session's earlier doses can change only when a session of the same patient is signed (an amendment
// included) or the session's own date changes. The mark below (the patient's count of signed sessions and
// the sum of their row ids, read from the partial index of signed sessions, and the date) changes with each
// of those; a signing rolled back and another session signed later can never give the same mark, because
// the two sessions' row ids differ. A restore or import opens a new connection, and so an empty store.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { IndicationId } from '../../shared/indications.ts';
import type { PriorDose } from '../../shared/rules/index.ts';
import { earlierSignedSessions, signedSessionCentiunits } from '../db/prior-doses.ts';
import { statement } from '../db/statements.ts';

export interface EarlierSessions {
  /** Earlier signed sessions of the patient as prior doses, oldest first; frozen (shared between calls). */
  doses: readonly PriorDose[];
  /** The weight recorded on the latest of them that has one. */
  latestWeightKg: number | null;
}

const kept = new WeakMap<Database.Database, Map<string, { mark: string; value: EarlierSessions }>>();
const MAX_KEPT = 2_000;

function signedMark(db: Database.Database, patientId: string, date: string): string {
  const r = statement<[string], { n: number; t: number }>(
    db,
    "SELECT count(*) AS n, total(rowid) AS t FROM sessions WHERE patient_id = ? AND status = 'signed'",
  ).get(patientId);
  return `${r?.n ?? 0}:${r?.t ?? 0}:${date}`;
}

export function earlierSessionDoses(db: Database.Database, session: { id: string; patientId: string; date: string }): EarlierSessions {
  let store = kept.get(db);
  if (!store || store.size > MAX_KEPT) {
    store = new Map();
    kept.set(db, store);
  }
  const mark = signedMark(db, session.patientId, session.date);
  const hit = store.get(session.id);
  if (hit && hit.mark === mark) return hit.value;
  const rows = earlierSignedSessions(db, session);
  const centiunits = signedSessionCentiunits(db, rows);
  const doses = rows.map((s): PriorDose =>
    Object.freeze({
      id: s.id,
      date: s.date,
      productId: s.product_id,
      indications: Object.freeze([s.indication as IndicationId, ...(JSON.parse(s.other_indications) as IndicationId[])]) as IndicationId[],
      // Summed in whole hundredths, exactly as sumUnits does (shared/domain/values.ts).
      units: (centiunits.get(s.id) ?? 0) / 100,
      origin: 'session',
    }),
  );
  const value: EarlierSessions = Object.freeze({ doses: Object.freeze(doses), latestWeightKg: rows.findLast((s) => s.weight_kg !== null)?.weight_kg ?? null });
  store.set(session.id, { mark, value });
  return value;
}
