import type Database from 'better-sqlite3';
import type { Patient } from '../../shared/domain/types.ts';

interface PatientRow {
  id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  birth_date: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, mrn, family_name, given_name, birth_date, created_at, updated_at';

export function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    birthDate: r.birth_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertPatient(db: Database.Database, p: Patient): Patient {
  const row = db
    .prepare<unknown[], PatientRow>(
      `INSERT INTO patients (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .get(p.id, p.mrn, p.familyName, p.givenName, p.birthDate, p.createdAt, p.updatedAt);
  if (!row) throw new Error('insertPatient: no row returned');
  return toPatient(row);
}

export function getPatient(db: Database.Database, id: string): Patient | undefined {
  const row = db.prepare<[string], PatientRow>(`SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(id);
  return row && toPatient(row);
}

export function getPatientByMrn(db: Database.Database, mrn: string): Patient | undefined {
  const row = db.prepare<[string], PatientRow>(`SELECT ${COLUMNS} FROM patients WHERE mrn = ?`).get(mrn);
  return row && toPatient(row);
}

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Patients whose MRN, family name or given name starts with the query (case-insensitive),
 * or whose "family, given" / "given family" starts with it. An empty query lists recent patients.
 */
export function searchPatients(db: Database.Database, query: string, limit: number): Patient[] {
  const q = query.trim();
  if (q === '') {
    return db
      .prepare<[number], PatientRow>(`SELECT ${COLUMNS} FROM patients ORDER BY updated_at DESC LIMIT ?`)
      .all(limit)
      .map(toPatient);
  }
  const p = likePrefix(q);
  return db
    .prepare<unknown[], PatientRow>(
      `SELECT ${COLUMNS} FROM patients
        WHERE mrn LIKE ? ESCAPE '\\'
           OR family_name LIKE ? ESCAPE '\\'
           OR given_name LIKE ? ESCAPE '\\'
           OR (family_name || ', ' || given_name) LIKE ? ESCAPE '\\'
           OR (given_name || ' ' || family_name) LIKE ? ESCAPE '\\'
        ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE
        LIMIT ?`,
    )
    .all(p, p, p, p, p, limit)
    .map(toPatient);
}
