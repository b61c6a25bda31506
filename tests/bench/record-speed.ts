/**
 * `npm run bench:record`: the speed of the record on the 10-year clinic database (tests/bench/generate.ts),
 * as issue "A record that can be trusted" sets it: a site write (site:add, site:update through the
 * dispatcher, WAL with synchronous=FULL as the app opens it) p99 under 1 ms, and patient:timeline of the
 * patient with 100 sessions p99 under 8 ms, the first read on a fresh connection included.
 * Measured on the encrypted record (as the app keeps it), then on the same record unencrypted.
 * A script, not a timed test: the figures depend on the machine (and on what else runs on it).
 */
import fs from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../../electron/db/open.ts';
import { getView } from '../../shared/atlas/index.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from '../../electron/services/context.ts';
import { patientTimeline } from '../../electron/services/sessions.ts';
import type { SessionDetail, Site } from '../../shared/domain/types.ts';
import type { SiteAddInput } from '../../shared/ipc/contract.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { CLINIC, clinicDatabase } from './generate.ts';
import { ms, pct, sample, table, type Row, type Samples } from './measure.ts';
import { call, openCopy, type Bench } from './bench-db.ts';
import { newId } from '../../shared/domain/ids.ts';

const WRITES = 2_000;
const WARMUP = 100;
const FRESH_OPENS = 12;

const sorted = (values: number[]): Samples => new Float64Array(values).sort();
const walBytes = (b: Bench) => fs.statSync(`${b.opened.file}-wal`).size;

/** site:add and site:update alternate write by write (the disk's bad moments hit both alike); a new draft every 40 sites. */
async function siteWrites(b: Bench): Promise<{ rows: Row[]; notes: string[] }> {
  const { dispatch, ctx } = b;
  const patient = ctx.db.prepare<[], { id: string }>("SELECT id FROM patients WHERE mrn = 'MRN-100001'").get();
  if (!patient) throw new Error('bench: patient MRN-100001 missing from the clinic database');
  const newSession = () => call<SessionDetail>(dispatch, 'session:create', { patientId: patient.id, date: '2026-01-05', indication: 'chronic_migraine' });
  // The labels of the left and right frontalis of face_front v1: points every check accepts (on the muscle named).
  const frontalis = getView('face_front', 1).regions.filter((r) => r.muscleId === 'frontalis' && r.side !== 'midline');
  const input = (sessionId: string, i: number): SiteAddInput => {
    const r = frontalis[i % frontalis.length];
    if (!r) throw new Error('bench: no frontalis region on face_front v1');
    return { sessionId, viewId: 'face_front', viewVersion: 1, muscleId: 'frontalis', side: r.side, x: r.label.x, y: r.label.y, units: 5 };
  };
  // nBackfill in the WAL index (-shm, offset 96: frames already copied into the database) grows when a
  // checkpoint runs: read outside the timed part, it tells the writes that also ran the automatic checkpoint.
  const shm = fs.openSync(`${b.opened.file}-shm`, 'r');
  const word = Buffer.alloc(4);
  const sequence = () => (fs.readSync(shm, word, 0, 4, 96), word.readUInt32LE(0));
  let session = await newSession();
  const adds: number[] = [];
  const updates: number[] = [];
  const withCheckpoint: number[] = [];
  const without: number[] = [];
  for (let i = -WARMUP; i < WRITES; i += 1) {
    if ((i + WARMUP) % 40 === 0) session = await newSession();
    const s0 = sequence();
    const t0 = performance.now();
    const site = await call<Site>(dispatch, 'site:add', input(session.id, i + WARMUP));
    const t1 = performance.now();
    const s1 = sequence();
    await call(dispatch, 'site:update', { id: site.id, units: 2.5 + ((i + WARMUP) % 4) });
    const t2 = performance.now();
    if (i >= 0) {
      adds.push(t1 - t0);
      updates.push(t2 - t1);
      const s2 = sequence();
      (s1 > s0 ? withCheckpoint : without).push(t1 - t0);
      (s2 > s1 ? withCheckpoint : without).push(t2 - t1);
    }
  }
  fs.closeSync(shm);
  // Pages written per commit, averaged over 50 of each: the WAL grows from empty (after a checkpoint that empties it).
  const pageSize = ctx.db.pragma('page_size', { simple: true }) as number;
  const frames = (bytes: number) => (bytes - 32) / (pageSize + 24);
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const probe = await newSession();
  const start = walBytes(b);
  const probeSites: Site[] = [];
  for (let i = 0; i < 50; i += 1) probeSites.push(await call<Site>(dispatch, 'site:add', input(probe.id, i)));
  const afterAdds = walBytes(b);
  for (const s of probeSites) await call(dispatch, 'site:update', { id: s.id, units: 7.5 });
  const afterUpdates = walBytes(b);
  const a = sorted(adds);
  const u = sorted(updates);
  return {
    rows: [
      { what: `site:add via dispatcher, ${WRITES}, a new draft every 40`, s: a, target: 'p99 < 1 ms', ok: pct(a, 0.99) < 1 },
      { what: `site:update via dispatcher, ${WRITES}`, s: u, target: 'p99 < 1 ms', ok: pct(u, 0.99) < 1 },
      { what: '    writes (add or update) that ran the automatic checkpoint', s: sorted(withCheckpoint) },
      { what: '    the other writes', s: sorted(without) },
    ],
    notes: [
      `p99.9 site:add ${ms(pct(a, 0.999))}, site:update ${ms(pct(u, 0.999))}`,
      `pages written per commit: site:add ${((frames(afterAdds) - frames(start)) / 50).toFixed(1)}, site:update ${((frames(afterUpdates) - frames(afterAdds)) / 50).toFixed(1)}; wal_autocheckpoint ${String(ctx.db.pragma('wal_autocheckpoint', { simple: true }))} pages`,
    ],
  };
}

