import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { PriorAuthorization } from '../../shared/domain/types.ts';

interface PriorAuthRow {
  id: string;
  patient_id: string;
  payer: string;
  number: string;
  product_id: string | null;
  valid_from: string;
  valid_to: string;
  approved_units: number | null;
  approved_visits: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
  used_centiunits: number;
  used_visits: number;
}

export type PriorAuthRecord = Omit<PriorAuthorization, 'usedUnits' | 'usedVisits'>;

/**
 * Use is derived, never typed: signed sessions of the patient dated within the window (and of the
 * authorized product, when one is set), counting only the latest signed version of an amended session.
 */
const SELECT = `SELECT pa.*,
    coalesce((SELECT sum(round(t.units * 100)) FROM sites t JOIN sessions s ON s.id = t.session_id
      WHERE s.patient_id = pa.patient_id AND s.status = 'signed' AND s.date BETWEEN pa.valid_from AND pa.valid_to
        AND (pa.product_id IS NULL OR s.product_id = pa.product_id)
        AND NOT EXISTS (SELECT 1 FROM sessions n WHERE n.amends_session_id = s.id AND n.status = 'signed')), 0) AS used_centiunits,
    (SELECT count(*) FROM sessions s
      WHERE s.patient_id = pa.patient_id AND s.status = 'signed' AND s.date BETWEEN pa.valid_from AND pa.valid_to
        AND (pa.product_id IS NULL OR s.product_id = pa.product_id)
        AND s.amends_session_id IS NULL) AS used_visits
  FROM prior_authorizations pa`;

function toPriorAuth(r: PriorAuthRow): PriorAuthorization {
  return {
    id: r.id,
    patientId: r.patient_id,
    payer: r.payer,
    number: r.number,
    productId: r.product_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    approvedUnits: r.approved_units,
    approvedVisits: r.approved_visits,
    notes: r.notes,
    usedUnits: r.used_centiunits / 100,
    usedVisits: r.used_visits,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listPriorAuths(db: Database.Database, patientId: string): PriorAuthorization[] {
  return statement<[string], PriorAuthRow>(db, `${SELECT} WHERE pa.patient_id = ? ORDER BY pa.valid_from DESC`).all(patientId).map(toPriorAuth);
}

/** Every authorization still valid on or after `today` (any patient), soonest to expire first: the worklist's. */
export function listCurrentPriorAuths(db: Database.Database, today: string): PriorAuthorization[] {
  return statement<[string], PriorAuthRow>(db, `${SELECT} WHERE pa.valid_to >= ? ORDER BY pa.valid_to, pa.id`).all(today).map(toPriorAuth);
}

export function getPriorAuth(db: Database.Database, id: string): PriorAuthorization | undefined {
  const row = statement<[string], PriorAuthRow>(db, `${SELECT} WHERE pa.id = ?`).get(id);
  return row && toPriorAuth(row);
}

export function upsertPriorAuth(db: Database.Database, p: PriorAuthRecord, exists: boolean): void {
  const values = [p.patientId, p.payer, p.number, p.productId, p.validFrom, p.validTo, p.approvedUnits, p.approvedVisits, p.notes, p.updatedAt];
  if (exists) {
    statement(db, 
      `UPDATE prior_authorizations SET patient_id = ?, payer = ?, number = ?, product_id = ?, valid_from = ?, valid_to = ?,
         approved_units = ?, approved_visits = ?, notes = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, p.id);
  } else {
    statement(db, 
      `INSERT INTO prior_authorizations (patient_id, payer, number, product_id, valid_from, valid_to, approved_units,
         approved_visits, notes, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...values, p.id, p.createdAt);
  }
}

export function deletePriorAuth(db: Database.Database, id: string): void {
  statement(db, 'DELETE FROM prior_authorizations WHERE id = ?').run(id);
}
