import type Database from 'better-sqlite3-multiple-ciphers';
import type { AdverseOutcome, FollowUpAdverseEvent, FollowUpScore, FollowUpVisit, MuscleScore, Relatedness } from '../../shared/domain/review.ts';
import type { Severity } from '../../shared/domain/types.ts';
import { expectOneChange } from './rows.ts';
import { statement } from './statements.ts';

/** Follow-up visits of a treatment session, their scores and adverse events, and grades per muscle and side. */

interface VisitRow {
  id: string;
  session_id: string;
  date: string;
  clinician_name: string;
  satisfaction: number | null;
  onset_date: string | null;
  wear_off_date: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export type FollowUpRecord = Omit<FollowUpVisit, 'scores' | 'adverseEvents' | 'muscleScores'>;

function toVisit(r: VisitRow): FollowUpRecord {
  return {
    id: r.id,
    sessionId: r.session_id,
    date: r.date,
    clinicianName: r.clinician_name,
    satisfaction: r.satisfaction,
    onsetDate: r.onset_date,
    wearOffDate: r.wear_off_date,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getFollowUpRecord(db: Database.Database, id: string): FollowUpRecord | undefined {
  const row = statement<[string], VisitRow>(db, 'SELECT * FROM follow_up_visits WHERE id = ?').get(id);
  return row && toVisit(row);
}

export function insertFollowUp(db: Database.Database, f: FollowUpRecord): void {
  statement(
    db,
    `INSERT INTO follow_up_visits (id, session_id, date, clinician_name, satisfaction, onset_date, wear_off_date, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.id, f.sessionId, f.date, f.clinicianName, f.satisfaction, f.onsetDate, f.wearOffDate, f.notes, f.createdAt, f.updatedAt);
}

export function updateFollowUp(db: Database.Database, f: FollowUpRecord): void {
  expectOneChange(
    statement(
      db,
      `UPDATE follow_up_visits SET date = ?, clinician_name = ?, satisfaction = ?, onset_date = ?, wear_off_date = ?, notes = ?, updated_at = ?
       WHERE id = ?`,
    ).run(f.date, f.clinicianName, f.satisfaction, f.onsetDate, f.wearOffDate, f.notes, f.updatedAt, f.id),
    'update follow-up visit',
  );
}

/** Children first, so each audit row can still name the session its visit belongs to. */
export function deleteFollowUpChildren(db: Database.Database, followUpId: string): void {
  for (const table of ['follow_up_scores', 'follow_up_adverse_events', 'muscle_scores']) {
    statement(db, `DELETE FROM ${table} WHERE follow_up_id = ?`).run(followUpId);
  }
}

export function deleteFollowUp(db: Database.Database, id: string): void {
  deleteFollowUpChildren(db, id);
  expectOneChange(statement(db, 'DELETE FROM follow_up_visits WHERE id = ?').run(id), 'delete follow-up visit');
}

export function insertFollowUpScore(db: Database.Database, followUpId: string, s: FollowUpScore, at: string): void {
  statement(db, 'INSERT INTO follow_up_scores (id, follow_up_id, scale_id, value, note, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.id, followUpId, s.scaleId, s.value, s.note, at,
  );
}

export function insertFollowUpEvent(db: Database.Database, followUpId: string, e: FollowUpAdverseEvent, at: string): void {
  statement(
    db,
    `INSERT INTO follow_up_adverse_events (id, follow_up_id, onset_date, description, severity, serious, relatedness, outcome, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, followUpId, e.onsetDate, e.description, e.severity, e.serious ? 1 : 0, e.relatedness, e.outcome, at);
}

export type MuscleScoreOwner = { sessionId: string } | { followUpId: string };

export function insertMuscleScore(db: Database.Database, owner: MuscleScoreOwner, m: MuscleScore): void {
  statement(
    db,
    'INSERT INTO muscle_scores (id, session_id, follow_up_id, muscle_id, side, scale_id, value, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(m.id, 'sessionId' in owner ? owner.sessionId : null, 'followUpId' in owner ? owner.followUpId : null, m.muscleId, m.side, m.scaleId, m.value, m.createdAt);
}

interface MuscleScoreRow {
  id: string;
  owner: string;
  muscle_id: string;
  side: MuscleScore['side'];
  scale_id: string;
  value: string;
  created_at: string;
}

function toMuscleScore(r: MuscleScoreRow): MuscleScore {
  return { id: r.id, muscleId: r.muscle_id, side: r.side, scaleId: r.scale_id, value: r.value, createdAt: r.created_at };
}

const MUSCLE_ORDER = 'ORDER BY m.muscle_id, m.side, m.scale_id';

export function sessionMuscleScores(db: Database.Database, sessionId: string): MuscleScore[] {
  return statement<[string], MuscleScoreRow>(db, `SELECT m.*, m.session_id AS owner FROM muscle_scores m WHERE m.session_id = ? ${MUSCLE_ORDER}`)
    .all(sessionId)
    .map(toMuscleScore);
}

export function findSessionMuscleScore(db: Database.Database, sessionId: string, muscleId: string, side: string, scaleId: string): MuscleScore | undefined {
  const row = statement<[string, string, string, string], MuscleScoreRow>(
    db,
    'SELECT m.*, m.session_id AS owner FROM muscle_scores m WHERE m.session_id = ? AND m.muscle_id = ? AND m.side = ? AND m.scale_id = ?',
  ).get(sessionId, muscleId, side, scaleId);
  return row && toMuscleScore(row);
}

export function setMuscleScoreValue(db: Database.Database, id: string, value: string): void {
  expectOneChange(statement(db, 'UPDATE muscle_scores SET value = ? WHERE id = ?').run(value, id), 'update muscle grade');
}

export function deleteMuscleScore(db: Database.Database, id: string): void {
  expectOneChange(statement(db, 'DELETE FROM muscle_scores WHERE id = ?').run(id), 'delete muscle grade');
}

function group<T>(rows: Array<{ owner: string; item: T }>): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const { owner, item } of rows) {
    const list = map.get(owner);
    if (list) list.push(item);
    else map.set(owner, [item]);
  }
  return map;
}

interface ScoreRow {
  id: string;
  owner: string;
  scale_id: string;
  value: string;
  note: string;
}

interface EventRow {
  id: string;
  owner: string;
  onset_date: string | null;
  description: string;
  severity: Severity;
  serious: number;
  relatedness: Relatedness;
  outcome: AdverseOutcome;
}

/** Every follow-up visit of a patient's sessions, complete, grouped by treatment session: four queries in all. */
export function followUpsForPatient(db: Database.Database, patientId: string): Map<string, FollowUpVisit[]> {
  const visits = statement<[string], VisitRow>(
    db,
    'SELECT f.* FROM follow_up_visits f JOIN sessions s ON s.id = f.session_id WHERE s.patient_id = ? ORDER BY f.date, f.created_at, f.id',
  ).all(patientId);
  if (visits.length === 0) return new Map();
  const byVisit = (sql: string) => `${sql} JOIN follow_up_visits f ON f.id = t.follow_up_id JOIN sessions s ON s.id = f.session_id WHERE s.patient_id = ?`;
  const scores = group(
    statement<[string], ScoreRow>(db, `${byVisit('SELECT t.id, t.follow_up_id AS owner, t.scale_id, t.value, t.note FROM follow_up_scores t')} ORDER BY t.created_at, t.rowid`)
      .all(patientId)
      .map((r) => ({ owner: r.owner, item: { id: r.id, scaleId: r.scale_id, value: r.value, note: r.note } })),
  );
  const events = group(
    statement<[string], EventRow>(
      db,
      `${byVisit('SELECT t.id, t.follow_up_id AS owner, t.onset_date, t.description, t.severity, t.serious, t.relatedness, t.outcome FROM follow_up_adverse_events t')} ORDER BY t.created_at, t.rowid`,
    )
      .all(patientId)
      .map((r) => ({
        owner: r.owner,
        item: { id: r.id, onsetDate: r.onset_date, description: r.description, severity: r.severity, serious: r.serious === 1, relatedness: r.relatedness, outcome: r.outcome },
      })),
  );
  const grades = group(
    statement<[string], MuscleScoreRow>(db, `${byVisit('SELECT t.*, t.follow_up_id AS owner FROM muscle_scores t')} ORDER BY t.muscle_id, t.side, t.scale_id`)
      .all(patientId)
      .map((r) => ({ owner: r.owner, item: toMuscleScore(r) })),
  );
  return group(
    visits.map((v) => ({
      owner: v.session_id,
      item: { ...toVisit(v), scores: scores.get(v.id) ?? [], adverseEvents: events.get(v.id) ?? [], muscleScores: grades.get(v.id) ?? [] },
    })),
  );
}

/** Grades recorded at the patient's sessions themselves, grouped by session. */
export function sessionMuscleScoresForPatient(db: Database.Database, patientId: string): Map<string, MuscleScore[]> {
  return group(
    statement<[string], MuscleScoreRow>(
      db,
      `SELECT m.*, m.session_id AS owner FROM muscle_scores m JOIN sessions s ON s.id = m.session_id WHERE s.patient_id = ? ${MUSCLE_ORDER}`,
    )
      .all(patientId)
      .map((r) => ({ owner: r.owner, item: toMuscleScore(r) })),
  );
}

export function getFollowUp(db: Database.Database, id: string): FollowUpVisit | undefined {
  const record = getFollowUpRecord(db, id);
  if (!record) return undefined;
  const patientId = statement<[string], { patient_id: string }>(db, 'SELECT patient_id FROM sessions WHERE id = ?').get(record.sessionId)?.patient_id;
  const all = patientId ? (followUpsForPatient(db, patientId).get(record.sessionId) ?? []) : [];
  return all.find((f) => f.id === id);
}
