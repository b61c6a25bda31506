import type Database from 'better-sqlite3-multiple-ciphers';
import type { AcknowledgedWarning } from '../../shared/domain/review.ts';
import { statement } from './statements.ts';

interface Row {
  session_id: string;
  key: string;
  kind: string;
  message: string | null;
  sources: string | null;
  reason: string;
  by: string;
  at: string;
}

/**
 * The acknowledged warnings of every session of a patient, in one statement. A signed session answers
 * with the findings stored at signing (their wording then, read inside SQLite so the stored documents are
 * never parsed whole); a draft, or a session signed before figures were stored, with its acknowledgement
 * rows (the finding itself is derived live and has no stored wording).
 */
const SQL = `
  SELECT s.id AS session_id,
         json_extract(f.value, '$.key') AS key,
         json_extract(f.value, '$.kind') AS kind,
         json_extract(f.value, '$.message') AS message,
         json_extract(f.value, '$.sources') AS sources,
         json_extract(f.value, '$.acknowledgement.reason') AS reason,
         json_extract(f.value, '$.acknowledgement.by') AS "by",
         json_extract(f.value, '$.acknowledgement.at') AS "at"
    FROM sessions s
    JOIN session_derived d ON d.session_id = s.id,
         json_each(d.derived, '$.findings') f
   WHERE s.patient_id = ? AND s.status = 'signed' AND json_type(f.value, '$.acknowledgement') = 'object'
  UNION ALL
  SELECT a.session_id, a.finding_key, a.finding_kind, NULL, NULL, a.reason, a.acknowledged_by, a.acknowledged_at
    FROM finding_acknowledgements a
    JOIN sessions s ON s.id = a.session_id
   WHERE s.patient_id = ?
     AND NOT (s.status = 'signed' AND EXISTS (SELECT 1 FROM session_derived d WHERE d.session_id = s.id))
  ORDER BY 1, 8`;

export function acknowledgedWarningsForPatient(db: Database.Database, patientId: string): Map<string, AcknowledgedWarning[]> {
  const map = new Map<string, AcknowledgedWarning[]>();
  for (const r of statement<[string, string], Row>(db, SQL).all(patientId, patientId)) {
    const warning: AcknowledgedWarning = {
      key: r.key,
      kind: r.kind,
      message: r.message,
      sources: r.sources ? (JSON.parse(r.sources) as string[]) : [],
      reason: r.reason,
      by: r.by,
      at: r.at,
    };
    const list = map.get(r.session_id);
    if (list) list.push(warning);
    else map.set(r.session_id, [warning]);
  }
  return map;
}
