// The first start with encryption killed at a random moment (SIGKILL): the next start never lands on an
// empty database, finds every patient of the unencrypted record, ends encrypted, and leaves no leftovers.
// A few runs in `npm test`; set KILL_RUNS (e.g. KILL_RUNS=25) for a longer run.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend.ts';
import { dataPaths } from '../../electron/db/backup.ts';
import { fileFormat } from '../../electron/db/cipher.ts';
import { checkIntegrity } from '../../electron/db/integrity.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { RESTORE_MARKER } from '../../electron/db/recovery.ts';
import { setDatabaseKey } from '../../electron/db/sqlite.ts';
import { verifyEverything } from '../../electron/trust/verify.ts';
import { seedClinic, seedPatient } from '../helpers/seed-sql.ts';
import { runAndKill } from '../helpers/kill.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

const RUNS = Number(process.env.KILL_RUNS ?? 3);
const PATIENTS = 6000;
const KEY = Buffer.from('c4'.repeat(32), 'hex');

let root: string;
let template: string;
beforeAll(async () => {
  root = tempDir('toxinmap-encrypt-kill-');
  template = path.join(root, 'template');
  setDatabaseKey(null);
  const { db } = await openDatabase({ file: dataPaths(template).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  seedClinic(db);
  db.transaction(() => {
    for (let n = 10; n < PATIENTS; n++) seedPatient(db, n);
  })();
  db.close();
}, 60_000);
afterAll(() => {
  setDatabaseKey(null);
  removeDir(root);
});


describe('the encryption of an unencrypted record killed at a random moment', () => {
  const phases: string[] = [];
  afterAll(() => {
    if (process.env.KILL_REPORT) console.warn(`encryption kills landed: ${phases.join(', ')}`);
  });
  for (let i = 1; i <= RUNS; i++) {
    it(`restarts encrypted with every patient and seal (run ${i} of ${RUNS})`, async () => {
      const dir = path.join(root, `run-${i}`);
      fs.cpSync(template, dir, { recursive: true });
      const killAfter = Math.floor(Math.random() * 600);
      const run = await runAndKill('tests/fixtures/encrypt-writer.ts', [dir, MIGRATIONS_DIR, KEY.toString('hex')], 'ready', killAfter);
      const swapped = fs.existsSync(path.join(dir, RESTORE_MARKER));
      const copying = fs.readdirSync(dir).some((n) => n.endsWith('.restoring'));
      phases.push(run.lines.includes('encrypted') ? 'after' : swapped ? 'in the swap' : copying ? 'while copying' : 'before the copy');
      const context = `killed ${killAfter} ms after ready; lines ${run.lines.join(' | ')}; stderr: ${run.stderr.slice(0, 500)}`;
      const backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', databaseKey: KEY });
      try {
        expect(fileFormat(dataPaths(dir).file), context).toBe('encrypted');
        expect(checkIntegrity(backend.db).ok, context).toBe(true);
        expect(backend.db.prepare('SELECT count(*) FROM patients').pluck().get(), context).toBe(PATIENTS - 10 + 3);
        const trust = verifyEverything(backend.db);
        expect(trust.problems, context).toEqual([]);
        expect(trust.sessionsChecked, context).toBeGreaterThan(0);
        const leftovers = fs.readdirSync(dir).filter((n) => n.endsWith('.restoring') || n === RESTORE_MARKER || n.startsWith('.wal-check-'));
        expect(leftovers, context).toEqual([]);
        // Exactly one unencrypted copy kept aside, never the live file.
        const kept = fs.existsSync(dataPaths(dir).replacedDir) ? fs.readdirSync(dataPaths(dir).replacedDir).filter((n) => n.endsWith('.unencrypted')) : [];
        expect(kept.length, context).toBe(1);
      } finally {
        backend.close();
        removeDir(dir);
      }
    }, 60_000);
  }
});
