import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATION_STEPS } from './migration-steps.ts';
import { registerChainFunction } from '../trust/hash.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** Reads NNNN-kebab-name.sql files in version order and checks the numbering. */
export function loadMigrations(dir: string): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`loadMigrations: '${file}' is not named NNNN-kebab-name.sql`);
    return { version: Number(match[1]), name: match[2] ?? file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    const prev = migrations[i - 1];
    const cur = migrations[i];
    if (prev && cur && prev.version === cur.version) {
      throw new Error(`loadMigrations: two migrations share version ${cur.version}`);
    }
  }
  return migrations;
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of the app (schema ${fileVersion}; this app knows up to ` +
        `${appVersion}). Install the newer version to open it. The file has not been changed.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Pending migrations, after refusing a database from a newer version of the app. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) throw new NewerDatabaseError(current, latest);
  return migrations.filter((m) => m.version > current);
}

/**
 * Applies every pending migration and the new user_version in ONE transaction:
 * either the file reaches the latest version or it stays exactly as it was.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  const from = schemaVersion(db);
  const pending = pendingMigrations(db, migrations);
  if (pending.length === 0) return { from, to: from };
  const to = latestVersion(migrations);
  registerChainFunction(db); // the audit chain trigger (0060) needs it on any connection that writes
  db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
        MIGRATION_STEPS[m.version]?.(db);
      } catch (err) {
        throw new Error(`migrate: migration ${m.version}-${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}
