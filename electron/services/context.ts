import type Database from 'better-sqlite3';

/** What every service needs: the one database handle, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  db: Database.Database;
  now: () => Date;
  newId: () => string;
}

export function defaultContext(db: Database.Database): ServiceContext {
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}
