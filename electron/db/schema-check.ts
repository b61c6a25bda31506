// The schema a database file should have at its version, built from the migrations themselves, and the
// comparison of a file against it. A backup with one extra trigger (say, one that multiplies every
// site's units) or a dropped guard is refused before it is swapped in, and found at start.
import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from './sqlite.ts';
import { registerAuditFunctions } from './open.ts';
import { loadMigrations, migrate, type Migration } from './migrate.ts';

export interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Every object of the main schema, SQLite's own (sqlite_*: autoindexes, sqlite_stat1, sequence) left out. */
export function schemaObjects(db: Database.Database): SchemaObject[] {
  return db
    .prepare<[], SchemaObject>(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )
    .all();
}

const expectedCache = new Map<string, Map<number, SchemaObject[]>>();

/**
 * The objects a database at `version` has when made by the migrations in `migrationsDir` (applied to an
 * empty in-memory database, with the app's SQL functions registered so every statement prepares).
 * Null when `version` is not the end point of any migration: no app ever wrote such a file.
 */
export function expectedSchema(migrationsDir: string, version: number): SchemaObject[] | null {
  let byVersion = expectedCache.get(migrationsDir);
  if (!byVersion) {
    byVersion = new Map();
    expectedCache.set(migrationsDir, byVersion);
  }
  const cached = byVersion.get(version);
  if (cached) return cached;
  const migrations: Migration[] = loadMigrations(migrationsDir);
  if (version !== 0 && !migrations.some((m) => m.version === version)) return null;
  const db = openSqlite(':memory:');
  try {
    registerAuditFunctions(db, () => new Date(0), () => 'schema');
    migrate(db, migrations.filter((m) => m.version <= version));
    const objects = schemaObjects(db);
    byVersion.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

export interface SchemaDifference {
  missing: string[];
  extra: string[];
  changed: string[];
}

const label = (o: SchemaObject) => `${o.type} ${o.name}`;

/** What differs between a file's schema and the expected one; empty lists when they are the same. */
export function compareSchema(actual: readonly SchemaObject[], expected: readonly SchemaObject[]): SchemaDifference {
  const key = (o: SchemaObject) => `${o.type}\u0000${o.name}`;
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(actual.map((o) => [key(o), o]));
  const missing = expected.filter((o) => !have.has(key(o))).map(label);
  const extra = actual.filter((o) => !want.has(key(o))).map(label);
  const changed = actual
    .filter((o) => {
      const w = want.get(key(o));
      return w !== undefined && (w.sql !== o.sql || w.tbl_name !== o.tbl_name);
    })
    .map(label);
  return { missing, extra, changed };
}

export function describeDifference(d: SchemaDifference): string {
  const parts = [
    d.extra.length ? `not made by this app: ${d.extra.join(', ')}` : '',
    d.missing.length ? `missing: ${d.missing.join(', ')}` : '',
    d.changed.length ? `changed: ${d.changed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.join('; ');
}

/**
 * Checks an open database's schema against what the migrations make at its user_version.
 * ok: false with a sentence naming every extra, missing or changed object.
 */
export function checkSchema(db: Database.Database, migrationsDir: string): { ok: boolean; detail: string } {
  const version = db.pragma('user_version', { simple: true }) as number;
  const expected = expectedSchema(migrationsDir, version);
  if (!expected) return { ok: false, detail: `schema version ${version} was not made by any version of this app` };
  const diff = compareSchema(schemaObjects(db), expected);
  const detail = describeDifference(diff);
  return detail ? { ok: false, detail: `the database structure differs from what this app made (${detail})` } : { ok: true, detail: 'ok' };
}
