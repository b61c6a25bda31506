// Import of a full export into an EMPTY database, row by row, all or nothing (one transaction held open
// with BEGIN IMMEDIATE, so rows can stream in from a file), each row checked like IPC input first
// (row-rules.ts). Audit rows come across verbatim (the audit triggers are off while rows are copied);
// signed sessions are inserted as drafts and signed again with their stored signature and seal at the
// end, because the database refuses rows under a signed session. Before COMMIT the audit chain and every
// seal are verified, and the import is recorded as one audit entry.
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { normaliseForSearch } from '../../shared/domain/search.ts';
import { AppError } from '../../shared/ipc/result.ts';
import type { AuditSwitch } from '../db/open.ts';
import { verifyEverything } from '../trust/verify.ts';
import { checkRow, CROSS_ROW_CHECKS, type ImportRow } from './row-rules.ts';

export const EXPORT_FORMAT = 'toxinmap-export';
export const EXPORT_FORMAT_VERSION = 1;

export const headerSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT, { error: 'this is not a ToxinMap export' }),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: 'this export format version is not one this app reads' }),
    schemaVersion: z.number().int().nonnegative(),
    exportedAt: z.string().min(1).max(40),
    appVersion: z.string().max(40),
  })
  .strict();
export type ExportHeader = z.infer<typeof headerSchema>;

/** Columns that may only change draft → signed; imported rows get them after their children. */
const SESSION_SIGNATURE = ['status', 'signed_at', 'signed_by', 'signer_id', 'seal'] as const;

