import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Clinician, ClinicianAccount, Guidance } from '../../shared/domain/types.ts';

interface ClinicianRow {
  id: string;
  name: string;
  credentials: string;
  default_product_id: string | null;
  default_guidance: string;
  is_current: number;
  passphrase_hash?: string | null;
  deactivated_at?: string | null;
  created_at: string;
  updated_at: string;
}

/** Every column but the passphrase hash, which never leaves this file except through getPassphraseHash. */
const COLUMNS = `id, name, credentials, default_product_id, default_guidance, is_current, deactivated_at, created_at, updated_at,
  passphrase_hash IS NOT NULL AS has_passphrase`;

function toClinician(r: ClinicianRow & { has_passphrase: number }): Clinician {
  return {
    id: r.id,
    name: r.name,
    credentials: r.credentials,
    defaultProductId: r.default_product_id,
    defaultGuidance: r.default_guidance as Guidance,
    hasPassphrase: r.has_passphrase === 1,
    isCurrent: r.is_current === 1,
    deactivatedAt: r.deactivated_at ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCurrentClinician(db: Database.Database): Clinician | null {
  const row = statement<[], ClinicianRow & { has_passphrase: number }>(db, `SELECT ${COLUMNS} FROM clinicians WHERE is_current = 1`).get();
  return row ? toClinician(row) : null;
}

export function getClinician(db: Database.Database, id: string): Clinician | undefined {
  const row = statement<[string], ClinicianRow & { has_passphrase: number }>(db, `SELECT ${COLUMNS} FROM clinicians WHERE id = ?`).get(id);
  return row ? toClinician(row) : undefined;
}

/** Every account: active ones first, then by name; each with the number of sessions it signed. */
export function listClinicians(db: Database.Database): ClinicianAccount[] {
  return statement<[], ClinicianRow & { has_passphrase: number; signed: number }>(
    db,
    `SELECT ${COLUMNS}, (SELECT count(*) FROM sessions s WHERE s.signer_id = c.id) AS signed
       FROM clinicians c ORDER BY deactivated_at IS NOT NULL, name COLLATE NOCASE, id`,
  )
    .all()
    .map((r) => ({ ...toClinician(r), signedSessions: r.signed }));
}

/** "Jane Doe, MD": how the clinician signs and appears in the audit log. */
export function displayName(c: Pick<Clinician, 'name' | 'credentials'>): string {
  return c.credentials ? `${c.name}, ${c.credentials}` : c.name;
}

export function currentClinicianName(db: Database.Database): string | null {
  const c = getCurrentClinician(db);
  return c ? displayName(c) : null;
}

/** Adds an account; `current` makes it the current one (the caller clears the former current first). */
export function insertClinician(db: Database.Database, c: Clinician, current = true): void {
  statement(db,
    `INSERT INTO clinicians (id, name, credentials, default_product_id, default_guidance, is_current, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.name, c.credentials, c.defaultProductId, c.defaultGuidance, current ? 1 : 0, c.createdAt, c.updatedAt);
}

export function updateClinician(db: Database.Database, c: Clinician): void {
  statement(db,
    'UPDATE clinicians SET name = ?, credentials = ?, default_product_id = ?, default_guidance = ?, updated_at = ? WHERE id = ?',
  ).run(c.name, c.credentials, c.defaultProductId, c.defaultGuidance, c.updatedAt, c.id);
}

/** Makes `id` the current account (the only one). Run inside a transaction. */
export function makeCurrent(db: Database.Database, id: string, at: string): void {
  statement(db, 'UPDATE clinicians SET is_current = 0, updated_at = ? WHERE is_current = 1 AND id <> ?').run(at, id);
  statement(db, 'UPDATE clinicians SET is_current = 1, updated_at = ? WHERE id = ? AND is_current = 0').run(at, id);
}

export function setDeactivated(db: Database.Database, id: string, deactivatedAt: string | null, at: string): void {
  statement(db, 'UPDATE clinicians SET deactivated_at = ?, updated_at = ? WHERE id = ?').run(deactivatedAt, at, id);
}

/** The stored scrypt hash of an account's passphrase, or null when it has none. Never leaves main. */
export function getPassphraseHash(db: Database.Database, clinicianId: string): string | null {
  return (statement<[string], { passphrase_hash: string | null }>(db, 'SELECT passphrase_hash FROM clinicians WHERE id = ?').get(clinicianId)?.passphrase_hash ?? null);
}

export function setPassphraseHash(db: Database.Database, clinicianId: string, hash: string, at: string): void {
  statement(db, 'UPDATE clinicians SET passphrase_hash = ?, passphrase_set_at = ?, updated_at = ? WHERE id = ?').run(hash, at, at, clinicianId);
}
