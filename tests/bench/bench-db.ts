/** The app's backend on a private copy of a cached benchmark database, brought to the latest schema once. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open.ts';
import { latestVersion, loadMigrations } from '../../electron/db/migrate.ts';
import { createDispatcher, type Dispatch } from '../../electron/dispatch.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from '../../electron/services/context.ts';
import { createHandlers, type MaintenanceHandlers } from '../../electron/services/index.ts';
import { currentClinicianName } from '../../electron/db/clinicians.ts';
import { encryptFileInPlace } from '../../electron/db/cipher.ts';
import { openPlainSqlite, setDatabaseKey } from '../../electron/db/sqlite.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { newId } from '../../shared/domain/ids.ts';

export interface Bench {
  dir: string;
  opened: OpenedDatabase;
  ctx: ServiceContext;
  dispatch: Dispatch;
  close: () => void;
}

const notInBench = () => {
  throw new AppError('INTERNAL', 'Maintenance channels are not benchmarked');
};

/**
 * The cached database brought to the latest schema once, and kept beside it: migrating a gigabyte (0060
 * seals every signed session) takes over a minute, paid on the first run after a new migration only.
 */
export async function migrated(file: string): Promise<string> {
  // Keyed by the migrations' content, not only the last number: a migration numbered below the last one
  // (numbers are reserved in ranges) changes the schema at the same version.
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const latest = latestVersion(migrations);
  const key = createHash('sha256').update(JSON.stringify(migrations)).digest('hex').slice(0, 10);
  const cached = file.replace(/\.sqlite$/, `-schema${latest}-${key}.sqlite`);
  const current = [cached, cached.replace(/\.sqlite$/, '-encrypted.sqlite')];
  for (const stale of fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(path.basename(file, '.sqlite') + '-schema') && !current.includes(path.join(path.dirname(file), n)))) {
    fs.rmSync(path.join(path.dirname(file), stale), { force: true });
  }
  if (fs.existsSync(cached)) return cached;
  const t0 = performance.now();
  const tmp = `${cached}.tmp`;
  fs.copyFileSync(file, tmp);
  const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'toxinmap-bench-migrate-'));
  const opened = await openDatabase({ file: tmp, migrationsDir: MIGRATIONS_DIR, backupDir: backups });
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
  fs.rmSync(backups, { recursive: true, force: true });
  fs.renameSync(tmp, cached);
  console.log(`migrated ${path.basename(file)} from schema ${opened.migratedFrom} to ${latest} in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached as ${path.basename(cached)})`);
  return cached;
}

/** The benchmark's own database key (the app's is random): fixed, so the encrypted copy can be cached. */
const BENCH_KEY = createHash('sha256').update('toxinmap benchmark database key').digest();

/**
 * The migrated database encrypted as the app keeps its record (SQLCipher v4, electron/db/cipher.ts), made once
 * beside it (about 20 s for the 10-year record) and kept until the schema changes.
 */
function encrypted(plain: string): string {
  const cached = plain.replace(/\.sqlite$/, '-encrypted.sqlite');
  if (fs.existsSync(cached)) return cached;
  const t0 = performance.now();
  const tmp = `${cached}.tmp`;
  fs.copyFileSync(plain, tmp);
  encryptFileInPlace(tmp, BENCH_KEY, (f) => openPlainSqlite(f));
  fs.renameSync(tmp, cached);
  console.log(`encrypted ${path.basename(plain)} in ${((performance.now() - t0) / 1000).toFixed(1)} s (cached as ${path.basename(cached)})`);
  return cached;
}

/**
 * Opens a private copy (the cached file stays pristine) the way startBackend does, minus the integrity check
 * and the daily backup, which would read the whole gigabyte before the first measurement. `encrypted`: a copy
 * of the encrypted record, opened with its key, as the app runs since the record is encrypted at rest.
 */
export async function openCopy(source: string, options: { encrypted?: boolean } = {}): Promise<Bench> {
  setDatabaseKey(null);
  const plain = await migrated(source);
  const file = options.encrypted ? encrypted(plain) : plain;
  // Every connection opened from here on (the bench's, and any the measurement opens) gets this key.
  setDatabaseKey(options.encrypted ? BENCH_KEY : null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toxinmap-bench-'));
  const copy = path.join(dir, 'toxinmap.sqlite');
  fs.copyFileSync(file, copy);
  const actor = { name: UNKNOWN_ACTOR };
  const opened = await openDatabase({ file: copy, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => actor.name });
  const ctx: ServiceContext = { db: opened.db, now: () => new Date(), newId, actor, audit: opened.audit };
  actor.name = currentClinicianName(ctx.db) ?? UNKNOWN_ACTOR;
  const maintenance: MaintenanceHandlers = {
    'app:health': notInBench, 'backup:now': notInBench, 'backup:list': notInBench, 'backup:restore': notInBench,
    'data:export': notInBench, 'data:import': notInBench, 'task:progress': () => null,
  };
  const info = { version: 'bench', dataDirectory: dir, databaseFile: copy, schemaVersion: opened.schemaVersion };
  const dispatch = createDispatcher(createHandlers(ctx, () => info, maintenance), { logError: (ch, err) => console.error(ch, err) });
  return { dir, opened, ctx, dispatch, close: () => { opened.db.close(); setDatabaseKey(null); fs.rmSync(dir, { recursive: true, force: true }); } };
}

export async function call<T>(dispatch: Dispatch, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

export function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail)
    .join(' | ');
}
