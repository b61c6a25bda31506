import type Database from 'better-sqlite3-multiple-ciphers';
import type { SessionStatus } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';
import { statement } from './statements.ts';

export interface LotVialRow {
  vialId: string;
  lot: string;
  expiry: string;
  sizeUnits: number;
  productId: string;
  sessionId: string;
  sessionDate: string;
  status: SessionStatus;
  indication: IndicationId;
  patientId: string;
  mrn: string;
  familyName: string;
  givenName: string;
}

/** SQLite's upper() changes ASCII letters only; the prefix is folded the same way so the index range matches. */
export function foldLot(text: string): string {
  return text.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
}

/**
 * Vials whose lot starts with the prefix (case-insensitive), newest session first, from the vials_by_lot index.
 * Versions replaced by a signed amendment, and amendments still in draft (copies of a record that stands),
 * are left out: each vial given to a patient is listed once, as the current record has it.
 */
export function vialsByLotPrefix(db: Database.Database, prefix: string, limit: number): LotVialRow[] {
  const folded = foldLot(prefix);
  return statement<[string, string, number], Record<string, string | number>>(
    db,
    `SELECT v.id AS vialId, v.lot, v.expiry, v.size_units AS sizeUnits, v.product_id AS productId, s.id AS sessionId,
            s.date AS sessionDate, s.status, s.indication, p.id AS patientId, p.mrn, p.family_name AS familyName, p.given_name AS givenName
       FROM session_vials v
       JOIN sessions s ON s.id = v.session_id
       JOIN patients p ON p.id = s.patient_id
      WHERE upper(v.lot) >= ? AND upper(v.lot) < ? || char(1114111)
        AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.amends_session_id = s.id AND n.status = 'signed')
        AND NOT (s.amends_session_id IS NOT NULL AND s.status = 'draft')
      ORDER BY upper(v.lot), s.date DESC, v.created_at, v.id
      LIMIT ?`,
  )
    .all(folded, folded, limit)
    .map((r) => r as unknown as LotVialRow);
}

/** The lots of the given sessions' vials, and their sites' muscles and units (what the recall list shows beside each vial). */
export function sessionsContents(db: Database.Database, sessionIds: readonly string[]): Map<string, { lots: string[]; sites: Array<{ muscleId: string; side: string; units: number }> }> {
  const ids = JSON.stringify([...new Set(sessionIds)]);
  const out = new Map<string, { lots: string[]; sites: Array<{ muscleId: string; side: string; units: number }> }>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { lots: [], sites: [] }));
    return e;
  };
  for (const r of statement<[string], { session_id: string; lot: string }>(db, 'SELECT session_id, lot FROM session_vials WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id').all(ids)) {
    entry(r.session_id).lots.push(r.lot);
  }
  for (const r of statement<[string], { session_id: string; muscle_id: string; side: string; units: number }>(
    db,
    'SELECT session_id, muscle_id, side, units FROM sites WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY session_id, seq',
  ).all(ids)) {
    entry(r.session_id).sites.push({ muscleId: r.muscle_id, side: r.side, units: r.units });
  }
  return out;
}

/**
 * Units drawn from each vial as stored at signing (SessionDerived.vials.byVial), read inside SQLite for the
 * given sessions, so a recall over hundreds of signed sessions parses no stored document whole. Sessions
 * without stored figures (drafts, sessions signed before figures were stored) are absent.
 */
export function storedVialUse(db: Database.Database, sessionIds: readonly string[]): { used: Map<string, number>; sessions: Set<string> } {
  const rows = statement<[string], { session_id: string; vial_id: string | null; used: number | null }>(
    db,
    `SELECT d.session_id, json_extract(b.value, '$.vialId') AS vial_id, json_extract(b.value, '$.usedUnits') AS used
       FROM session_derived d
       JOIN sessions s ON s.id = d.session_id AND s.status = 'signed'
       LEFT JOIN json_each(d.derived, '$.vials.byVial') b
      WHERE d.session_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(sessionIds)]));
  const used = new Map<string, number>();
  const sessions = new Set<string>();
  for (const r of rows) {
    sessions.add(r.session_id);
    if (r.vial_id !== null && r.used !== null) used.set(r.vial_id, r.used);
  }
  return { used, sessions };
}
