// The full export: every row of every table in one JSON file (format in docs/data-export.md), and its
// import into an empty database. This is the "take all my data elsewhere" path; backups are the
// "undo a disaster" path and stay SQLite files.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/result.ts';
import type { AuditSwitch } from '../db/open.ts';
import { verifyEverything } from '../trust/verify.ts';

export const EXPORT_FORMAT = 'toxinmap-export';
export const EXPORT_FORMAT_VERSION = 1;

/** A BLOB cell, base64-encoded (no table has BLOB columns yet; the format is ready for them). */
const blobCell = z.object({ $base64: z.string() }).strict();
const cell = z.union([z.string(), z.number(), z.null(), blobCell]);
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'not a table or column name' });

export const archiveSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION),
    schemaVersion: z.number().int().nonnegative(),
    exportedAt: z.string().min(1),
    appVersion: z.string(),
    tables: z.record(identifier, z.array(z.record(identifier, cell))),
  })
  .strict();

export type Archive = z.infer<typeof archiveSchema>;
type Cell = z.infer<typeof cell>;
type Row = Record<string, Cell>;

interface TableListRow {
  schema: string;
  name: string;
  type: string;
}

/**
 * Every ordinary table of the main schema, parents before children (by their foreign keys), ties by
 * name. Read from SQLite itself, so a table added by a later migration is exported without code changes.
 * Virtual and shadow tables (e.g. a future full-text index) are derived data and left out.
 */
export function exportedTables(db: Database.Database): string[] {
  const names = (db.pragma('table_list') as TableListRow[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
  const parents = new Map<string, Set<string>>();
  for (const name of names) {
    const fks = db.pragma(`foreign_key_list(${quoteId(name)})`) as { table: string }[];
    parents.set(name, new Set(fks.map((f) => f.table).filter((t) => t !== name && names.includes(t))));
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string): void => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`exportedTables: foreign keys form a cycle through '${name}'`);
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnsOf(db: Database.Database, table: string): { name: string; pk: number }[] {
  return db.pragma(`table_info(${quoteId(table)})`) as { name: string; pk: number }[];
}

/** Rows in primary-key order, so two exports of the same data are byte-identical. */
function selectAll(db: Database.Database, table: string): Database.Statement<[], Record<string, unknown>> {
  const pk = columnsOf(db, table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteId(c.name));
  const order = pk.length > 0 ? pk.join(', ') : 'rowid';
  return db.prepare(`SELECT * FROM ${quoteId(table)} ORDER BY ${order}`);
}

function toCell(value: unknown, where: string): Cell {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`exportDatabase: ${where} holds ${value}, which JSON cannot carry`);
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  throw new Error(`exportDatabase: ${where} holds an unexpected ${typeof value}`);
}

function fromCell(value: Cell): string | number | null | Buffer {
  return value !== null && typeof value === 'object' ? Buffer.from(value.$base64, 'base64') : value;
}

export interface ExportMeta {
  appVersion: string;
  exportedAt: Date;
}

function header(db: Database.Database, meta: ExportMeta): Omit<Archive, 'tables'> {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt: meta.exportedAt.toISOString(),
    appVersion: meta.appVersion,
  };
}

/** The whole database as one object (tests, small databases). writeExportFile streams instead. */
export function exportDatabase(db: Database.Database, meta: ExportMeta): Archive {
  return db.transaction(() => {
    const tables: Record<string, Row[]> = {};
    for (const table of exportedTables(db)) {
      tables[table] = selectAll(db, table)
        .all()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v, `${table}.${k}`)])));
    }
    return { ...header(db, meta), tables };
  })();
}

/**
 * Writes the export row by row (a ten-year clinic has millions of sites: one JSON.stringify of it all
 * would not fit in a string), inside one read transaction so the file is a consistent snapshot,
 * to a temporary name renamed into place at the end.
 */
export function writeExportFile(db: Database.Database, file: string, meta: ExportMeta): { rows: number } {
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, 'w');
  let rows = 0;
  try {
    const write = (text: string) => fs.writeSync(fd, text);
    db.transaction(() => {
      const head = JSON.stringify(header(db, meta), null, 2);
      write(`${head.slice(0, -2)},\n  "tables": {`);
      exportedTables(db).forEach((table, t) => {
        write(`${t === 0 ? '' : ','}\n    ${JSON.stringify(table)}: [`);
        let first = true;
        for (const row of selectAll(db, table).iterate()) {
          const cells = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v, `${table}.${k}`)]));
          write(`${first ? '' : ','}\n      ${JSON.stringify(cells)}`);
          first = false;
          rows++;
        }
        write(first ? ']' : '\n    ]');
      });
      write('\n  }\n}\n');
    })();
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(partial, file);
  return { rows };
}

