import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { AdverseEvent, Condition, ConditionSide, OutcomeScore, Severity, Vial } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';
import { expectOneChange } from './rows.ts';

/** Rows that hang off a patient (conditions) or a session (vials, scores, adverse events). */

export function insertCondition(db: Database.Database, c: Condition): void {
  statement(db, 
    'INSERT INTO patient_conditions (id, patient_id, indication, icd10_code, side, noted_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(c.id, c.patientId, c.indication, c.icd10Code, c.side, c.notedOn, c.createdAt);
}

export function listConditions(db: Database.Database, patientId: string): Condition[] {
  return statement<[string], Record<string, string | null>>(db, 
      'SELECT * FROM patient_conditions WHERE patient_id = ? ORDER BY created_at',
    )
    .all(patientId)
    .map((r) => ({
      id: r.id as string,
      patientId: r.patient_id as string,
      indication: r.indication as IndicationId,
      icd10Code: r.icd10_code as string,
      side: r.side as ConditionSide,
      notedOn: r.noted_on ?? null,
      createdAt: r.created_at as string,
    }));
}

export function insertVial(db: Database.Database, v: Vial): void {
  statement(db, 
    `INSERT INTO session_vials (id, session_id, product_id, size_units, lot, expiry, diluent_ml, reconstituted_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.id, v.sessionId, v.productId, v.sizeUnits, v.lot, v.expiry, v.diluentMl, v.reconstitutedAt, v.createdAt);
}

export function listVials(db: Database.Database, sessionId: string): Vial[] {
  return statement<[string], Record<string, string | number | null>>(db, 'SELECT * FROM session_vials WHERE session_id = ? ORDER BY created_at, id')
    .all(sessionId)
    .map(toVial);
}

function toVial(r: Record<string, string | number | null>): Vial {
  return {
    id: r.id as string,
    sessionId: r.session_id as string,
    productId: r.product_id as string,
    sizeUnits: r.size_units as number,
    lot: r.lot as string,
    expiry: r.expiry as string,
    diluentMl: (r.diluent_ml as number | null) ?? null,
    reconstitutedAt: (r.reconstituted_at as string | null) ?? null,
    createdAt: r.created_at as string,
  };
}

export function insertScore(db: Database.Database, s: OutcomeScore): void {
  statement(db, 'INSERT INTO outcome_scores (id, session_id, scale_id, value, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.id, s.sessionId, s.scaleId, s.value, s.note, s.createdAt,
  );
}

export function listScores(db: Database.Database, sessionId: string): OutcomeScore[] {
  return statement<[string], Record<string, string>>(db, 'SELECT * FROM outcome_scores WHERE session_id = ? ORDER BY created_at, id')
    .all(sessionId)
    .map(toScore);
}

function toScore(r: Record<string, string | number | null>): OutcomeScore {
  return {
    id: r.id as string,
    sessionId: r.session_id as string,
    scaleId: r.scale_id as string,
    value: r.value as string,
    note: r.note as string,
    createdAt: r.created_at as string,
  };
}

export function insertAdverseEvent(db: Database.Database, a: AdverseEvent): void {
  statement(db, 'INSERT INTO adverse_events (id, session_id, onset_date, description, severity, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    a.id, a.sessionId, a.onsetDate, a.description, a.severity, a.createdAt,
  );
}

export function listAdverseEvents(db: Database.Database, sessionId: string): AdverseEvent[] {
  return statement<[string], Record<string, string | null>>(db, 'SELECT * FROM adverse_events WHERE session_id = ? ORDER BY created_at, id')
    .all(sessionId)
    .map(toAdverseEvent);
}

function toAdverseEvent(r: Record<string, string | number | null>): AdverseEvent {
  return {
    id: r.id as string,
    sessionId: r.session_id as string,
    onsetDate: (r.onset_date as string | null) ?? null,
    description: r.description as string,
    severity: r.severity as Severity,
    createdAt: r.created_at as string,
  };
}

export type PartTable = 'patient_conditions' | 'session_vials' | 'outcome_scores' | 'adverse_events';

/** The owner (session or patient id) of a part row, for the draft check before deleting it. */
export function partOwner(db: Database.Database, table: PartTable, id: string): string | undefined {
  const column = table === 'patient_conditions' ? 'patient_id' : 'session_id';
  return statement<[string], { owner: string }>(db, `SELECT ${column} AS owner FROM ${table} WHERE id = ?`).get(id)?.owner;
}

export function deletePart(db: Database.Database, table: PartTable, id: string): void {
  expectOneChange(statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id), `delete from ${table}`);
}

/**
 * Every vial, score and adverse event of a patient's sessions, grouped by session: one query per table
 * for a whole timeline instead of three per session.
 */
export function partsForPatient(db: Database.Database, patientId: string): {
  vials: Map<string, Vial[]>;
  scores: Map<string, OutcomeScore[]>;
  adverseEvents: Map<string, AdverseEvent[]>;
} {
  const group = <T extends { sessionId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.sessionId);
      if (list) list.push(r);
      else map.set(r.sessionId, [r]);
    }
    return map;
  };
  const rows = (table: string) =>
    statement<[string], Record<string, string | number | null>>(
      db,
      `SELECT t.* FROM ${table} t JOIN sessions s ON s.id = t.session_id WHERE s.patient_id = ? ORDER BY t.created_at, t.id`,
    ).all(patientId);
  return {
    vials: group(rows('session_vials').map(toVial)),
    scores: group(rows('outcome_scores').map(toScore)),
    adverseEvents: group(rows('adverse_events').map(toAdverseEvent)),
  };
}
