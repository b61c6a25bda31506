/**
 * Encrypted against plain, side by side in one run: two fresh clinic databases, one unencrypted and one
 * encrypted (SQLCipher v4, electron/db/cipher.ts), written alternately, write by write, so the disk's good and
 * bad moments fall on both alike. Target (issue: encryption at rest): site write p99 within 1.3x of plain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { newDatabaseKey } from '../../electron/db/cipher.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import type { SiteAddInput } from '../../shared/ipc/contract.ts';
import { onFace } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { pct, type Row } from './measure.ts';

const WRITES = 2_000;
const WARMUP = 100;
const SITES_PER_VISIT = 40;

async function call<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const r = await b.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

interface Side {
  backend: Backend;
  patientId: string;
  session: string;
}

async function side(dir: string, databaseKey: Buffer | null): Promise<Side> {
  const backend = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: 'bench', databaseKey });
  const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'BENCH-1', familyName: 'Bench', givenName: 'Mark', birthDate: '1970-01-01' });
  return { backend, patientId: patient.id, session: '' };
}

const newSession = async (s: Side) => {
  s.session = (await call<SessionDetail>(s.backend, 'session:create', { patientId: s.patientId, date: '2026-01-05', indication: 'chronic_migraine' })).id;
};

const siteInput = (sessionId: string, i: number): SiteAddInput => {
  const side = i % 2 ? 'left' : 'right';
  return { sessionId, viewId: 'face_front', viewVersion: 1, ...onFace('frontalis', side, 0.3 + (i % 5) / 10), muscleId: 'frontalis', side, units: 5 };
};

export async function encryptionBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'toxinmap-bench-cipher-'));
  // The key is set per process for new connections; each backend keeps the connection it opened.
  const plain = await side(path.join(root, 'plain'), null);
  const encrypted = await side(path.join(root, 'encrypted'), newDatabaseKey());
  try {
    const writes = { plain: new Float64Array(WRITES), encrypted: new Float64Array(WRITES) };
    const reads = { plain: new Float64Array(WRITES / 4), encrypted: new Float64Array(WRITES / 4) };
    for (let i = -WARMUP; i < WRITES; i += 1) {
      for (const [name, s] of [['plain', plain], ['encrypted', encrypted]] as const) {
        if ((i + WARMUP) % SITES_PER_VISIT === 0) await newSession(s);
        const t0 = performance.now();
        await call(s.backend, 'site:add', siteInput(s.session, i + WARMUP));
        if (i >= 0) writes[name][i] = performance.now() - t0;
        if (i >= 0 && i % 4 === 0) {
          const t1 = performance.now();
          await call(s.backend, 'session:get', { id: s.session });
          reads[name][i / 4] = performance.now() - t1;
        }
      }
    }
    for (const a of [writes.plain, writes.encrypted, reads.plain, reads.encrypted]) a.sort();
    const ratio = pct(writes.encrypted, 0.99) / pct(writes.plain, 0.99);
    const rows: Row[] = [
      { what: `site:add, plain file (${WRITES}, a new session every ${SITES_PER_VISIT})`, s: writes.plain },
      { what: '    site:add, encrypted file (SQLCipher v4), alternating with the above', s: writes.encrypted, target: 'p99 <= 1.3x plain', ok: ratio <= 1.3 },
      { what: 'session:get after a write, plain', s: reads.plain },
      { what: '    session:get after a write, encrypted', s: reads.encrypted },
    ];
    const notes = [
      `encrypted/plain site write at p50: ${(pct(writes.encrypted, 0.5) / pct(writes.plain, 0.5)).toFixed(2)}x, at p99: ${ratio.toFixed(2)}x`,
      `encrypted/plain session:get at p50: ${(pct(reads.encrypted, 0.5) / pct(reads.plain, 0.5)).toFixed(2)}x, at p99: ${(pct(reads.encrypted, 0.99) / pct(reads.plain, 0.99)).toFixed(2)}x`,
    ];
    return { rows, notes };
  } finally {
    plain.backend.close();
    encrypted.backend.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
