import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Guidance, SessionStatus, SessionSummary } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';
import type { TemplateOrigin } from '../../shared/rules/types.ts';

interface SessionRow {
  id: string;
  patient_id: string;
  date: string;
  started_at: string | null;
  indication: string;
  other_indications: string;
  clinician_id: string | null;
  clinician_name: string;
  product_id: string | null;
  guidance: string;
  notes: string;
  next_due_date: string | null;
  status: string;
  signed_at: string | null;
  signed_by: string | null;
  amends_session_id: string | null;
  amendment_reason: string | null;
  amendment_author: string | null;
  amended_at: string | null;
  weight_kg: number | null;
  template_origin: string | null;
  seal?: string | null;
  created_at: string;
  updated_at: string;
  site_count: number;
  total_centiunits: number;
  amended_by: string | null;
}

/** The stored fields of a session (what a service writes). */
export interface SessionRecord {
  id: string;
  patientId: string;
  date: string;
  startedAt: string | null;
  indication: IndicationId;
  otherIndications: IndicationId[];
  clinicianId: string | null;
  clinicianName: string;
  productId: string | null;
  guidance: Guidance[];
  notes: string;
  nextDueDate: string | null;
  status: SessionStatus;
  signedAt: string | null;
  signedBy: string | null;
  amendsSessionId: string | null;
  amendmentReason: string | null;
  amendmentAuthor: string | null;
  amendedAt: string | null;
  weightKg: number | null;
  templateOrigin: TemplateOrigin | null;
  createdAt: string;
  updatedAt: string;
}


const SELECT = `SELECT s.*,
    (SELECT count(*) FROM sites t WHERE t.session_id = s.id) AS site_count,
    (SELECT coalesce(sum(round(t.units * 100)), 0) FROM sites t WHERE t.session_id = s.id) AS total_centiunits,
    (SELECT group_concat(a.id) FROM (SELECT id FROM sessions WHERE amends_session_id = s.id ORDER BY created_at) a) AS amended_by
  FROM sessions s`;

const SELECT_WITHOUT_TOTALS = `SELECT s.*, 0 AS site_count, 0 AS total_centiunits,
    (SELECT group_concat(a.id) FROM (SELECT id FROM sessions WHERE amends_session_id = s.id ORDER BY created_at) a) AS amended_by
  FROM sessions s`;

function toRecord(r: SessionRow): SessionRecord & SessionSummary & { seal: string | null } {
  return {
    id: r.id,
    patientId: r.patient_id,
    date: r.date,
    startedAt: r.started_at,
    indication: r.indication as IndicationId,
    otherIndications: JSON.parse(r.other_indications) as IndicationId[],
    clinicianId: r.clinician_id,
    clinicianName: r.clinician_name,
    productId: r.product_id,
    guidance: JSON.parse(r.guidance) as Guidance[],
    notes: r.notes,
    nextDueDate: r.next_due_date,
    status: r.status as SessionStatus,
    signedAt: r.signed_at,
    signedBy: r.signed_by,
    amendsSessionId: r.amends_session_id,
    amendmentReason: r.amendment_reason,
    amendmentAuthor: r.amendment_author,
    amendedAt: r.amended_at,
    weightKg: r.weight_kg,
    templateOrigin: r.template_origin === null ? null : (JSON.parse(r.template_origin) as TemplateOrigin),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    siteCount: r.site_count,
    totalUnits: r.total_centiunits / 100,
    amendedBy: r.amended_by ? r.amended_by.split(',') : [],
    seal: r.seal ?? null,
  };
}

function params(s: SessionRecord): unknown[] {
  return [
    s.patientId, s.date, s.startedAt, s.indication, JSON.stringify(s.otherIndications), s.clinicianId, s.clinicianName,
    s.productId, JSON.stringify(s.guidance), s.notes, s.nextDueDate, s.status, s.signedAt, s.signedBy,
    s.amendsSessionId, s.amendmentReason, s.amendmentAuthor, s.amendedAt, s.weightKg,
    s.templateOrigin === null ? null : JSON.stringify(s.templateOrigin), s.createdAt, s.updatedAt,
  ];
}

