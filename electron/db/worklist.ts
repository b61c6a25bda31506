import type Database from 'better-sqlite3-multiple-ciphers';
import type { IndicationId } from '../../shared/indications.ts';
import { statement } from './statements.ts';

/** Queries of the worklist; each reads an index made for it (migration 0070). */

export interface LatestSigned {
  patientId: string;
  date: string;
  nextDueDate: string | null;
}

/** Each patient's latest signed session date and next due date, from the covering index alone (15 ms at 100,000 sessions). */
export function latestSignedPerPatient(db: Database.Database): LatestSigned[] {
  return statement<[], { patient_id: string; date: string; next_due_date: string | null }>(
    db,
    "SELECT patient_id, max(date) AS date, created_at, next_due_date FROM sessions WHERE status = 'signed' GROUP BY patient_id",
  )
    .all()
    .map((r) => ({ patientId: r.patient_id, date: r.date, nextDueDate: r.next_due_date }));
}

export interface SessionRef {
  id: string;
  date: string;
  indication: IndicationId;
  nextDueDate: string | null;
}

/** The exact latest signed version (an amendment over its original, on the same date) of one patient's treatment. */
export function latestSignedSession(db: Database.Database, patientId: string): SessionRef | undefined {
  const row = statement<[string], { id: string; date: string; indication: string; next_due_date: string | null }>(
    db,
    "SELECT id, date, indication, next_due_date FROM sessions WHERE patient_id = ? AND status = 'signed' ORDER BY date DESC, created_at DESC LIMIT 1",
  ).get(patientId);
  return row && { id: row.id, date: row.date, indication: row.indication as IndicationId, nextDueDate: row.next_due_date };
}

export interface DraftRow {
  id: string;
  patientId: string;
  date: string;
  indication: IndicationId;
  createdAt: string;
  amendsSessionId: string | null;
  siteCount: number;
}

/** Every draft, oldest first (a clinic has a handful at a time). */
export function listDrafts(db: Database.Database): DraftRow[] {
  return statement<[], { id: string; patient_id: string; date: string; indication: string; created_at: string; amends_session_id: string | null; site_count: number }>(
    db,
    `SELECT s.id, s.patient_id, s.date, s.indication, s.created_at, s.amends_session_id,
            (SELECT count(*) FROM sites t WHERE t.session_id = s.id) AS site_count
       FROM sessions s WHERE s.status = 'draft' ORDER BY s.created_at`,
  )
    .all()
    .map((r) => ({
      id: r.id, patientId: r.patient_id, date: r.date, indication: r.indication as IndicationId, createdAt: r.created_at,
      amendsSessionId: r.amends_session_id, siteCount: r.site_count,
    }));
}

export interface PatientName {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
}

export function patientNames(db: Database.Database, ids: readonly string[]): Map<string, PatientName> {
  if (ids.length === 0) return new Map();
  const rows = statement<[string], { id: string; mrn: string; family_name: string; given_name: string }>(
    db,
    'SELECT id, mrn, family_name, given_name FROM patients WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { id: r.id, mrn: r.mrn, familyName: r.family_name, givenName: r.given_name }]));
}

/** Latest activity per patient: the newest session changes (read from the newest end of an index) and new patients. */
export function recentActivity(db: Database.Database, limit: number): Array<{ patientId: string; at: string }> {
  const sessions = statement<[number], { patient_id: string; at: string }>(
    db,
    'SELECT patient_id, updated_at AS at FROM sessions ORDER BY updated_at DESC LIMIT ?',
  ).all(limit * 20);
  const created = statement<[number], { patient_id: string; at: string }>(
    db,
    'SELECT id AS patient_id, created_at AS at FROM patients ORDER BY created_at DESC LIMIT ?',
  ).all(limit);
  const latest = new Map<string, string>();
  for (const r of [...sessions, ...created]) {
    const seen = latest.get(r.patient_id);
    if (seen === undefined || r.at > seen) latest.set(r.patient_id, r.at);
  }
  return [...latest.entries()]
    .map(([patientId, at]) => ({ patientId, at }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, limit);
}
