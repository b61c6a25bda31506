// Checkpoints of the write-ahead log when the record is quiet, not on a clinician's write.
//
// In WAL mode every commit appends its pages to the -wal file and fsyncs it (synchronous=FULL): that is what
// makes a charted site durable. A checkpoint later copies those pages into the database file and fsyncs it
// too. By default SQLite runs it inside the commit that takes the log past 1000 pages, so about one site write
// in 150 (a site write commits 5 to 8 pages) paid for copying the whole log: 7x a normal write, measured on
// the 10-year benchmark database, and those writes were the p99 of site:add. Here the app's connection lets
// the log grow to CHECKPOINT_BACKSTOP_PAGES (applyPragmas in open.ts sets it), and idleCheckpoints() runs the
// checkpoint once the record has been quiet for an interval. Durability does not change: a commit is on disk
// when the -wal is fsynced, whether or not its pages have been copied yet.
import type Database from 'better-sqlite3-multiple-ciphers';

/** Pages the -wal may hold before a commit checkpoints it itself (about 16 MB): the backstop when the record never rests. */
export const CHECKPOINT_BACKSTOP_PAGES = 4000;
/** How long the record must have had no change before the log is checkpointed. */
export const QUIET_MS = 1000;

export interface IdleCheckpoints {
  /** One look (what the timer does): true when it ran a checkpoint. */
  tick(): boolean;
  stop(): void;
}

/**
 * Checkpoints the connection's log after writes, once a whole interval has passed without a change. Takes a
 * getter: a restore or an import swaps the connection, and the next look simply sees the new one.
 * A PASSIVE checkpoint: it never waits for readers (the data worker's checks and copies).
 */
export function idleCheckpoints(connection: () => Database.Database, options: { quietMs?: number; timer?: boolean } = {}): IdleCheckpoints {
  let conn: Database.Database | null = null;
  let changes = -1;
  let pending = false;
  const tick = (): boolean => {
    const db = connection();
    if (!db.open || db.inTransaction) return false;
    if (db !== conn) {
      conn = db;
      changes = -1;
    }
    const now = db.prepare<[], number>('SELECT total_changes()').pluck().get() ?? 0;
    if (now !== changes) {
      // Written since the last look (or a new connection): wait for a quiet interval.
      pending = changes !== -1 || now > 0;
      changes = now;
      return false;
    }
    if (!pending) return false;
    db.pragma('wal_checkpoint(PASSIVE)');
    pending = false;
    return true;
  };
  const timer =
    options.timer === false
      ? null
      : setInterval(() => {
          try {
            tick();
          } catch {
            // Closed between the look and the checkpoint, or busy: the next look, or the backstop, does it.
          }
        }, options.quietMs ?? QUIET_MS);
  timer?.unref();
  return { tick, stop: () => (timer ? clearInterval(timer) : undefined) };
}
