import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

/** Sessions dated within [from, to] (YYYY-MM-DD, both included), across patients, oldest first. */
export function sessionIdsBetween(db: Database.Database, from: string, to: string): string[] {
  return statement<[string, string], { id: string }>(db, 'SELECT id FROM sessions WHERE date BETWEEN ? AND ? ORDER BY date, created_at, id')
    .all(from, to)
    .map((r) => r.id);
}
