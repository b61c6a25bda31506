// The full export: every row of every table in one JSON file (format in docs/data-export.md), and its
// import into an empty database. This is the "take all my data elsewhere" path; backups are the
// "undo a disaster" path and stay SQLite files.
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/result.ts';
import type { AuditSwitch } from '../db/open.ts';
import { ArchiveWriter, type WriterOptions } from './encrypted-archive.ts';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, Importer } from './importer.ts';

export { EXPORT_FORMAT, EXPORT_FORMAT_VERSION };

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

/**
 * Columns never exported: secrets. An imported account arrives without its passphrase and must be given
 * one before it can sign again (an account without one cannot sign).
 */
const NOT_EXPORTED: Readonly<Record<string, readonly string[]>> = { clinicians: ['passphrase_hash'] };

/** Rows in primary-key order, so two exports of the same data are byte-identical. */
function selectAll(db: Database.Database, table: string): Database.Statement<[], Record<string, unknown>> {
  const left = NOT_EXPORTED[table] ?? [];
  const cols = left.length === 0 ? '*' : columnsOf(db, table).filter((c) => !left.includes(c.name)).map((c) => quoteId(c.name)).join(', ');
  const pk = columnsOf(db, table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteId(c.name));
  const order = pk.length > 0 ? pk.join(', ') : 'rowid';
  return db.prepare(`SELECT ${cols} FROM ${quoteId(table)} ORDER BY ${order}`);
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

/** With a passphrase, the export is written as an encrypted archive (encrypted-archive.ts). */
export interface ExportEncryption extends WriterOptions {
  passphrase: string;
}

/**
 * Writes the export row by row (a ten-year clinic has millions of sites: one JSON.stringify of it all
 * would not fit in a string), inside one read transaction so the file is a consistent snapshot, in
 * writes of about a megabyte, to a temporary name renamed into place at the end. With `encryption`,
 * each megabyte is encrypted as it is written: no plaintext byte reaches the disk.
 */
export function writeExportFile(
  db: Database.Database,
  file: string,
  meta: ExportMeta,
  progress: (done: number, total: number) => void = () => undefined,
  encryption?: ExportEncryption,
): { rows: number } {
  // The key is derived (about a second) before the file is opened and the snapshot begins.
  const writer = encryption ? new ArchiveWriter(encryption.passphrase, encryption) : null;
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, 'w');
  let rows = 0;
  let buffered: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffered.length > 0) {
      const text = buffered.join('');
      if (writer) for (const frame of writer.write(text)) fs.writeSync(fd, frame);
      else fs.writeSync(fd, text);
    }
    buffered = [];
    size = 0;
  };
  const write = (text: string) => {
    buffered.push(text);
    size += text.length;
    if (size > 1 << 20) flush();
  };
  try {
    if (writer) fs.writeSync(fd, writer.header);
    db.transaction(() => {
      const tables = exportedTables(db);
      const total = tables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM ${quoteId(t)}`).pluck().get() as number), 0);
      progress(0, total);
      const head = JSON.stringify(header(db, meta), null, 2);
      write(`${head.slice(0, -2)},\n  "tables": {`);
      tables.forEach((table, t) => {
        write(`${t === 0 ? '' : ','}\n    ${JSON.stringify(table)}: [`);
        let first = true;
        for (const row of selectAll(db, table).iterate()) {
          const cells = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v, `${table}.${k}`)]));
          write(`${first ? '' : ','}\n      ${JSON.stringify(cells)}`);
          first = false;
          rows++;
          if (rows % 10_000 === 0) progress(rows, total);
        }
        write(first ? ']' : '\n    ]');
      });
      write('\n  }\n}\n');
      flush();
      progress(rows, total);
    })();
    if (writer) fs.writeSync(fd, writer.end());
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
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
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

/**
 * Imports an export held in memory (tests, small files) into an EMPTY database, all or nothing, with the
 * same checks as the streamed import (importer.ts): every row checked like IPC input, signed sessions
 * signed again, the audit chain and seals verified, the import recorded as one audit entry.
 */
export function importArchive(db: Database.Database, audit: AuditSwitch, archive: Archive): { rows: number; patients: number; sessions: number } {
  const { tables, ...header } = archive;
  const importer = new Importer(db, audit, header);
  try {
    importer.begin();
    const order = exportedTables(db);
    const names = [...order.filter((t) => t in tables), ...Object.keys(tables).filter((t) => !order.includes(t))];
    for (const table of names) {
      importer.table(table);
      for (const source of tables[table] ?? []) {
        importer.row(table, Object.fromEntries(Object.entries(source).map(([k, v]) => [k, fromCell(v)])));
      }
    }
    return importer.finish();
  } catch (err) {
    importer.abort();
    throw err;
  }
}
