// Reads an export file as a stream (a ten-year clinic's export is over a gigabyte: it is never held in
// one string) and feeds each row to the Importer as it is parsed. A UTF-8 byte order mark is tolerated.
// An encrypted archive (told by its first bytes) is decrypted on the way, chunk by chunk, in memory: no
// plaintext copy is written to disk.
import fs from 'node:fs';
import path from 'node:path';
import { JSONParser } from '@streamparser/json';
import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/result.ts';
import type { AuditSwitch } from '../db/open.ts';
import { ArchiveError, decryptArchive, isEncryptedArchive } from './encrypted-archive.ts';
import { headerSchema, Importer, type ImportCounts } from './importer.ts';
import type { ImportRow } from './row-rules.ts';

export interface ImportProgress {
  /** Bytes of the file read so far, and its size. */
  done: number;
  total: number;
  rows: number;
}

const HEADER_KEYS = ['format', 'formatVersion', 'schemaVersion', 'exportedAt', 'appVersion'] as const;
const cell = z.union([z.string(), z.number(), z.null(), z.object({ $base64: z.string() }).strict()]);
const rowSchema = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'not a column name' }), cell);

function toRow(table: string, value: unknown): ImportRow {
  const parsed = rowSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_INPUT', `A row of ${table.slice(0, 64)} is not a row of plain values (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}). Nothing was imported.`);
  }
  return Object.fromEntries(
    Object.entries(parsed.data).map(([k, v]) => [k, v !== null && typeof v === 'object' ? Buffer.from(v.$base64, 'base64') : v]),
  );
}

/** The file's bytes as they are read, counted (progress is by bytes of the file, encrypted or not). */
async function* counted(file: string, read: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

/** An archive's refusal, said in the import's words: nothing was imported. */
async function* decrypted(source: AsyncIterable<Buffer>, passphrase: string): AsyncGenerator<Buffer> {
  try {
    yield* decryptArchive(source, passphrase);
  } catch (err) {
    if (err instanceof ArchiveError) throw new ArchiveError(err.problem, `${err.message} Nothing was imported; the database is unchanged.`);
    throw err;
  }
}

/**
 * Streams `file` into `db` (which must be empty), all or nothing. Progress is reported by bytes read.
 * An encrypted archive needs its `passphrase`; a wrong one is refused (FORBIDDEN) before any row is read.
 * Throws AppError with a message naming the problem; the database is then exactly as before.
 */
export async function importExportFile(
  db: Database.Database,
  audit: AuditSwitch,
  file: string,
  onProgress: (p: ImportProgress) => void = () => undefined,
  passphrase?: string,
): Promise<ImportCounts> {
  let total: number;
  try {
    total = fs.statSync(file).size;
  } catch (err) {
    throw new AppError('NOT_FOUND', `The file ${file} could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  const header: Record<string, unknown> = {};
  // Assigned from the parser's callback; a holder keeps the type checker from narrowing it to null.
  const state: { importer: Importer | null } = { importer: null };
  let failure: unknown = null;
  let ended = false;
  const parser = new JSONParser({ paths: [...HEADER_KEYS.map((k) => `$.${k}`), '$.tables.*.*'], keepStack: false });
  const start = (): Importer => {
    const parsed = headerSchema.safeParse(header);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('BAD_INPUT', `This file is not a ToxinMap export this version can read: ${issue?.message ?? 'invalid'}${issue?.path.length ? ` (at ${issue.path.join('.')})` : ''}.`);
    }
    const created = new Importer(db, audit, parsed.data);
    created.begin();
    return created;
  };
  parser.onValue = ({ value, key, stack }) => {
    if (failure) return;
    try {
      if (stack.length === 1 && typeof key === 'string') {
        if (state.importer) throw new AppError('BAD_INPUT', `This export is malformed: "${key}" comes after the tables. Nothing was imported.`);
        header[key] = value;
        return;
      }
      const table = stack[2]?.key;
      if (typeof table !== 'string' || typeof key !== 'number') {
        throw new AppError('BAD_INPUT', 'This export is malformed: each table must be a list of rows. Nothing was imported.');
      }
      state.importer ??= start();
      state.importer.row(table, toRow(table, value));
    } catch (err) {
      failure = err;
    }
  };
  parser.onEnd = () => {
    ended = true;
  };
  const encrypted = isEncryptedArchive(file);
  if (encrypted && !passphrase) {
    throw new ArchiveError('passphrase', `${path.basename(file)} is an encrypted ToxinMap archive: enter its passphrase to import it. Nothing was imported.`);
  }
  try {
    const read = { bytes: 0 };
    let first = true;
    const source = encrypted && passphrase ? decrypted(counted(file, read), passphrase) : counted(file, read);
    for await (const chunk of source) {
      let bytes = chunk;
      if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      first = false;
      try {
        parser.write(bytes);
      } catch (err) {
        throw new AppError('BAD_INPUT', `The file ${file} is not a ToxinMap export: it is not valid JSON (${(err as Error).message.slice(0, 120)}).`);
      }
      if (failure) throw failure;
      onProgress({ done: read.bytes, total, rows: state.importer?.counts.rows ?? 0 });
    }
    if (!ended) throw new AppError('BAD_INPUT', `The file ${file} is not a ToxinMap export: it ends before the JSON is complete.`);
    state.importer ??= start(); // an export of an empty database has no rows at all
    return state.importer.finish();
  } catch (err) {
    state.importer?.abort();
    throw err;
  }
}
