import type Database from 'better-sqlite3';
import type { SessionStatus, SessionSummary } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';

interface SessionRow {
  id: string;
  patient_id: string;
  date: string;
  indication: string;
  status: string;
  created_at: string;
  updated_at: string;
  site_count: number;
  total_centiunits: number;
}

const SELECT = `SELECT s.id, s.patient_id, s.date, s.indication, s.status, s.created_at, s.updated_at,
    (SELECT count(*) FROM sites t WHERE t.session_id = s.id) AS site_count,
    (SELECT coalesce(sum(round(t.units * 100)), 0) FROM sites t WHERE t.session_id = s.id) AS total_centiunits
  FROM sessions s`;

function toSummary(r: SessionRow): SessionSummary {
  return {
    id: r.id,
    patientId: r.patient_id,
    date: r.date,
    indication: r.indication as IndicationId,
    status: r.status as SessionStatus,
    siteCount: r.site_count,
    totalUnits: r.total_centiunits / 100,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewSession {
  id: string;
  patientId: string;
  date: string;
  indication: IndicationId;
  createdAt: string;
}

export function insertSession(db: Database.Database, s: NewSession): void {
  db.prepare(
    `INSERT INTO sessions (id, patient_id, date, indication, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'draft', ?, ?)`,
  ).run(s.id, s.patientId, s.date, s.indication, s.createdAt, s.createdAt);
}

export function getSession(db: Database.Database, id: string): SessionSummary | undefined {
  const row = db.prepare<[string], SessionRow>(`${SELECT} WHERE s.id = ?`).get(id);
  return row && toSummary(row);
}

export function listSessionsForPatient(db: Database.Database, patientId: string): SessionSummary[] {
  return db
    .prepare<[string], SessionRow>(`${SELECT} WHERE s.patient_id = ? ORDER BY s.date DESC, s.created_at DESC`)
    .all(patientId)
    .map(toSummary);
}

export function touchSession(db: Database.Database, id: string, at: string): void {
  db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?').run(at, id);
}
