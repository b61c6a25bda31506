import type Database from 'better-sqlite3-multiple-ciphers';
import type { SessionPattern } from '../../shared/domain/types.ts';
import { expectOneChange } from './rows.ts';
import { statement } from './statements.ts';

interface PatternRow {
  id: string;
  session_id: string;
  pattern_id: string;
  pattern_name: string;
  direction: string | null;
  accepted: string;
  applied_at: string;
}

function toPattern(r: PatternRow): SessionPattern {
  return {
    id: r.id,
    sessionId: r.session_id,
    patternId: r.pattern_id,
    patternName: r.pattern_name,
    direction: r.direction === 'left' || r.direction === 'right' ? r.direction : null,
    accepted: JSON.parse(r.accepted) as SessionPattern['accepted'],
    appliedAt: r.applied_at,
  };
}

export function listSessionPatterns(db: Database.Database, sessionId: string): SessionPattern[] {
  return statement<[string], PatternRow>(db, 'SELECT * FROM session_patterns WHERE session_id = ? ORDER BY applied_at, rowid')
    .all(sessionId)
    .map(toPattern);
}

export function getSessionPattern(db: Database.Database, id: string): SessionPattern | undefined {
  const row = statement<[string], PatternRow>(db, 'SELECT * FROM session_patterns WHERE id = ?').get(id);
  return row && toPattern(row);
}

export function insertSessionPattern(db: Database.Database, p: SessionPattern): void {
  statement(db, 'INSERT INTO session_patterns (id, session_id, pattern_id, pattern_name, direction, accepted, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    p.id, p.sessionId, p.patternId, p.patternName, p.direction, JSON.stringify(p.accepted), p.appliedAt,
  );
}

export function deleteSessionPattern(db: Database.Database, id: string): void {
  expectOneChange(statement(db, 'DELETE FROM session_patterns WHERE id = ?').run(id), `deleteSessionPattern(${id})`);
}

/** Every pattern applied in a patient's sessions, by session: one query for a timeline. */
export function patternsForPatient(db: Database.Database, patientId: string): Map<string, SessionPattern[]> {
  const rows = statement<[string], PatternRow>(
    db,
    `SELECT p.* FROM session_patterns p JOIN sessions s ON s.id = p.session_id WHERE s.patient_id = ? ORDER BY p.session_id, p.applied_at, p.rowid`,
  ).all(patientId);
  const out = new Map<string, SessionPattern[]>();
  for (const r of rows) {
    const list = out.get(r.session_id);
    if (list) list.push(toPattern(r));
    else out.set(r.session_id, [toPattern(r)]);
  }
  return out;
}

export function getSessionOrigin(db: Database.Database, sessionId: string): string | null {
  const row = statement<[string], { from_session_id: string }>(db, 'SELECT from_session_id FROM session_origins WHERE session_id = ?').get(sessionId);
  return row?.from_session_id ?? null;
}

export function insertSessionOrigin(db: Database.Database, sessionId: string, fromSessionId: string, at: string): void {
  statement(db, 'INSERT INTO session_origins (session_id, from_session_id, created_at) VALUES (?, ?, ?)').run(sessionId, fromSessionId, at);
}

/** Origins of a patient's sessions, by session id. */
export function originsForPatient(db: Database.Database, patientId: string): Map<string, string> {
  const rows = statement<[string], { session_id: string; from_session_id: string }>(
    db,
    'SELECT o.session_id, o.from_session_id FROM session_origins o JOIN sessions s ON s.id = o.session_id WHERE s.patient_id = ?',
  ).all(patientId);
  return new Map(rows.map((r) => [r.session_id, r.from_session_id]));
}
