import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';

/** The derived figures stored with a signed session: JSON text of SessionDerived, and when it was derived. */
export interface StoredDerived {
  derived: string;
  derivedAt: string;
}

export function getStoredDerived(db: Database.Database, sessionId: string): StoredDerived | undefined {
  const row = statement<[string], { derived: string; derived_at: string }>(db, 'SELECT derived, derived_at FROM session_derived WHERE session_id = ?')
    .get(sessionId);
  return row && { derived: row.derived, derivedAt: row.derived_at };
}

/**
 * Written while the session is still a draft, in the signing transaction (the database refuses it once
 * signed). A row left on a draft by anything else is replaced, never kept beside the new one.
 */
export function storeDerived(db: Database.Database, sessionId: string, stored: StoredDerived): void {
  statement(db, 'DELETE FROM session_derived WHERE session_id = ?').run(sessionId);
  statement(db, 'INSERT INTO session_derived (session_id, derived, derived_at) VALUES (?, ?, ?)').run(sessionId, stored.derived, stored.derivedAt);
}
