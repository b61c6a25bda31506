import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../electron/db/open.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(ROOT, 'tests/fixtures/crash-writer.ts');
const ITERATIONS = 5;

let dir: string;
beforeEach(() => {
  dir = tempDir('toxinmap-crash-');
});
afterEach(() => removeDir(dir));

interface Run {
  acknowledged: string[];
  sessionId: string;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the writer, reads acknowledgements, and SIGKILLs it once `killAfter` ids were read. */
function runAndKill(file: string, killAfter: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, MIGRATIONS_DIR], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let sessionId = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (killed) return; // anything after the kill signal was sent is not counted
      if (line.startsWith('ready ')) {
        sessionId = line.slice('ready '.length);
        return;
      }
      if (line === 'done') return;
      acknowledged.push(line);
      if (acknowledged.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ acknowledged, sessionId, signal, stderr }));
  });
}

describe('a charting process killed at a random moment', () => {
  for (let i = 1; i <= ITERATIONS; i++) {
    it(`loses no acknowledged site and leaves a sound file (run ${i} of ${ITERATIONS})`, async () => {
      const file = path.join(dir, 'toxinmap.sqlite');
      const killAfter = 200 + Math.floor(Math.random() * 2801);
      const run = await runAndKill(file, killAfter);
      const context = `killed after ${killAfter} acknowledgements; child stderr: ${run.stderr}`;
      expect(run.signal, context).toBe('SIGKILL');
      expect(run.acknowledged.length, context).toBe(killAfter);
      // The killed process never closed the database: recent commits are only in the write-ahead log.
      expect(fs.existsSync(`${file}-wal`), context).toBe(true);

      const { db } = await openDatabase({ file, migrationsDir: MIGRATIONS_DIR });
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        const stored = new Set(
          db.prepare<[string], { id: string }>('SELECT id FROM sites WHERE session_id = ?').pluck(false).all(run.sessionId).map((r) => r.id),
        );
        const missing = run.acknowledged.filter((id) => !stored.has(id));
        expect(missing, context).toEqual([]);
        // Every stored site is whole: its audit row was committed in the same transaction.
        const audited = db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'sites'").pluck().get() as number;
        expect(audited, context).toBe(stored.size);
        if (process.env.CRASH_REPORT) {
          console.warn(`crash run ${i}: killed after ${killAfter} acks; ${stored.size} sites stored (${stored.size - killAfter} committed but unread); integrity ok`);
        }
      } finally {
        db.close();
      }
    });
  }
});
