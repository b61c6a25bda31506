// Steps a migration needs beyond SQL, run right after that migration's SQL inside the same transaction
// (migrate.ts). Keyed by migration version. Each must also work on an empty database.
import type Database from 'better-sqlite3-multiple-ciphers';
import { auditRowHash, type ChainedAuditRow } from '../trust/hash.ts';
import { currentSeal } from '../trust/seal.ts';
import { normaliseForSearch } from '../../shared/domain/search.ts';

type Step = (db: Database.Database) => void;

/** 0060: chain the audit rows written before it, and seal the sessions signed before it. */
function sealRecordWrittenBefore(db: Database.Database): void {
  let prev: string | null = null;
  const fill = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  const batch = db.prepare<[number], ChainedAuditRow>(
    'SELECT id, at, author, action, entity, entity_id, before, after, session_id FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000',
  );
  for (let last = -1, rows = batch.all(last); rows.length > 0; rows = batch.all(last)) {
    for (const row of rows) {
      const hash = auditRowHash(prev, row);
      fill.run(prev, hash, row.id);
      prev = hash;
      last = Number(row.id);
    }
  }
  const signed = db.prepare("SELECT id FROM sessions WHERE status = 'signed' AND seal IS NULL").pluck().all() as string[];
  if (signed.length === 0) return;
  // Signed sessions are frozen: the guard is lifted for these statements only, inside the migration. The
  // per-row audit trigger too: a ten-year clinic would get one full row image per session (about 150 MB);
  // one entry records the backfill instead.
  const lifted = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('sessions_signed_no_update', 'sessions_audit_update')")
    .all();
  for (const t of lifted) db.exec(`DROP TRIGGER ${t.name}`);
  const store = db.prepare('UPDATE sessions SET seal = ? WHERE id = ?');
  for (const id of signed) store.run(currentSeal(db, id) ?? null, id);
  for (const t of lifted) db.exec(t.sql);
  db.prepare(
    "INSERT INTO audit_log (at, author, action, entity, entity_id, before, after) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration 0060', 'update', 'migration', '0060', NULL, ?)",
  ).run(JSON.stringify({ sealed: signed.length, note: 'sessions signed before seals existed, sealed as they stood at this migration' }));
}

/** 0061: search columns normalised as the app normalises (accents removed), for rows saved before 0020. */
function normaliseSearchColumns(db: Database.Database): void {
  const rows = db.prepare<[], { id: string; mrn: string; family_name: string; given_name: string; search_family: string; search_given: string; search_mrn: string }>(
    'SELECT id, mrn, family_name, given_name, search_family, search_given, search_mrn FROM patients',
  ).all();
  const stale = rows
    .map((r) => ({ id: r.id, family: normaliseForSearch(r.family_name), given: normaliseForSearch(r.given_name), mrn: normaliseForSearch(r.mrn), r }))
    .filter((x) => x.family !== x.r.search_family || x.given !== x.r.search_given || x.mrn !== x.r.search_mrn);
  if (stale.length === 0) return;
  // The audit trigger is lifted for these derived columns only (its row images do not include them).
  const audit = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'patients_audit_update'").pluck().get() as string | undefined;
  if (audit) db.exec('DROP TRIGGER patients_audit_update');
  const fix = db.prepare('UPDATE patients SET search_family = ?, search_given = ?, search_mrn = ? WHERE id = ?');
  for (const x of stale) fix.run(x.family, x.given, x.mrn, x.id);
  if (audit) db.exec(audit);
}

export const MIGRATION_STEPS: Readonly<Record<number, Step>> = {
  60: sealRecordWrittenBefore,
  61: normaliseSearchColumns,
};
