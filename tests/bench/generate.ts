/**
 * Builds the benchmark databases through the real migrations (openDatabase), then bulk-loads rows with
 * prepared statements in large transactions. Audit triggers are switched off while loading (the
 * `audit` switch openDatabase returns, as a full import does), so the audit log holds no bulk rows.
 *
 * - clinic: a 10-year clinic: 5,000 patients, 100,000 sessions, 3,000,000 sites, vials, scores,
 *   adverse events. Patient 0 has exactly 100 sessions (the timeline benchmark).
 * - search: 50,000 patients (names, MRNs, birth dates) for the patient search benchmark.
 *
 * Files are cached under .cache/bench/ keyed by GENERATOR_VERSION; bump it when the data changes.
 * Run alone: npx tsx tests/bench/generate.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../electron/db/open.ts';
import { listViews, getView } from '../../shared/atlas/index.ts';
import { normaliseForSearch } from '../../shared/domain/search.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { signAndSeal } from '../../electron/trust/seal.ts';

export const GENERATOR_VERSION = 2;
export const CACHE_DIR = path.resolve(import.meta.dirname, '../../.cache/bench');

export const CLINIC = { patients: 5_000, sessions: 100_000, sites: 3_000_000, timelineSessions: 100 };
export const SEARCH = { patients: 50_000 };

const T0 = Date.UTC(2016, 0, 4);
const DAY = 86_400_000;
const CLINICIAN_ID = '7d3c1f2e-0a4b-4c5d-8e6f-1a2b3c4d5e6f';
const CLINICIAN_NAME = 'Dr. Rivera, MD';

/** Deterministic PRNG (mulberry32), so every machine benchmarks the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID from the PRNG: random order in the primary-key index, as crypto.randomUUID gives. */
function uuid(rnd: () => number): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(rnd() * 4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

const FAMILY = [
  'Garcia', 'Martinez', 'Müller', 'Schmidt', 'Okafor', 'Okonkwo', 'Nguyen', 'Tran', 'Smith', 'Johnson', 'Williams', 'Brown',
  'Jones', 'Miller', 'Davis', 'Rodriguez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sánchez', 'Clark', 'Ramírez', 'Lewis', 'Robinson', 'Walker',
  'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall',
  'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Kowalski', 'Nowak', 'Wiśniewski', 'Dubois', 'Lefèvre', 'Rossi',
  'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Kim', 'Park', 'Choi', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang',
  'Singh', 'Kumar', 'Patel', 'Shah', 'Ivanov', 'Petrov', 'Sokolov', 'Andersson', 'Johansson', 'Karlsson', 'Nielsen',
  'Hansen', 'Jensen', 'Ångström', 'Öztürk', 'Yılmaz', 'Demir', 'Cohen', 'Levi', 'Mizrahi', 'Haddad', 'Khalil', 'Mansour',
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Almeida', "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Byrne',
  'Van der Berg', 'De Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks',
];
const GIVEN = [
  'Ada', 'Ana', 'Maria', 'José', 'Chidi', 'Ngozi', 'Linh', 'Minh', 'John', 'Mary', 'James', 'Patricia', 'Robert', 'Jennifer',
  'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah',
  'Charles', 'Karen', 'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Zoë', 'Chloé', 'Émile',
  'François', 'Jürgen', 'Søren', 'Björn', 'Åsa', 'Ólafur', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Priya', 'Arjun', 'Fatima', 'Omar',
  'Aisha', 'Yusuf', 'Olga', 'Dmitri', 'Ingrid', 'Lars', 'Giulia', 'Marco', 'Lucía', 'Mateo', 'Sofía', 'Diego', 'Noah', 'Emma',
];

export interface PatientRowSource {
  id: string;
  mrn: string;
  family: string;
  given: string;
  birth: string;
  sex: string;
}

function makePatient(rnd: () => number, n: number): PatientRowSource {
  const family = FAMILY[Math.floor(rnd() * FAMILY.length)] ?? 'Smith';
  const given = GIVEN[Math.floor(rnd() * GIVEN.length)] ?? 'Ada';
  const birth = new Date(Date.UTC(1935, 0, 1) + Math.floor(rnd() * 70 * 365) * DAY).toISOString().slice(0, 10);
  return { id: uuid(rnd), mrn: `MRN-${String(100_000 + n)}`, family, given, birth, sex: ['female', 'male', 'female', 'other'][n % 4] ?? 'unknown' };
}

function insertPatients(db: Database.Database, patients: PatientRowSource[], at: string): void {
  const ins = db.prepare(
    `INSERT INTO patients (id, mrn, family_name, given_name, birth_date, sex, notes, created_at, updated_at, search_family, search_given, search_mrn)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`,
  );
  const cond = db.prepare(
    `INSERT INTO patient_conditions (id, patient_id, indication, icd10_code, side, noted_on, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)`,
  );
  const rnd = prng(7);
  const conditions = [['chronic_migraine', 'G43.709', 'none'], ['cervical_dystonia', 'G24.3', 'left'], ['blepharospasm', 'G24.5', 'bilateral']] as const;
  db.transaction(() => {
    for (const p of patients) {
      ins.run(p.id, p.mrn, p.family, p.given, p.birth, p.sex, at, at, normaliseForSearch(p.family), normaliseForSearch(p.given), normaliseForSearch(p.mrn));
      const [indication, code, side] = conditions[Math.floor(rnd() * conditions.length)] ?? conditions[0];
      cond.run(uuid(rnd), p.id, indication, code, side, at);
    }
  })();
}

/** Where sites go: real (view, muscle, side) triples from the atlas, so the rows look like charted ones. */
function siteTargets(): Array<{ view: string; version: number; muscle: string; side: string; x: number; y: number }> {
  return listViews().flatMap((summary) => {
    const view = getView(summary.id);
    return view.regions.map((r) => ({ view: view.id, version: view.version, muscle: r.muscleId, side: r.side, x: r.label.x, y: r.label.y }));
  });
}

function log(message: string): void {
  console.log(`[generate] ${message}`);
}

async function openForBulk(file: string): Promise<Database.Database> {
  fs.rmSync(file, { force: true });
  const opened = await openDatabase({ file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'bench generator' });
  // Bulk load only: no audit rows, no fsync per commit. The finished file is switched back to WAL below.
  opened.audit.enabled = false;
  opened.db.pragma('journal_mode = OFF');
  opened.db.pragma('synchronous = OFF');
  opened.db.pragma('cache_size = -1000000');
  return opened.db;
}

function finish(db: Database.Database, tmp: string, file: string): void {
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(tmp, file);
}

async function generateClinic(file: string): Promise<void> {
  const started = performance.now();
  const tmp = `${file}.partial`;
  const db = await openForBulk(tmp);
  const rnd = prng(2016);
  const at = new Date(T0).toISOString();
  db.prepare(
    `INSERT INTO clinicians (id, name, credentials, default_product_id, default_guidance, is_current, created_at, updated_at)
     VALUES (?, 'Dr. Rivera', 'MD', 'onabotulinumtoxinA', 'emg', 1, ?, ?)`,
  ).run(CLINICIAN_ID, at, at);

  const patients = Array.from({ length: CLINIC.patients }, (_, n) => makePatient(rnd, n));
  insertPatients(db, patients, at);
  log(`${patients.length} patients`);

  // Sessions per patient: patient 0 has exactly 100; the rest share the remainder, 1 to ~40 each (12-weekly over 10 years).
  const counts = new Array<number>(CLINIC.patients).fill(0);
  counts[0] = CLINIC.timelineSessions;
  let remaining = CLINIC.sessions - CLINIC.timelineSessions;
  for (let i = 1; i < CLINIC.patients; i += 1) {
    const left = CLINIC.patients - i;
    const n = i === CLINIC.patients - 1 ? remaining : Math.max(1, Math.min(remaining - (left - 1), Math.round((remaining / left) * (0.05 + rnd() * 1.9))));
    counts[i] = n;
    remaining -= n;
  }
  // Sites per session: 30 on average (PREEMPT is 31), paired deviations keep the total at exactly 3,000,000.
  const perSession = CLINIC.sites / CLINIC.sessions;
  const siteCounts = new Int32Array(CLINIC.sessions);
  for (let i = 0; i < CLINIC.sessions; i += 2) {
    const d = Math.floor(rnd() * 25) - 12;
    siteCounts[i] = perSession + d;
    if (i + 1 < CLINIC.sessions) siteCounts[i + 1] = perSession - d;
  }

  const targets = siteTargets();
  const insSession = db.prepare(
    `INSERT INTO sessions (id, patient_id, date, started_at, indication, other_indications, clinician_id, clinician_name, product_id,
       guidance, notes, next_due_date, status, signed_at, signed_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '[]', ?, ?, 'onabotulinumtoxinA', '["emg"]', ?, ?, 'draft', NULL, NULL, ?, ?)`,
  );
  const insSite = db.prepare(
    `INSERT INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, guidance, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'emg', '', ?, ?)`,
  );
  const insVial = db.prepare(
    `INSERT INTO session_vials (id, session_id, product_id, size_units, lot, expiry, diluent_ml, reconstituted_at, created_at)
     VALUES (?, ?, 'onabotulinumtoxinA', ?, ?, ?, ?, ?, ?)`,
  );
  const insScore = db.prepare(`INSERT INTO outcome_scores (id, session_id, scale_id, value, note, created_at) VALUES (?, ?, ?, ?, '', ?)`);
  const insEvent = db.prepare(
    `INSERT INTO adverse_events (id, session_id, onset_date, description, severity, created_at) VALUES (?, ?, ?, 'mild neck weakness', 'mild', ?)`,
  );
  const draftIds: string[] = [];
  let session = 0;
  let sites = 0;
  let vials = 0;
  let scores = 0;
  let events = 0;
  const BATCH = 500; // patients per transaction
  for (let p0 = 0; p0 < patients.length; p0 += BATCH) {
    db.transaction(() => {
      for (let p = p0; p < Math.min(patients.length, p0 + BATCH); p += 1) {
        const patient = patients[p];
        const n = counts[p] ?? 0;
        if (!patient) continue;
        // The last visit is recent (2025-12); earlier ones go back every 12 weeks or so.
        const lastDay = Math.floor((Date.UTC(2025, 11, 15) - T0) / DAY) - Math.floor(rnd() * 60);
        for (let k = 0; k < n; k += 1) {
          const day = Math.max(0, lastDay - (n - 1 - k) * (p === 0 ? 36 : 84) - Math.floor(rnd() * 7));
          const date = new Date(T0 + day * DAY).toISOString();
          const id = uuid(rnd);
          const indication = p % 3 === 0 ? 'chronic_migraine' : p % 3 === 1 ? 'cervical_dystonia' : 'upper_limb_spasticity';
          const due = new Date(T0 + (day + 84) * DAY).toISOString().slice(0, 10);
          insSession.run(id, patient.id, date.slice(0, 10), date, indication, CLINICIAN_ID, CLINICIAN_NAME, k % 5 === 0 ? 'tolerated well' : '', due, date, date);
          const count = siteCounts[session] ?? perSession;
          const base = Math.floor(rnd() * targets.length);
          for (let s = 0; s < count; s += 1) {
            const t = targets[(base + s) % targets.length];
            if (!t) continue;
            insSite.run(uuid(rnd), id, s + 1, t.view, t.version, t.x + rnd() * 8 - 4, t.y + rnd() * 8 - 4, t.muscle, t.side, [2.5, 5, 5, 5, 10, 25][s % 6] ?? 5, date, date);
          }
          sites += count;
          if (rnd() < 0.8) {
            // Expiry two years on by date arithmetic (a string edit made 2022-02-29 from 2020-02-29).
            const expiry = new Date(T0 + (day + 730) * DAY).toISOString().slice(0, 10);
            insVial.run(uuid(rnd), id, rnd() < 0.5 ? 100 : 200, `C${Math.floor(rnd() * 90_000 + 10_000)}`, expiry, 2, date, date);
            vials += 1;
          }
          if (rnd() < 0.3) {
            insScore.run(uuid(rnd), id, indication === 'chronic_migraine' ? 'headache_days' : 'twstrs', String(Math.floor(rnd() * 20)), date);
            scores += 1;
          }
          if (rnd() < 0.02) {
            insEvent.run(uuid(rnd), id, date.slice(0, 10), date);
            events += 1;
          }
          // The newest session of every 50th patient stays a draft; everything else is signed.
          if (k === n - 1 && p % 50 === 1) draftIds.push(id);
          session += 1;
        }
      }
    })();
    log(`${session.toLocaleString('en-US')} sessions, ${sites.toLocaleString('en-US')} sites (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Signed after their sites exist: the signing triggers refuse rows under a signed session.
  db.exec(`CREATE TEMP TABLE drafts (id TEXT PRIMARY KEY)`);
  const insDraft = db.prepare('INSERT INTO drafts (id) VALUES (?)');
  db.transaction(() => draftIds.forEach((id) => insDraft.run(id)))();
  // Signed as the app signs: status, signer, time and the seal over the content (electron/trust/seal.ts).
  const toSign = db.prepare<[], { id: string; started_at: string }>('SELECT id, started_at FROM sessions WHERE id NOT IN (SELECT id FROM drafts)').all();
  db.transaction(() => {
    for (const s of toSign) signAndSeal(db, s.id, { signedAt: s.started_at, signedBy: CLINICIAN_NAME, signerId: CLINICIAN_ID });
  })();
  log(`signed all but ${draftIds.length} draft sessions; ${vials} vials, ${scores} scores, ${events} adverse events`);
  finish(db, tmp, file);
  log(`clinic database ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);
}

async function generateSearch(file: string): Promise<void> {
  const started = performance.now();
  const tmp = `${file}.partial`;
  const db = await openForBulk(tmp);
  const rnd = prng(50_000);
  const patients = Array.from({ length: SEARCH.patients }, (_, n) => makePatient(rnd, n));
  insertPatients(db, patients, new Date(T0).toISOString());
  finish(db, tmp, file);
  log(`search database ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${SEARCH.patients} patients`);
}

async function cached(name: string, build: (file: string) => Promise<void>): Promise<{ file: string; reused: boolean }> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `${name}-v${GENERATOR_VERSION}.sqlite`);
  if (fs.existsSync(file)) return { file, reused: true };
  await build(file);
  return { file, reused: false };
}

export function clinicDatabase(): Promise<{ file: string; reused: boolean }> {
  return cached('clinic', generateClinic);
}

export function searchDatabase(): Promise<{ file: string; reused: boolean }> {
  return cached('search-50k', generateSearch);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clinic = await clinicDatabase();
  const search = await searchDatabase();
  log(`${clinic.reused ? 'reused' : 'built'} ${clinic.file}`);
  log(`${search.reused ? 'reused' : 'built'} ${search.file}`);
}
