import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';
import type { Clinician, Guidance } from '../../shared/domain/types.ts';

interface ClinicianRow {
  id: string;
  name: string;
  credentials: string;
  default_product_id: string | null;
  default_guidance: string;
  passphrase_hash?: string | null;
  created_at: string;
  updated_at: string;
}

function toClinician(r: ClinicianRow): Clinician {
  return {
    id: r.id,
    name: r.name,
    credentials: r.credentials,
    defaultProductId: r.default_product_id,
    defaultGuidance: r.default_guidance as Guidance,
    hasPassphrase: typeof r.passphrase_hash === 'string',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCurrentClinician(db: Database.Database): Clinician | null {
  const row = statement<[], ClinicianRow>(db, 'SELECT * FROM clinicians WHERE is_current = 1').get();
  return row ? toClinician(row) : null;
}

/** "Jane Doe, MD": how the clinician signs and appears in the audit log. */
export function displayName(c: Pick<Clinician, 'name' | 'credentials'>): string {
  return c.credentials ? `${c.name}, ${c.credentials}` : c.name;
}

export function currentClinicianName(db: Database.Database): string | null {
  const c = getCurrentClinician(db);
  return c ? displayName(c) : null;
}

export function insertClinician(db: Database.Database, c: Clinician): void {
  statement(db, 
    `INSERT INTO clinicians (id, name, credentials, default_product_id, default_guidance, is_current, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(c.id, c.name, c.credentials, c.defaultProductId, c.defaultGuidance, c.createdAt, c.updatedAt);
}

export function updateClinician(db: Database.Database, c: Clinician): void {
  statement(db, 
    'UPDATE clinicians SET name = ?, credentials = ?, default_product_id = ?, default_guidance = ?, updated_at = ? WHERE id = ?',
  ).run(c.name, c.credentials, c.defaultProductId, c.defaultGuidance, c.updatedAt, c.id);
}

/** The stored scrypt hash of an account's passphrase, or null when it has none. Never leaves main. */
export function getPassphraseHash(db: Database.Database, clinicianId: string): string | null {
  return (statement<[string], { passphrase_hash: string | null }>(db, 'SELECT passphrase_hash FROM clinicians WHERE id = ?').get(clinicianId)?.passphrase_hash ?? null);
}

export function setPassphraseHash(db: Database.Database, clinicianId: string, hash: string, at: string): void {
  statement(db, 'UPDATE clinicians SET passphrase_hash = ?, updated_at = ? WHERE id = ?').run(hash, at, clinicianId);
}
