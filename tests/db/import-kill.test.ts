// Imports killed at random moments (SIGKILL): the next start finds either the empty database it began
// with or the whole import, never part of it, and a sound file. A few runs in `npm test`; KILL_RUNS=25
// for a longer run.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend } from '../../electron/backend.ts';
import { checkIntegrity } from '../../electron/db/integrity.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { writeExportFile } from '../../electron/export/archive.ts';
import { seedPatient } from '../helpers/seed-sql.ts';
import { runAndKill } from '../helpers/kill.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

const RUNS = Number(process.env.KILL_RUNS ?? 3);
const PATIENTS = 8000;

let root: string;
let exportFile: string;
beforeAll(async () => {
  root = tempDir('toxinmap-import-kill-');
  const { db } = await openDatabase({ file: path.join(root, 'source.sqlite'), migrationsDir: MIGRATIONS_DIR });
  db.transaction(() => {
    for (let n = 1; n <= PATIENTS; n++) seedPatient(db, n);
  })();
  exportFile = path.join(root, 'export.json');
  writeExportFile(db, exportFile, { appVersion: '0.0.0-test', exportedAt: new Date('2025-01-01T00:00:00.000Z') });
  db.close();
}, 60_000);
afterAll(() => removeDir(root));


describe('an import killed at a random moment', () => {
  for (let i = 1; i <= RUNS; i++) {
    it(`leaves the empty database or the whole import, nothing in between (run ${i} of ${RUNS})`, async () => {
      const dir = path.join(root, `run-${i}`);
      fs.mkdirSync(dir);
      const killAfter = Math.floor(Math.random() * 2500);
      const run = await runAndKill('tests/fixtures/import-writer.ts', [dir, MIGRATIONS_DIR, exportFile], 'importing', killAfter);
      const context = `killed ${killAfter} ms into the import; lines ${run.lines.join(' | ')}; stderr: ${run.stderr}`;
      const finished = run.lines.some((l) => l.startsWith('imported '));
      if (!finished) expect(run.signal, context).toBe('SIGKILL');
      const backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test' });
      try {
        expect(checkIntegrity(backend.db).ok, context).toBe(true);
        const patients = backend.db.prepare('SELECT count(*) FROM patients').pluck().get() as number;
        const audit = backend.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
        if (process.env.KILL_REPORT) console.warn(`import kill run ${i}: ${finished ? 'finished before the kill' : `killed after ${killAfter} ms`}, ${patients} patients after restart`);
        if (finished) expect(patients, context).toBe(PATIENTS);
        else expect([0, PATIENTS], context).toContain(patients);
        // The rows and the audit entries are one transaction: both there, or neither.
        expect(audit > 0, context).toBe(patients > 0);
        if (patients > 0) expect((await backend.trust.runFull()).state, context).toBe('ok');
      } finally {
        backend.close();
        removeDir(dir);
      }
    }, 30_000);
  }
});
