import type Database from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo } from '../../shared/domain/types.ts';

export interface IntegrityResult {
  ok: boolean;
  /** 'ok', or the first problems SQLite reported. */
  detail: string;
}

/**
 * PRAGMA quick_check, not integrity_check, because it runs at every start (and for the health check).
 * Measured here (2 cores, SSD, warm cache) on a 939 MB file shaped like the 10-year target (5,000
 * patients, 100,000 sessions, 3,000,000 sites): quick_check 4.1-4.2 s, integrity_check 22-23 s. Both
 * scale with the file, so a year of data is about 0.4 s against 2 s.
 * quick_check still reads every page and checks the b-tree structure, record formats and NOT NULL/CHECK
 * constraints, which is what a torn, truncated or overwritten page breaks. It skips only the check that
 * every index entry matches its table row; such mismatches come from software bugs or changed collations,
 * not from a damaged file, and are not worth five times the wait at every start.
 */
export function checkIntegrity(db: Database.Database, maxErrors = 10): IntegrityResult {
  // A page damaged badly enough (a zeroed b-tree page, a broken header) makes quick_check itself throw
  // instead of listing problems; that is a finding too, never a crash.
  try {
    const rows = db.pragma(`quick_check(${maxErrors})`) as { quick_check: string }[];
    const messages = rows.map((r) => r.quick_check);
    const ok = messages.length === 1 && messages[0] === 'ok';
    return { ok, detail: ok ? 'ok' : messages.join('; ') };
  } catch (err) {
    return { ok: false, detail: `the check could not complete: ${(err as Error).message}` };
  }
}

const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** True for the errors SQLite raises on a file that is not a database or whose pages are damaged. */
export function isDamageError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as Error & { code?: unknown }).code;
  if (typeof code === 'string' && DAMAGE_CODES.has(code)) return true;
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isDamageError(cause);
}

/**
 * Why the database cannot be used as it is:
 *   damaged  the file fails to open or fails its check (pages, structure)
 *   missing  there is no database file, but backups or set-aside files show there was one
 *   empty    the file is empty (a truncated write), and backups show there was a record
 */
export type DamageReason = 'damaged' | 'missing' | 'empty';

/**
 * The database file cannot be used as it is. Carries the newest backup that passed its own check,
 * so the shell can offer to restore it; the damaged file itself is never deleted.
 */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly latestBackup: BackupInfo | null,
    readonly reason: DamageReason = 'damaged',
  ) {
    super(
      `The patient database (${file}) ${reason === 'damaged' ? 'is damaged and ' : ''}cannot be used as it is (${detail}). ` +
        (latestBackup
          ? `The latest backup is from ${latestBackup.createdAt}.`
          : 'No usable backup was found.'),
    );
    this.name = 'DamagedDatabaseError';
  }
}
