import type Database from 'better-sqlite3-multiple-ciphers';
import type { Guidance } from '../../shared/domain/types.ts';
import type { SiteSide } from '../../shared/rules/types.ts';
import { statement } from './statements.ts';

// Batch reads for exports across many sessions: one statement per table for a whole date range, so a year
// of a busy clinic (thousands of sessions) is read in a few queries instead of ten per session.

export interface RangeSession {
  id: string;
  patientId: string;
  date: string;
  status: 'draft' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
  amendsSessionId: string | null;
  clinicianName: string;
  indication: string;
  otherIndications: string[];
  productId: string | null;
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
}

export interface RangeSite {
  id: string;
  sessionId: string;
  seq: number;
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: SiteSide;
  units: number;
  guidance: Guidance;
  note: string;
  createdAt: string;
}

export interface RangeVial {
  id: string;
  sessionId: string;
  productId: string;
  sizeUnits: number;
  lot: string;
  expiry: string;
  diluentMl: number | null;
  reconstitutedAt: string | null;
  createdAt: string;
}

const IN_RANGE = 'SELECT id FROM sessions WHERE date BETWEEN ? AND ?';

/** Sessions dated within [from, to] (YYYY-MM-DD, both included), across patients, oldest first, with their patient. */
export function sessionsBetween(db: Database.Database, from: string, to: string): RangeSession[] {
  const rows = statement<[string, string], Record<string, string | null>>(
    db,
    `SELECT s.id, s.patient_id, s.date, s.status, s.signed_at, s.signed_by, s.amends_session_id, s.clinician_name, s.indication,
       s.other_indications, s.product_id, p.mrn, p.family_name, p.given_name, p.birth_date
     FROM sessions s JOIN patients p ON p.id = s.patient_id
     WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.created_at, s.id`,
  ).all(from, to);
  return rows.map((r) => ({
    id: r.id!, patientId: r.patient_id!, date: r.date!, status: r.status as 'draft' | 'signed', signedAt: r.signed_at ?? null,
    signedBy: r.signed_by ?? null, amendsSessionId: r.amends_session_id ?? null, clinicianName: r.clinician_name ?? '',
    indication: r.indication!, otherIndications: JSON.parse(r.other_indications ?? '[]') as string[], productId: r.product_id ?? null,
    mrn: r.mrn!, familyName: r.family_name!, givenName: r.given_name!, birthDate: r.birth_date!,
  }));
}

function group<T extends { sessionId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.sessionId);
    if (list) list.push(r);
    else out.set(r.sessionId, [r]);
  }
  return out;
}

/** The sites of those sessions, grouped by session, in order. */
export function sitesBetween(db: Database.Database, from: string, to: string): Map<string, RangeSite[]> {
  const rows = statement<[string, string], Record<string, string | number>>(
    db,
    `SELECT id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, guidance, note, created_at
     FROM sites WHERE session_id IN (${IN_RANGE}) ORDER BY session_id, seq`,
  ).all(from, to);
  return group(rows.map((r) => ({
    id: r.id as string, sessionId: r.session_id as string, seq: r.seq as number, viewId: r.diagram_id as string,
    viewVersion: r.diagram_version as number, x: r.x as number, y: r.y as number, muscleId: r.muscle_id as string,
    side: r.side as SiteSide, units: r.units as number, guidance: r.guidance as Guidance, note: r.note as string, createdAt: r.created_at as string,
  })));
}

/** The vials of those sessions, grouped by session, in the order they were recorded. */
export function vialsBetween(db: Database.Database, from: string, to: string): Map<string, RangeVial[]> {
  const rows = statement<[string, string], Record<string, string | number | null>>(
    db,
    `SELECT id, session_id, product_id, size_units, lot, expiry, diluent_ml, reconstituted_at, created_at
     FROM session_vials WHERE session_id IN (${IN_RANGE}) ORDER BY session_id, created_at, id`,
  ).all(from, to);
  return group(rows.map((r) => ({
    id: r.id as string, sessionId: r.session_id as string, productId: r.product_id as string, sizeUnits: r.size_units as number,
    lot: r.lot as string, expiry: r.expiry as string, diluentMl: (r.diluent_ml as number | null) ?? null,
    reconstitutedAt: (r.reconstituted_at as string | null) ?? null, createdAt: r.created_at as string,
  })));
}

/** The figures stored at signing (JSON text) of those sessions that have them. */
export function storedFiguresBetween(db: Database.Database, from: string, to: string): Map<string, string> {
  const rows = statement<[string, string], { session_id: string; derived: string }>(
    db,
    `SELECT session_id, derived FROM session_derived WHERE session_id IN (${IN_RANGE})`,
  ).all(from, to);
  return new Map(rows.map((r) => [r.session_id, r.derived]));
}

/** Every amendment link (few in any clinic): which session amends which, and whether it is signed. */
export function amendmentLinks(db: Database.Database): Array<{ id: string; amends: string; status: string; createdAt: string }> {
  return statement<[], { id: string; amends_session_id: string; status: string; created_at: string }>(
    db,
    'SELECT id, amends_session_id, status, created_at FROM sessions WHERE amends_session_id IS NOT NULL ORDER BY created_at',
  )
    .all()
    .map((r) => ({ id: r.id, amends: r.amends_session_id, status: r.status, createdAt: r.created_at }));
}