/** Reads and validates an export file; nothing touches the database here. */
export function readExportFile(file: string): Archive {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('NOT_FOUND', `The file ${file} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('BAD_INPUT', `The file ${file} is not a ToxinMap export: it is not valid JSON.`);
  }
  return parseArchive(json);
}

export function parseArchive(json: unknown): Archive {
  const parsed = archiveSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` (at ${first.path.join('.')})` : '';
    throw new AppError('BAD_INPUT', `This file is not a ToxinMap export this version can read: ${first?.message ?? 'invalid'}${where}.`);
  }
  return parsed.data;
}

/** Columns that may only change draft → signed; imported rows get them after their children. */
const SESSION_SIGNATURE = ['status', 'signed_at', 'signed_by', 'signer_id', 'seal'] as const;

function isEmpty(db: Database.Database): boolean {
  return exportedTables(db).every((t) => db.prepare(`SELECT 1 FROM ${quoteId(t)} LIMIT 1`).get() === undefined);
}

/**
 * Imports an export into an EMPTY database, all or nothing (one transaction). Audit rows come across
 * verbatim with the audit triggers off, so the import itself adds none. Signed sessions are inserted as
 * drafts, every row under them added (sites, vials, scores, adverse events, acknowledgements, the figures
 * stored at signing, copied as they are), then signed again with the stored values, because the database
 * refuses children of a signed session.
 */
export function importArchive(db: Database.Database, audit: AuditSwitch, archive: Archive): { rows: number; patients: number; sessions: number } {
  const dbVersion = db.pragma('user_version', { simple: true }) as number;
  if (archive.schemaVersion !== dbVersion) {
    throw new AppError(
      'CONFLICT',
      archive.schemaVersion > dbVersion
        ? `This export was made by a newer version of ToxinMap (schema ${archive.schemaVersion}; this app has ${dbVersion}). Update the app, then import it.`
        : `This export was made by an older version of ToxinMap (schema ${archive.schemaVersion}; this app has ${dbVersion}). Importing older exports is not supported yet; nothing was imported.`,
    );
  }
  const tables = exportedTables(db);
  for (const [table, rows] of Object.entries(archive.tables)) {
    if (!tables.includes(table)) throw new AppError('BAD_INPUT', `The export contains a table "${table}" that this version of ToxinMap does not have. Nothing was imported.`);
    const columns = new Set(columnsOf(db, table).map((c) => c.name));
    for (const row of rows) {
      const unknown = Object.keys(row).find((k) => !columns.has(k));
      if (unknown) throw new AppError('BAD_INPUT', `The export has a column "${table}.${unknown}" that this version of ToxinMap does not have. Nothing was imported.`);
    }
  }
  if (!isEmpty(db)) {
    throw new AppError('CONFLICT', 'Import only works into an empty database, and this one already holds records. Nothing was imported.');
  }

  let count = 0;
  const run = db.transaction(() => {
    // An amendment points at the session it amends, in the same table: check keys at commit instead.
    db.pragma('defer_foreign_keys = ON');
    const statements = new Map<string, Database.Statement>();
    const insert = (table: string, row: Record<string, string | number | null | Buffer>) => {
      const cols = Object.keys(row);
      const key = `${table}\u0000${cols.join('\u0000')}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = db.prepare(`INSERT INTO ${quoteId(table)} (${cols.map(quoteId).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        statements.set(key, stmt);
      }
      stmt.run(...Object.values(row));
      count++;
    };
    const signLater: { id: string | number | null | Buffer; values: (string | number | null | Buffer)[] }[] = [];
    for (const table of tables) {
      for (const source of archive.tables[table] ?? []) {
        const row = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, fromCell(v)]));
        if (table === 'sessions' && row.status !== undefined && row.status !== 'draft') {
          signLater.push({ id: row.id ?? null, values: SESSION_SIGNATURE.map((c) => row[c] ?? null) });
          row.status = 'draft';
          for (const c of SESSION_SIGNATURE.slice(1)) if (c in row) row[c] = null;
        }
        insert(table, row);
      }
    }
    const sign = db.prepare(`UPDATE sessions SET ${SESSION_SIGNATURE.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    for (const s of signLater) sign.run(...s.values, s.id);
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
    audit.enabled = true;
    db.prepare(
      "INSERT INTO audit_log (at, author, action, entity, entity_id, before, after) VALUES (audit_now(), audit_author(), 'insert', 'data_import', ?, NULL, ?)",
    ).run(
      `${archive.exportedAt}`,
      JSON.stringify({ exportedAt: archive.exportedAt, appVersion: archive.appVersion, schemaVersion: archive.schemaVersion, rows: count }),
    );
  });

  const wasEnabled = audit.enabled;
  audit.enabled = false;
  try {
    run();
  } finally {
    audit.enabled = wasEnabled;
  }
  return { rows: count, patients: archive.tables.patients?.length ?? 0, sessions: archive.tables.sessions?.length ?? 0 };
}