/** patient:timeline of the patient with CLINIC.timelineSessions sessions: its first read on newly opened connections, then repeated reads. */
async function timeline(b: Bench): Promise<{ rows: Row[]; notes: string[] }> {
  const patientId = b.ctx.db.prepare<[], { id: string }>("SELECT id FROM patients WHERE mrn = 'MRN-100000'").pluck().get() as unknown as string;
  const other = b.ctx.db.prepare<[], { id: string }>("SELECT id FROM patients WHERE mrn = 'MRN-100002'").pluck().get() as unknown as string;
  const first: number[] = [];
  const second: number[] = [];
  let sites = 0;
  for (let i = 0; i < FRESH_OPENS; i += 1) {
    const opened = await openDatabase({ file: b.opened.file, migrationsDir: MIGRATIONS_DIR });
    const ctx: ServiceContext = { db: opened.db, now: () => new Date(), newId, actor: { name: UNKNOWN_ACTOR }, audit: opened.audit };
    try {
      // The connection in use, as in the app: its schema read and statements prepared by the timeline of
      // another patient; nothing of this patient read or kept yet.
      patientTimeline(ctx, { patientId: other });
      const t0 = performance.now();
      const all = patientTimeline(ctx, { patientId });
      const t1 = performance.now();
      patientTimeline(ctx, { patientId });
      second.push(performance.now() - t1);
      first.push(t1 - t0);
      sites = all.reduce((n, s) => n + s.sites.length, 0);
      if (all.length !== CLINIC.timelineSessions) throw new Error(`bench: timeline patient has ${all.length} sessions`);
    } finally {
      opened.db.close();
    }
  }
  // As npm run bench measures it: 100 reads on the bench's connection, the first (nothing kept yet) included.
  const hundred = await sample(100, () => call(b.dispatch, 'patient:timeline', { patientId }));
  const f = sorted(first);
  return {
    rows: [
      { what: `patient:timeline, ${CLINIC.timelineSessions} sessions, ${sites} sites, first read on a newly opened connection (x${FRESH_OPENS})`, s: f, target: '< 8 ms', ok: pct(f, 0.99) < 8 },
      { what: '    second read on that connection (signed sessions kept)', s: sorted(second) },
      { what: '    100 reads via dispatcher on one connection, the first included', s: hundred, target: 'p99 < 8 ms', ok: pct(hundred, 0.99) < 8 },
    ],
    notes: [],
  };
}

console.log(`record speed: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const clinic = await clinicDatabase();
// The record as the app keeps it (encrypted at rest), then the same record unencrypted for comparison.
for (const encrypted of [true, false]) {
  const bench = await openCopy(clinic.file, { encrypted });
  const kind = encrypted ? 'encrypted, as the app keeps it' : 'unencrypted';
  try {
    const w = await siteWrites(bench);
    table(`Site writes (10-year clinic database, ${kind}; WAL, synchronous=FULL)`, w.rows);
    w.notes.forEach((n) => console.log(`  ${n}`));
    const t = await timeline(bench);
    table(`Patient timeline (10-year clinic database, ${kind})`, t.rows);
    t.notes.forEach((n) => console.log(`  ${n}`));
  } finally {
    bench.close();
  }
}
console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
