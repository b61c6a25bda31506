import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { FindingAcknowledgement } from '../../shared/domain/types.ts';
import { expectOneChange } from './rows.ts';

interface AcknowledgementRow {
  id: string;
  session_id: string;
  finding_key: string;
  finding_kind: string;
  reason: string;
  acknowledged_by: string;
  acknowledged_at: string;
}

const COLUMNS = 'id, session_id, finding_key, finding_kind, reason, acknowledged_by, acknowledged_at';

function toAcknowledgement(r: AcknowledgementRow): FindingAcknowledgement {
  return {
    id: r.id,
    sessionId: r.session_id,
    key: r.finding_key,
    kind: r.finding_kind,
    reason: r.reason,
    by: r.acknowledged_by,
    at: r.acknowledged_at,
  };
}

export function getAcknowledgement(db: Database.Database, sessionId: string, key: string): FindingAcknowledgement | undefined {
  const row = statement<[string, string], AcknowledgementRow>(
    db,
    `SELECT ${COLUMNS} FROM finding_acknowledgements WHERE session_id = ? AND finding_key = ?`,
  ).get(sessionId, key);
  return row && toAcknowledgement(row);
}

/** In the order they were made. */
export function listAcknowledgements(db: Database.Database, sessionId: string): FindingAcknowledgement[] {
  return statement<[string], AcknowledgementRow>(
    db,
    `SELECT ${COLUMNS} FROM finding_acknowledgements WHERE session_id = ? ORDER BY acknowledged_at, id`,
  )
    .all(sessionId)
    .map(toAcknowledgement);
}

export function insertAcknowledgement(db: Database.Database, a: FindingAcknowledgement): FindingAcknowledgement {
  const row = statement<unknown[], AcknowledgementRow>(
    db,
    `INSERT INTO finding_acknowledgements (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
  ).get(a.id, a.sessionId, a.key, a.kind, a.reason, a.by, a.at);
  if (!row) throw new Error('insertAcknowledgement: no row returned');
  return toAcknowledgement(row);
}

/** Acknowledging again: the new reason, by whom and when, on the same row (audited as an update). */
export function updateAcknowledgement(db: Database.Database, a: FindingAcknowledgement): FindingAcknowledgement {
  const row = statement<unknown[], AcknowledgementRow>(
    db,
    `UPDATE finding_acknowledgements SET finding_kind = ?, reason = ?, acknowledged_by = ?, acknowledged_at = ?
     WHERE id = ? RETURNING ${COLUMNS}`,
  ).get(a.kind, a.reason, a.by, a.at, a.id);
  if (!row) throw new Error(`updateAcknowledgement: acknowledgement ${a.id} vanished during update`);
  return toAcknowledgement(row);
}

export function deleteAcknowledgement(db: Database.Database, id: string): void {
  expectOneChange(statement(db, 'DELETE FROM finding_acknowledgements WHERE id = ?').run(id), `deleteAcknowledgement(${id})`);
}
