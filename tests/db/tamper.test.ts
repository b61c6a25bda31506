// Tampering with signed content and the audit log: what the database refuses outright (REPLACE, forged
// audit rows), and what the seal and the audit chain make visible when a writer with the file goes
// around the triggers (dropped and recreated triggers, a flipped byte, rows removed or slipped in).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openSqlite } from '../../electron/db/sqlite.ts';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { dataPaths } from '../../electron/db/backup.ts';
import { openDatabase, registerAuditFunctions } from '../../electron/db/open.ts';
import { auditRowHash, type ChainedAuditRow } from '../../electron/trust/hash.ts';
import { verifyEverything } from '../../electron/trust/verify.ts';
import type { HealthInfo, TrustProblem } from '../../shared/domain/types.ts';
import { seedClinic, type Seeded } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { ENCRYPTED } from '../helpers/test-key.ts';

let dir: string;
let seeded: Seeded;
const backends: Backend[] = [];
beforeEach(async () => {
  dir = tempDir('toxinmap-tamper-');
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  seeded = seedClinic(db);
  db.close();
});
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  removeDir(dir);
});

async function start(): Promise<Backend> {
  const b = await startBackend({ dataDirectory: dir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test' });
  backends.push(b);
  await b.startupBackup;
  return b;
}

/** A connection as an outside tool has it: no app functions unless given, recursive triggers off. */
function outsider(withAppFunctions = false): Database.Database {
  const db = openSqlite(dataPaths(dir).file);
  if (withAppFunctions) registerAuditFunctions(db, () => new Date('2025-04-01T00:00:00.000Z'), () => 'someone');
  return db;
}

const firstSignedSite = () => `${seeded.signedSessionId}-site-1`;
const firstDraftSite = () => `${seeded.draftSessionId}-site-1`;

describe('what the database refuses', () => {
  it('INSERT OR REPLACE cannot move a site out of a signed session (app connection and outside tool alike)', async () => {
    const b = await start();
    const moveOut = `INSERT OR REPLACE INTO sites (id, session_id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units, created_at, updated_at)
      VALUES ('${firstSignedSite()}', '${seeded.draftSessionId}', 9, 'face_front', 1, 1, 1, 'frontalis', 'left', 5, 't', 't')`;
    expect(() => b.db.exec(moveOut)).toThrow(/SIGNED_IMMUTABLE/);
    b.close();
    backends.pop();
    const raw = outsider(true);
    expect(() => raw.exec(moveOut)).toThrow(/SIGNED_IMMUTABLE/);
    raw.close();
  });

  it('INSERT OR REPLACE cannot turn a signed session back into a draft', async () => {
    const b = await start();
    expect(() =>
      b.db.exec(`INSERT OR REPLACE INTO sessions (id, patient_id, date, indication, status, created_at, updated_at)
        VALUES ('${seeded.signedSessionId}', 'patient-1', '2025-03-01', 'chronic_migraine', 'draft', 't', 't')`),
    ).toThrow(/SIGNED_IMMUTABLE/);
    expect(b.db.prepare('SELECT status FROM sessions WHERE id = ?').pluck().get(seeded.signedSessionId)).toBe('signed');
  });

  it('UPDATE OR REPLACE cannot overwrite a signed site by taking its id', async () => {
    const b = await start();
    expect(() => b.db.prepare('UPDATE OR REPLACE sites SET id = ? WHERE id = ?').run(firstSignedSite(), firstDraftSite())).toThrow(/SIGNED_IMMUTABLE/);
    expect(b.db.prepare('SELECT session_id FROM sites WHERE id = ?').pluck().get(firstSignedSite())).toBe(seeded.signedSessionId);
  });

  it('audit rows cannot be replaced, slipped in, or brought with their own hashes', async () => {
    const b = await start();
    const last = b.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const insert = (id: number | null, hash: string | null) =>
      b.db
        .prepare("INSERT OR REPLACE INTO audit_log (id, at, author, action, entity, entity_id, before, after, hash) VALUES (?, 't', 'x', 'insert', 'patients', 'p', NULL, '{}', ?)")
        .run(id, hash);
    expect(() => insert(2, null)).toThrow(/AUDIT_IMMUTABLE/);
    expect(() => insert(null, 'f'.repeat(64))).toThrow(/AUDIT_IMMUTABLE/);
    expect(() => b.db.prepare('UPDATE audit_log SET author = ? WHERE id = 1').run('someone else')).toThrow(/AUDIT_IMMUTABLE/);
    expect(() => b.db.prepare('UPDATE audit_log SET hash = ? WHERE id = 1').run('0'.repeat(64))).toThrow(/AUDIT_IMMUTABLE/);
    expect(b.db.prepare('SELECT max(id) FROM audit_log').pluck().get()).toBe(last);
    expect(verifyEverything(b.db).problems).toEqual([]);
  });
});

describe('what the seal and the chain make visible', () => {
  it('a sound record verifies: every seal and every chained entry', async () => {
    const b = await start();
    const status = await b.trust.runFull();
    expect(status).toMatchObject({ state: 'ok', problems: [] });
    expect(status.sessionsChecked).toBe(2);
    expect(status.auditRowsChecked).toBeGreaterThan(20);
  });

  it('dropped and recreated triggers: a changed dose is named, field by field', async () => {
    const raw = outsider();
    const guard = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'sites_signed_no_update'").pluck().get() as string;
    const audit = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'sites_audit_update'").pluck().get() as string;
    raw.exec('DROP TRIGGER sites_signed_no_update; DROP TRIGGER sites_audit_update;');
    raw.prepare('UPDATE sites SET units = 50 WHERE id = ?').run(`${seeded.signedSessionId}-site-2`);
    raw.exec(`${guard}; ${audit};`);
    raw.close();
    const b = await start(); // the structure is as the app made it again: only the seal can tell
    const status = await b.trust.runFull();
    expect(status.state).toBe('problems');
    const seal = status.problems.find((p) => p.kind === 'seal');
    expect(seal?.where).toMatch(/signed session of 2025-03-01 \(patient MRN1\)/);
    expect(seal?.detail).toMatch(/site #2 frontalis right: units 5 → 50/);
    const health = await b.dispatch('app:health', {});
    expect(health.ok && (health.value as HealthInfo).trust.problems.some((p: TrustProblem) => p.kind === 'seal')).toBe(true);
  });

  it.runIf(ENCRYPTED)('a flipped byte in an encrypted file is caught by the page check, and a backup is offered', async () => {
    const { file } = dataPaths(dir);
    const probe = openSqlite(file, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sites'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = fs.readFileSync(file);
    // No patient text is readable in the file; any changed byte fails the page's HMAC.
    expect(bytes.includes('medial')).toBe(false);
    const at = (root - 1) * pageSize + 100;
    bytes.writeUInt8((bytes.readUInt8(at) ^ 0xff) & 0xff, at);
    fs.writeFileSync(file, bytes);
    await expect(start()).rejects.toMatchObject({ name: 'DamagedDatabaseError' });
  });

  // Unencrypted only: in an encrypted file the byte cannot be found, and changing any byte fails the page's HMAC.
  it.skipIf(ENCRYPTED)('a flipped byte in a signed site (edited in the file itself) breaks its seal', async () => {
    const { file } = dataPaths(dir);
    const probe = openSqlite(file, { readonly: true });
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sites'").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = fs.readFileSync(file);
    const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
    let flipped = 0;
    for (let i = page.indexOf('medial'); i >= 0; i = page.indexOf('medial', i + 1)) {
      page[i] = 'M'.charCodeAt(0);
      flipped++;
    }
    expect(flipped).toBeGreaterThan(0);
    fs.writeFileSync(file, bytes);
    const b = await start();
    const status = await b.trust.runFull();
    const seals = status.problems.filter((p) => p.kind === 'seal');
    expect(seals.length).toBeGreaterThan(0);
    expect(seals[0]?.detail).toMatch(/note "medial" → "Medial"/);
  });

  it('a forged audit row slipped in, or a row removed, breaks the chain at that row', async () => {
    const raw = outsider(true);
    const guards = raw.prepare("SELECT sql FROM sqlite_master WHERE name IN ('audit_log_no_delete', 'audit_log_append_only', 'audit_log_no_forged_hash')").pluck().all() as string[];
    raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_only; DROP TRIGGER audit_log_no_forged_hash;');
    raw.prepare('DELETE FROM audit_log WHERE id = 5').run();
    raw.prepare("INSERT INTO audit_log (id, at, author, action, entity, entity_id, before, after, prev_hash, hash) VALUES (5, '2025-03-01T09:00:00.000Z', 'Dr. Nobody', 'insert', 'patients', 'ghost', NULL, '{}', 'x', 'y')").run();
    raw.prepare('DELETE FROM audit_log WHERE id = 9').run();
    for (const sql of guards) raw.exec(sql);
    raw.close();
    const b = await start();
    const status = await b.trust.runFull();
    const chain = status.problems.filter((p) => p.kind === 'chain');
    expect(chain.map((p) => p.auditId)).toEqual(expect.arrayContaining([5, 6, 10]));
    expect(chain.find((p) => p.auditId === 5)?.where).toMatch(/Dr\. Nobody/);
  });

  it('history rewritten with every hash recomputed is caught at start by the verified point kept outside the file', async () => {
    let b = await start();
    await b.trust.runFull(); // verifies everything and records the verified point beside the file
    b.close();
    backends.pop();
    const raw = outsider();
    const guard = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").pluck().get() as string;
    raw.exec('DROP TRIGGER audit_log_no_update;');
    raw.prepare("UPDATE audit_log SET author = 'Dr. Nobody' WHERE id = 3").run();
    // A knowledgeable writer recomputes the whole chain from there, so the chain itself holds.
    let prev: string | null = null;
    for (const row of raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as (ChainedAuditRow & { id: number })[]) {
      const hash = auditRowHash(prev, row);
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    raw.exec(guard);
    raw.close();
    b = await start();
    // Start checked the verified point (kept beside the file) at once.
    const atStart = b.trust.status().problems;
    expect(atStart.find((p) => p.kind === 'anchor')?.detail).toMatch(/entries before it were changed/);
    const status = await b.trust.runFull();
    expect(status.state).toBe('problems');
  });

  it('an export changed after it was written is refused on import, nothing imported', async () => {
    const b = await start();
    const exported = path.join(dir, 'export.json');
    const { writeExportFile, readExportFile, importArchive } = await import('../../electron/export/archive.ts');
    writeExportFile(b.db, exported, { appVersion: 't', exportedAt: new Date() });
    const archive = readExportFile(exported);
    const site = archive.tables.sites?.find((s) => s.id === firstSignedSite());
    if (!site) throw new Error('no signed site in the export');
    site.units = 500;
    const target = await openDatabase({ file: path.join(dir, 'other.sqlite'), migrationsDir: MIGRATIONS_DIR });
    expect(() => importArchive(target.db, target.audit, archive)).toThrow(/changed after it was written.*units 5 → 500/);
    expect(target.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(0);
    target.db.close();
  });
});
