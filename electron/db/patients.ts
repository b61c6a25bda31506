import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Patient, Sex } from '../../shared/domain/types.ts';
import { normaliseForSearch, prefixUpperBound, searchTokens } from '../../shared/domain/search.ts';

interface PatientRow {
  id: string;
  mrn: string;
  family_name: string;
  given_name: string;
  birth_date: string;
  sex: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, mrn, family_name, given_name, birth_date, sex, notes, created_at, updated_at';

export function toPatient(r: PatientRow): Patient {
  return {
    id: r.id,
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    birthDate: r.birth_date,
    sex: r.sex as Sex,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function searchColumns(p: Patient): [string, string, string] {
  return [normaliseForSearch(p.familyName), normaliseForSearch(p.givenName), normaliseForSearch(p.mrn)];
}

export function insertPatient(db: Database.Database, p: Patient): Patient {
  const row = statement<unknown[], PatientRow>(db, 
      `INSERT INTO patients (${COLUMNS}, search_family, search_given, search_mrn)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .get(p.id, p.mrn, p.familyName, p.givenName, p.birthDate, p.sex, p.notes, p.createdAt, p.updatedAt, ...searchColumns(p));
  if (!row) throw new Error('insertPatient: no row returned');
  return toPatient(row);
}

export function updatePatient(db: Database.Database, p: Patient): Patient {
  const row = statement<unknown[], PatientRow>(db, 
      `UPDATE patients SET mrn = ?, family_name = ?, given_name = ?, birth_date = ?, sex = ?, notes = ?, updated_at = ?,
         search_family = ?, search_given = ?, search_mrn = ?
       WHERE id = ? RETURNING ${COLUMNS}`,
    )
    .get(p.mrn, p.familyName, p.givenName, p.birthDate, p.sex, p.notes, p.updatedAt, ...searchColumns(p), p.id);
  if (!row) throw new Error(`updatePatient: patient ${p.id} vanished during update`);
  return toPatient(row);
}

export function getPatient(db: Database.Database, id: string): Patient | undefined {
  const row = statement<[string], PatientRow>(db, `SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(id);
  return row && toPatient(row);
}

/** The patient holding this MRN, whatever its case ("ab-12" and "AB-12" are one MRN): from the search index. */
export function getPatientByMrn(db: Database.Database, mrn: string): Patient | undefined {
  const row = statement<[string], PatientRow>(db, `SELECT ${COLUMNS} FROM patients WHERE search_mrn = ?`).get(normaliseForSearch(mrn));
  return row && toPatient(row);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The SQL and parameters of a patient search. Every branch is an index range scan
 * (search_family, search_given, search_mrn or birth_date); tests/db/search-plan.test.ts proves it.
 */
export function patientSearchQuery(query: string, limit: number): { sql: string; params: Record<string, unknown> } {
  const q = query.trim();
  if (q === '') return { sql: `SELECT ${COLUMNS} FROM patients ORDER BY updated_at DESC LIMIT @limit`, params: { limit } };
  if (ISO_DATE.test(q)) {
    return {
      sql: `SELECT ${COLUMNS} FROM patients WHERE birth_date = @date ORDER BY search_family, search_given LIMIT @limit`,
      params: { date: q, limit },
    };
  }
  const tokens = searchTokens(q);
  const first = tokens[0] ?? '';
  // One word: each index range contributes only its first rows in its own order, so a broad prefix
  // ("ma" matches thousands) sorts at most 3 × limit rows, not every match. With more words the later
  // filter needs every candidate, so no cap there.
  const cap = tokens.length === 1 ? 'LIMIT @limit' : '';
  const branch = (column: string, order: string) =>
    `SELECT rowid FROM (SELECT rowid FROM patients WHERE ${column} >= @lo AND ${column} < @hi ORDER BY ${order} ${cap})`;
  const candidates = [
    branch('search_family', 'search_family, search_given'),
    branch('search_given', 'search_given'),
    branch('search_mrn', 'search_mrn'),
  ].join(' UNION ');
  // Further words ("okafor ada", "ada okafor") must start some word of the name.
  const rest = tokens.slice(1);
  const restSql = rest.map((_t, i) => `AND (' ' || search_family || ' ' || search_given) LIKE @t${i} ESCAPE '\\'`).join(' ');
  const params: Record<string, unknown> = { lo: first, hi: prefixUpperBound(first), limit };
  rest.forEach((t, i) => {
    params[`t${i}`] = `% ${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  });
  return {
    sql: `SELECT ${COLUMNS} FROM patients WHERE rowid IN (${candidates}) ${restSql} ORDER BY search_family, search_given LIMIT @limit`,
    params,
  };
}

export function searchPatients(db: Database.Database, query: string, limit: number): Patient[] {
  const { sql, params } = patientSearchQuery(query, limit);
  return statement<[Record<string, unknown>], PatientRow>(db, sql).all(params).map(toPatient);
}
