// The write-ahead log is checkpointed once the record has been quiet for an interval, never while writes
// keep coming (those commit to the -wal, fsynced, as before); a commit checkpoints only past the backstop.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { CHECKPOINT_BACKSTOP_PAGES, idleCheckpoints } from '../../electron/db/checkpoint.ts';
import { applyPragmas, openDatabase } from '../../electron/db/open.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir('toxinmap-checkpoint-');
});
afterEach(() => removeDir(dir));

/** A WAL database as the app opens it, with a table; its pages start in the -wal. */
function walDatabase(name = 'a.sqlite'): { db: Database.Database; file: string } {
  const file = path.join(dir, name);
  const db = new Database(file);
  applyPragmas(db);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file };
}
const size = (file: string) => fs.statSync(file).size;
const write = (db: Database.Database) => db.prepare('INSERT INTO t (body) VALUES (randomblob(200000))').run();

it('checkpoints after a quiet interval following writes, and not while they keep coming', () => {
  const { db, file } = walDatabase();
  const checkpoints = idleCheckpoints(() => db, { timer: false });
  expect(checkpoints.tick()).toBe(false); // nothing written yet
  const before = size(file);
  write(db);
  expect(checkpoints.tick()).toBe(false); // written since the last look: not quiet yet
  write(db);
  expect(checkpoints.tick()).toBe(false);
  expect(size(file), 'the rows are only in the -wal').toBe(before);
  expect(checkpoints.tick()).toBe(true); // a whole interval without a change
  expect(size(file)).toBeGreaterThan(before + 400_000);
  expect(checkpoints.tick()).toBe(false); // nothing new: no second checkpoint
  db.close();
});

it('follows a swapped connection and leaves a closed one alone', () => {
  const a = walDatabase('a.sqlite');
  const b = walDatabase('b.sqlite');
  let current = a.db;
  const checkpoints = idleCheckpoints(() => current, { timer: false });
  write(a.db);
  checkpoints.tick();
  current = b.db; // a restore swapped the connection
  write(b.db);
  const before = size(b.file);
  expect(checkpoints.tick()).toBe(false);
  expect(checkpoints.tick()).toBe(true);
  expect(size(b.file)).toBeGreaterThan(before);
  b.db.close();
  expect(checkpoints.tick()).toBe(false);
  a.db.close();
});

it('never checkpoints inside a transaction, and the timer keeps no process alive', async () => {
  const { db, file } = walDatabase();
  const checkpoints = idleCheckpoints(() => db, { quietMs: 5 });
  write(db);
  const before = size(file);
  db.prepare('BEGIN').run();
  await new Promise((r) => setTimeout(r, 40));
  expect(size(file)).toBe(before);
  db.prepare('COMMIT').run();
  await vi.waitFor(() => expect(size(file)).toBeGreaterThan(before), { timeout: 2000, interval: 10 });
  checkpoints.stop();
  db.close();
});

it('the app opens its database with the backstop in place of SQLite\'s 1000 pages', async () => {
  const opened = await openDatabase({ file: path.join(dir, 'app.sqlite'), migrationsDir: MIGRATIONS_DIR });
  expect(opened.db.pragma('wal_autocheckpoint', { simple: true })).toBe(CHECKPOINT_BACKSTOP_PAGES);
  expect(opened.db.pragma('synchronous', { simple: true })).toBe(2); // FULL, unchanged
  opened.db.close();
});
