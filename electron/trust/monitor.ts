// Keeps the record's verification current without slowing start: a quick check of what changed since
// the last verified point (anchor) at start, then a full pass over every audit entry and every seal in
// small slices between other work. The anchor (last verified audit entry and its hash) lives in a file
// beside the database, outside it: rewriting history inside the file shows as an anchor mismatch.
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { TrustProblem, TrustStatus } from '../../shared/domain/types.ts';
import { verifyChain, verifySeals, verifySealsOf, type ChainPoint, type TrustResult } from './verify.ts';

export function anchorPath(databaseFile: string): string {
  return `${databaseFile}.verified.json`;
}

function readAnchor(file: string): (ChainPoint & { at: string }) | null {
  try {
    const a = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ChainPoint & { at: string }>;
    return typeof a.id === 'number' && typeof a.hash === 'string' && typeof a.at === 'string' ? { id: a.id, hash: a.hash, at: a.at } : null;
  } catch {
    return null;
  }
}

function writeAnchor(file: string, point: ChainPoint, at: Date): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...point, at: at.toISOString() }));
  fs.renameSync(tmp, file);
}

export interface TrustMonitorOptions {
  db: () => Database.Database;
  databaseFile: string;
  now: () => Date;
  logError: (where: string, err: unknown) => void;
  /** Milliseconds of work per slice of the background pass before yielding. */
  sliceMs?: number;
  /** Runs the full pass elsewhere (the data worker, on its own connection); absent: slices on this thread. */
  fullPassElsewhere?: () => Promise<TrustResult>;
}

export interface TrustMonitor {
  status: () => TrustStatus;
  /** What changed since the last verified point (quick; run at start and in the health check). */
  checkRecent: () => TrustProblem[];
  /** A full pass in slices; resolves with the status when it ends (or is superseded by a reset). */
  runFull: () => Promise<TrustStatus>;
  /** The database was replaced (restore, import): forget the anchor and what was found. */
  reset: () => void;
  /** Ends a running pass (the database is closing); the anchor is kept. */
  stop: () => void;
}

const key = (p: TrustProblem) => `${p.kind}\u0000${p.where}`;

export function createTrustMonitor(options: TrustMonitorOptions): TrustMonitor {
  const anchorFile = anchorPath(options.databaseFile);
  const sliceMs = options.sliceMs ?? 12;
  let generation = 0;
  let running: Promise<TrustStatus> | null = null;
  let recent: TrustProblem[] = [];
  let full: TrustProblem[] = [];
  let state: TrustStatus['state'] = 'checking';
  let checkedAt: string | null = null;
  let sessionsChecked = 0;
  let auditRowsChecked = 0;

  const merged = (): TrustProblem[] => {
    const seen = new Map<string, TrustProblem>();
    for (const p of [...recent, ...full]) if (!seen.has(key(p))) seen.set(key(p), p);
    return [...seen.values()];
  };
  const status = (): TrustStatus => {
    const problems = merged();
    return { state: running ? 'checking' : problems.length > 0 ? 'problems' : state, checkedAt, sessionsChecked, auditRowsChecked, problems };
  };

  function checkRecent(): TrustProblem[] {
    const db = options.db();
    const anchor = readAnchor(anchorFile);
    if (!anchor) return (recent = []);
    const problems: TrustProblem[] = [];
    const row = db.prepare<[number], { hash: string | null }>('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id);
    if (!row || row.hash !== anchor.hash) {
      problems.push({
        kind: 'anchor',
        where: `the audit log up to entry #${anchor.id}, verified on ${anchor.at}`,
        detail: row ? 'no longer matches what was verified then: entries before it were changed' : 'is shorter than when it was verified: entries were removed',
        auditId: anchor.id,
      });
    }
    const chain = verifyChain(db, { id: anchor.id, hash: anchor.hash });
    problems.push(...chain.problems);
    const touched = db
      .prepare<[number], string>('SELECT DISTINCT session_id FROM audit_log WHERE id > ? AND session_id IS NOT NULL')
      .pluck()
      .all(anchor.id) as string[];
    problems.push(...verifySealsOf(db, touched).problems);
    if (problems.length === 0 && chain.last && chain.last.id !== anchor.id) writeAnchor(anchorFile, chain.last, options.now());
    recent = problems;
    return problems;
  }

  const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

  async function pass(gen: number): Promise<TrustStatus> {
    if (options.fullPassElsewhere) {
      const r = await options.fullPassElsewhere();
      if (gen !== generation) return status();
      return finish(r.problems, r.auditRowsChecked, r.sessionsChecked, r.last);
    }
    const found: TrustProblem[] = [];
    let rows = 0;
    let sessions = 0;
    let point: ChainPoint | null = null;
    for (let done = false; !done; ) {
      if (gen !== generation) return status();
      const t0 = performance.now();
      while (!done && performance.now() - t0 < sliceMs) {
        const r = verifyChain(options.db(), point, 2000);
        found.push(...r.problems);
        rows += r.rows;
        point = r.last;
        done = r.done;
      }
      await pause();
    }
    let rowid = -1;
    for (let done = false; !done; ) {
      if (gen !== generation) return status();
      const t0 = performance.now();
      while (!done && performance.now() - t0 < sliceMs) {
        const r = verifySeals(options.db(), rowid, 50);
        found.push(...r.problems);
        sessions += r.checked;
        rowid = r.lastRowid;
        done = r.done;
      }
      await pause();
    }
    if (gen !== generation) return status();
    return finish(found, rows, sessions, point);
  }

  function finish(found: TrustProblem[], rows: number, sessions: number, point: ChainPoint | null): TrustStatus {
    full = found;
    sessionsChecked = sessions;
    auditRowsChecked = rows;
    checkedAt = options.now().toISOString();
    state = found.length > 0 ? 'problems' : 'ok';
    if (found.length === 0 && recent.length === 0 && point) writeAnchor(anchorFile, point, options.now());
    return status();
  }

  function runFull(): Promise<TrustStatus> {
    if (running) return running.then(() => status());
    const gen = generation;
    running = pass(gen)
      .catch((err: unknown) => {
        // A restore closing the connection mid-pass ends the pass; anything else is logged.
        if (gen === generation) options.logError('record verification', err);
        return status();
      })
      .finally(() => {
        if (gen === generation) running = null;
      });
    return running.then(() => status());
  }

  function reset(): void {
    generation++;
    running = null;
    recent = [];
    full = [];
    state = 'checking';
    checkedAt = null;
    fs.rmSync(anchorFile, { force: true });
  }

  function stop(): void {
    generation++;
    running = null;
  }

  return { status, checkRecent, runFull, reset, stop };
}
