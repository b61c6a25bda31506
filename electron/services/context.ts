import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditSwitch } from '../db/open.ts';

/** What every service needs: the one database handle, a clock, an id source and who is acting. */
export interface ServiceContext {
  /** Replaced (never mutated) when a backup is restored; services read it at each call. */
  db: Database.Database;
  now: () => Date;
  newId: () => string;
  /** The current clinician's display name, used as the author of audit rows and signatures. */
  actor: { name: string };
  audit: AuditSwitch;
}

export const UNKNOWN_ACTOR = 'Unidentified user';