const FIELDS = `patient_id, date, started_at, indication, other_indications, clinician_id, clinician_name,
  product_id, guidance, notes, next_due_date, status, signed_at, signed_by,
  amends_session_id, amendment_reason, amendment_author, amended_at, weight_kg, template_origin, created_at, updated_at`;

export function insertSession(db: Database.Database, s: SessionRecord): void {
  statement(db, `INSERT INTO sessions (id, ${FIELDS}) VALUES (?, ${Array(22).fill('?').join(', ')})`).run(s.id, ...params(s));
}

export function updateSession(db: Database.Database, s: SessionRecord): void {
  const sets = FIELDS.split(',').map((f) => `${f.trim()} = ?`).join(', ');
  statement(db, `UPDATE sessions SET ${sets} WHERE id = ?`).run(...params(s), s.id);
}

/** The stored fields only, without the per-session totals: what every write path needs, cheaply. */
/** Only what a change to a session's parts checks first (draft or signed, and its date for the message): one short row. */
export function getSessionState(db: Database.Database, id: string): { status: SessionStatus; date: string } | undefined {
  return statement<[string], { status: SessionStatus; date: string }>(db, 'SELECT status, date FROM sessions WHERE id = ?').get(id);
}

export function getSessionRecord(db: Database.Database, id: string): SessionRecord | undefined {
  const row = statement<[string], SessionRow>(db, 'SELECT *, 0 AS site_count, 0 AS total_centiunits, NULL AS amended_by FROM sessions WHERE id = ?').get(id);
  if (!row) return undefined;
  const { siteCount: _c, totalUnits: _t, amendedBy: _a, seal: _s, ...record } = toRecord(row);
  return record;
}

export function getSession(db: Database.Database, id: string): (SessionRecord & SessionSummary & { seal: string | null }) | undefined {
  const row = statement<[string], SessionRow>(db, `${SELECT} WHERE s.id = ?`).get(id);
  return row && toRecord(row);
}

/**
 * A patient's sessions as listSessionsForPatient gives them, but with siteCount and totalUnits left at 0: for a
 * caller that reads the sites anyway (the timeline) and counts them itself (siteTotals), instead of two
 * lookups of every session's sites here.
 */
export function listSessionsWithoutTotals(db: Database.Database, patientId: string): Array<SessionRecord & SessionSummary & { seal: string | null }> {
  return statement<[string], SessionRow>(db, `${SELECT_WITHOUT_TOTALS} WHERE s.patient_id = ? ORDER BY s.date DESC, s.created_at DESC`)
    .all(patientId)
    .map(toRecord);
}

/** The count and total of a session's sites as the session SELECT computes them (units summed in hundredths). */
export function siteTotals(sites: readonly { units: number }[]): { siteCount: number; totalUnits: number } {
  let centiunits = 0;
  for (const t of sites) centiunits += Math.trunc(t.units * 100 + 0.5); // SQLite's round() of a positive value
  return { siteCount: sites.length, totalUnits: centiunits / 100 };
}

export function listSessionsForPatient(db: Database.Database, patientId: string): Array<SessionRecord & SessionSummary & { seal: string | null }> {
  return statement<[string], SessionRow>(db, `${SELECT} WHERE s.patient_id = ? ORDER BY s.date DESC, s.created_at DESC`)
    .all(patientId)
    .map(toRecord);
}

export function deleteSession(db: Database.Database, id: string): void {
  // Follow-up visits of the session and what they recorded, then grades taken at the session itself.
  const followUps = "SELECT id FROM follow_up_visits WHERE session_id = ?";
  for (const table of ['follow_up_scores', 'follow_up_adverse_events', 'muscle_scores']) {
    statement(db, `DELETE FROM ${table} WHERE follow_up_id IN (${followUps})`).run(id);
  }
  statement(db, 'DELETE FROM follow_up_visits WHERE session_id = ?').run(id);
  statement(db, 'DELETE FROM muscle_scores WHERE session_id = ?').run(id);
  for (const table of ['sites', 'session_vials', 'outcome_scores', 'adverse_events', 'finding_acknowledgements', 'session_derived', 'session_patterns', 'session_origins']) {
    statement(db, `DELETE FROM ${table} WHERE session_id = ?`).run(id);
  }
  statement(db, 'DELETE FROM sessions WHERE id = ?').run(id);
}
