import type Database from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements.ts';

export interface SettingRow {
  key: string;
  /** JSON text. */
  value: string;
  updated_at: string;
}

export function listSettingRows(db: Database.Database): SettingRow[] {
  return statement<[], SettingRow>(db, 'SELECT key, value, updated_at FROM settings ORDER BY key').all();
}

/** Inserts or replaces one key; the audit triggers record the value before and after. */
export function upsertSetting(db: Database.Database, key: string, valueJson: string, at: string): void {
  const result = statement(db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, valueJson, at);
  if (result.changes !== 1) throw new Error(`upsertSetting: expected one row changed for '${key}', got ${result.changes}`);
}
