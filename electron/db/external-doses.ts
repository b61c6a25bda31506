import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { ExternalDose } from '../../shared/domain/types.ts';
import type { IndicationId } from '../../shared/indications.ts';
import { expectOneChange } from './rows.ts';

interface ExternalDoseRow {
  id: string;
  patient_id: string;
  date: string;
  product_id: string;
  units: number;
  where_given: string;
  indication: string | null;
  note: string;
  created_at: string;
}

const COLUMNS = 'id, patient_id, date, product_id, units, where_given, indication, note, created_at';

function toExternalDose(r: ExternalDoseRow): ExternalDose {
  return {
    id: r.id,
    patientId: r.patient_id,
    date: r.date,
    productId: r.product_id,
    units: r.units,
    where: r.where_given,
    indication: r.indication as IndicationId | null,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function insertExternalDose(db: Database.Database, d: ExternalDose): ExternalDose {
  const row = statement<unknown[], ExternalDoseRow>(db, `INSERT INTO external_doses (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`)
    .get(d.id, d.patientId, d.date, d.productId, d.units, d.where, d.indication, d.note, d.createdAt);
  if (!row) throw new Error('insertExternalDose: no row returned');
  return toExternalDose(row);
}

export function getExternalDose(db: Database.Database, id: string): ExternalDose | undefined {
  const row = statement<[string], ExternalDoseRow>(db, `SELECT ${COLUMNS} FROM external_doses WHERE id = ?`).get(id);
  return row && toExternalDose(row);
}

/** Newest first. */
export function listExternalDoses(db: Database.Database, patientId: string): ExternalDose[] {
  return statement<[string], ExternalDoseRow>(db, `SELECT ${COLUMNS} FROM external_doses WHERE patient_id = ? ORDER BY date DESC, created_at DESC, id`)
    .all(patientId)
    .map(toExternalDose);
}

/** Doses given elsewhere on or before a date (the rules' look-back), oldest first. */
export function externalDosesUpTo(db: Database.Database, patientId: string, date: string): ExternalDose[] {
  return statement<[string, string], ExternalDoseRow>(
    db,
    `SELECT ${COLUMNS} FROM external_doses WHERE patient_id = ? AND date <= ? ORDER BY date, created_at, id`,
  )
    .all(patientId, date)
    .map(toExternalDose);
}

export function deleteExternalDose(db: Database.Database, id: string): void {
  expectOneChange(statement(db, 'DELETE FROM external_doses WHERE id = ?').run(id), `deleteExternalDose(${id})`);
}
