// The first start of a version with encryption on a folder holding an unencrypted record: the record is
// copied (SQLite's online backup, a consistent snapshot that includes the -wal), the copy encrypted and
// verified, then swapped in by the crash-safe path of a restore (recovery.ts). A crash at any point leaves
// either the unencrypted record as it was (the next start begins again) or the encrypted copy in place.
// The unencrypted file is kept in replaced/ until the user has a good encrypted backup and removes it
// (unencrypted-copies.ts).
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { encryptFileInPlace, fileFormat } from './cipher.ts';
import { checkIntegrity } from './integrity.ts';
import { fsyncFile, incomingPath, installIncoming, removeWithSideFiles, type RecoveryNotice, type RecoveryPaths } from './recovery.ts';
import { checkSchema } from './schema-check.ts';
import { openPlainSqlite, openSqlite } from './sqlite.ts';
import { verifyEverything } from '../trust/verify.ts';

/** The suffix of the unencrypted record kept in replaced/ (unencrypted-copies.ts lists and removes them). */
export const UNENCRYPTED_SUFFIX = '.unencrypted';
/** Up to this size the copy's seals and audit chain are verified in full before the swap (larger: after start). */
const FULL_VERIFY_BYTES = 64 * 1024 * 1024;

export interface Fingerprint {
  tables: Record<string, number>;
  lastAuditHash: string | null;
  sealed: number;
}

/** Row counts of every table, the last audit hash and the number of sealed sessions: what a faithful copy keeps. */
export function fingerprint(db: Database.Database): Fingerprint {
  const tables: Record<string, number> = {};
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const name of names) tables[name] = db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
  const hasAudit = names.includes('audit_log');
  const auditColumns = hasAudit ? (db.prepare(`SELECT name FROM pragma_table_info('audit_log')`).pluck().all() as string[]) : [];
  const lastAuditHash = auditColumns.includes('hash')
    ? ((db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined) ?? null)
    : null;
  const sessionColumns = names.includes('sessions') ? (db.prepare(`SELECT name FROM pragma_table_info('sessions')`).pluck().all() as string[]) : [];
  const sealed = sessionColumns.includes('seal') ? (db.prepare('SELECT count(*) FROM sessions WHERE seal IS NOT NULL').pluck().get() as number) : 0;
  return { tables, lastAuditHash, sealed };
}

export function differences(before: Fingerprint, after: Fingerprint): string[] {
  const out: string[] = [];
  for (const [table, n] of Object.entries(before.tables)) {
    if (after.tables[table] !== n) out.push(`${table}: ${n} rows before, ${after.tables[table] ?? 'none'} after`);
  }
  if (before.lastAuditHash !== after.lastAuditHash) out.push('the last audit entry differs');
  if (before.sealed !== after.sealed) out.push(`signed sessions: ${before.sealed} before, ${after.sealed} after`);
  return out;
}

/**
 * Encrypts the live unencrypted record with the key already set (setDatabaseKey). The database must not
 * be open elsewhere in this process. Returns the notice for the user, naming where the unencrypted file is
 * kept. Throws, leaving the live file untouched, when the copy fails any check.
 */
export async function encryptUnencryptedRecord(paths: RecoveryPaths, migrationsDir: string, key: Buffer, at: Date): Promise<RecoveryNotice> {
  if (fileFormat(paths.file) !== 'plain') throw new Error('the database file is not an unencrypted SQLite file');
  const incoming = incomingPath(paths);
  removeWithSideFiles(incoming);
  let before: Fingerprint;
  let sourceTrust: { problems: number; lastHash: string | undefined } | null = null;
  const source = openPlainSqlite(paths.file, { readonly: true, fileMustExist: true });
  try {
    before = fingerprint(source);
    if (fileSize(paths.file) <= FULL_VERIFY_BYTES) {
      const trust = verifyEverything(source);
      sourceTrust = { problems: trust.problems.length, lastHash: trust.last?.hash };
    }
    await source.backup(incoming);
  } catch (err) {
    removeWithSideFiles(incoming);
    throw err;
  } finally {
    source.close();
  }
  try {
    encryptFileInPlace(incoming, key, (f) => openPlainSqlite(f));
    const copy = openSqlite(incoming, { readonly: true, fileMustExist: true });
    try {
      const integrity = checkIntegrity(copy);
      if (!integrity.ok) throw new Error(`the encrypted copy failed its page check: ${integrity.detail}`);
      const schema = checkSchema(copy, migrationsDir);
      if (!schema.ok) throw new Error(`the encrypted copy's structure differs: ${schema.detail}`);
      const changed = differences(before, fingerprint(copy));
      if (changed.length > 0) throw new Error(`the encrypted copy differs from the record: ${changed.slice(0, 5).join('; ')}`);
      if (sourceTrust) {
        // The seals and the chain verify on the copy exactly as on the record (a record with a problem
        // keeps it, and the trust check shows it as before).
        const trust = verifyEverything(copy);
        if (trust.problems.length !== sourceTrust.problems || trust.last?.hash !== sourceTrust.lastHash) {
          throw new Error(`the encrypted copy does not verify like the record (${trust.problems[0]?.detail ?? 'chain end differs'})`);
        }
      }
    } finally {
      copy.close();
    }
    // The read-only checks may leave an empty -shm beside the copy; the copy itself stays.
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${incoming}${suffix}`, { force: true });
    fsyncFile(incoming);
  } catch (err) {
    removeWithSideFiles(incoming);
    throw err;
  }
  const keptAt = installIncoming(paths, 'the unencrypted record', at, UNENCRYPTED_SUFFIX);
  return {
    kind: 'record-encrypted',
    message:
      'The patient record is now encrypted on this computer. ' +
      (keptAt ? `The unencrypted file it came from is kept in ${keptAt} until you make a backup and remove it (Settings, Backups).` : ''),
  };
}

function fileSize(file: string): number {
  return fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}