export function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Every ordinary table of the main schema (SQLite's own and virtual tables left out). */
export function plainTables(db: Database.Database): string[] {
  return (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name);
}

export interface ImportCounts {
  rows: number;
  patients: number;
  sessions: number;
  /** Sites of signed sessions whose point lies off the muscle they name, taken as signed (row-rules.ts). */
  signedSitesOffMuscle: number;
}

export class Importer {
  private readonly columns = new Map<string, Set<string>>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly positions = new Map<string, number>();
  private readonly signLater: { id: ImportRow[string]; values: ImportRow[string][] }[] = [];
  /** The sessions the file lists as signed (sessions come before their sites in an export). */
  private readonly signedIds = new Set<unknown>();
  private readonly wasEnabled: boolean;
  private open = false;
  readonly counts: ImportCounts = { rows: 0, patients: 0, sessions: 0, signedSitesOffMuscle: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditSwitch,
    private readonly header: ExportHeader,
  ) {
    this.wasEnabled = audit.enabled;
  }

  /** Checks the header against this database and that the database is empty, then opens the transaction. */
  begin(): void {
    const dbVersion = this.db.pragma('user_version', { simple: true }) as number;
    if (this.header.schemaVersion !== dbVersion) {
      throw new AppError(
        'CONFLICT',
        this.header.schemaVersion > dbVersion
          ? `This export was made by a newer version of ToxinMap (schema ${this.header.schemaVersion}; this app has ${dbVersion}). Update the app, then import it.`
          : `This export was made by an older version of ToxinMap (schema ${this.header.schemaVersion}; this app has ${dbVersion}). Importing older exports is not supported yet; nothing was imported.`,
      );
    }
    const holding: string[] = [];
    for (const t of plainTables(this.db)) {
      this.columns.set(t, new Set((this.db.pragma(`table_info(${quoteId(t)})`) as { name: string }[]).map((c) => c.name)));
      if (this.db.prepare(`SELECT 1 FROM ${quoteId(t)} LIMIT 1`).get() !== undefined) holding.push(t);
    }
    if (holding.length > 0) {
      const named = holding.length > 1 ? holding.filter((t) => t !== 'audit_log') : holding;
      // Settings and the clinician profile count too: their rows and audit entries would clash with the export's.
      throw new AppError(
        'CONFLICT',
        `Import only works into an empty database, and this one already holds ${named.slice(0, 6).join(', ')}${named.length > 6 ? '…' : ''}. Import into a fresh data folder before changing any setting or profile. Nothing was imported.`,
      );
    }
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    // An amendment points at the session it amends, in the same table: keys are checked at commit.
    this.db.pragma('defer_foreign_keys = ON');
    this.audit.enabled = false;
  }

  /** Refuses a table this database does not have (also when the file lists it without rows). */
  table(table: string): Set<string> {
    const columns = this.columns.get(table);
    if (!columns) throw new AppError('BAD_INPUT', `The export contains a table "${table.slice(0, 64)}" that this version of ToxinMap does not have. Nothing was imported.`);
    return columns;
  }

  /** Checks and inserts one row (inside the open transaction). */
  row(table: string, source: ImportRow): void {
    const columns = this.table(table);
    const unknown = Object.keys(source).find((k) => !columns.has(k));
    if (unknown) throw new AppError('BAD_INPUT', `The export has a column "${table}.${unknown.slice(0, 64)}" that this version of ToxinMap does not have. Nothing was imported.`);
    const position = (this.positions.get(table) ?? 0) + 1;
    this.positions.set(table, position);
    if (checkRow(table, position, source, this.signedIds) === 'signed site off its muscle') this.counts.signedSitesOffMuscle++;
    const row: ImportRow = { ...source };
    if (table === 'patients') {
      // Derived copies for search: always made here from the names, never taken from the file.
      if (columns.has('search_family')) row.search_family = normaliseForSearch(String(row.family_name ?? ''));
      if (columns.has('search_given')) row.search_given = normaliseForSearch(String(row.given_name ?? ''));
      if (columns.has('search_mrn')) row.search_mrn = normaliseForSearch(String(row.mrn ?? ''));
      this.counts.patients++;
    }
    if (table === 'sessions') {
      this.counts.sessions++;
      if (row.status !== undefined && row.status !== 'draft') {
        this.signLater.push({ id: row.id ?? null, values: SESSION_SIGNATURE.map((c) => row[c] ?? null) });
        this.signedIds.add(row.id);
        row.status = 'draft';
        for (const c of SESSION_SIGNATURE.slice(1)) if (c in row) row[c] = null;
      }
    }
    const cols = Object.keys(row);
    const key = `${table}\u0000${cols.join('\u0000')}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(`INSERT INTO ${quoteId(table)} (${cols.map(quoteId).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      this.statements.set(key, stmt);
    }
    try {
      stmt.run(...Object.values(row));
    } catch (err) {
      const message = (err as Error).message.replace(/^SIGNED_IMMUTABLE: |^AUDIT_IMMUTABLE: /, '');
      throw new AppError('BAD_INPUT', `Row ${position} of ${table}${row.id !== undefined ? ` (id ${String(row.id).slice(0, 64)})` : ''} cannot be stored: ${message.slice(0, 200)}. Nothing was imported.`);
    }
    this.counts.rows++;
  }

  /** Signs the signed sessions again, runs the checks across rows, verifies, records the import, commits. */
  finish(): ImportCounts {
    const db = this.db;
    const sign = db.prepare(`UPDATE sessions SET ${SESSION_SIGNATURE.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    for (const s of this.signLater) sign.run(...s.values, s.id);
    for (const check of CROSS_ROW_CHECKS) {
      const hit = db.prepare(check.sql).get() as Record<string, unknown> | undefined;
      if (hit) throw new AppError('BAD_INPUT', `${check.message(hit)}. Nothing was imported.`);
    }
    // The file's audit chain and every signed session's seal must verify as they would in the app that
    // wrote them: a file changed after export is refused, nothing is imported.
    const verified = verifyEverything(db);
    if (verified.problems.length > 0) {
      const shown = verified.problems.slice(0, 3).map((p) => `${p.where} ${p.detail}`);
      throw new AppError(
        'BAD_INPUT',
        `This export was changed after it was written and was not imported: ${shown.join(' · ')}` +
          `${verified.problems.length > 3 ? ` (and ${verified.problems.length - 3} more)` : ''}. Nothing was imported.`,
      );
    }
    // The import itself is one audit entry, chained after the file's own entries.
    this.audit.enabled = true;
    db.prepare(
      "INSERT INTO audit_log (at, author, action, entity, entity_id, before, after) VALUES (audit_now(), audit_author(), 'insert', 'data_import', ?, NULL, ?)",
    ).run(
      this.header.exportedAt,
      JSON.stringify({ exportedAt: this.header.exportedAt, appVersion: this.header.appVersion, schemaVersion: this.header.schemaVersion, rows: this.counts.rows }),
    );
    try {
      db.exec('COMMIT');
    } catch (err) {
      throw new AppError('BAD_INPUT', `The export's rows do not fit together (${(err as Error).message}). Nothing was imported.`);
    } finally {
      this.open = db.inTransaction;
    }
    this.audit.enabled = this.wasEnabled;
    return this.counts;
  }

  /** Undoes everything (after any failure); safe to call twice. */
  abort(): void {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
    this.audit.enabled = this.wasEnabled;
  }
}
