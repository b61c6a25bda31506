// Import is checked like IPC input: crafted files are each refused with a clear message and the
// database left exactly as it was (empty); the app's own export (with or without a byte order mark)
// goes back in, streamed, through the data worker with progress.
import fs from 'node:fs';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { dataPaths } from '../../electron/db/backup.ts';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open.ts';
import { exportDatabase, exportedTables, type Archive } from '../../electron/export/archive.ts';
import { importExportFile } from '../../electron/export/read-export.ts';
import type { TaskStatus } from '../../shared/domain/types.ts';
import { onFace, seedClinic, seedSession, seedSite } from '../helpers/seed-sql.ts';
import { signAndSeal } from '../../electron/trust/seal.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { spawnTsWorker } from '../helpers/worker.ts';

let dir: string;
let good: Archive;
const open: OpenedDatabase[] = [];
beforeAll(async () => {
  dir = tempDir('toxinmap-import-');
  const source = await openDatabase({ file: path.join(dir, 'source.sqlite'), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
  seedClinic(source.db);
  good = exportDatabase(source.db, { appVersion: '0.0.0-test', exportedAt: new Date('2025-03-02T10:00:00.000Z') });
  source.db.close();
});
afterAll(() => removeDir(dir));
afterEach(() => {
  for (const o of open.splice(0)) o.db.close();
});

let n = 0;
async function target(): Promise<OpenedDatabase> {
  const o = await openDatabase({ file: path.join(dir, `target-${++n}.sqlite`), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Importer' });
  open.push(o);
  return o;
}

function file(text: string | Buffer): string {
  const f = path.join(dir, `file-${++n}.json`);
  fs.writeFileSync(f, text);
  return f;
}

const copy = (): Archive => JSON.parse(JSON.stringify(good)) as Archive;
const rowsOf = (a: Archive, table: string) => {
  const rows = a.tables[table];
  if (!rows) throw new Error(`no ${table} in the export`);
  return rows;
};
const signed = (a: Archive) => rowsOf(a, 'sessions').find((s) => s.status === 'signed' && s.amends_session_id === null) ?? {};
const draftSite = (a: Archive) => rowsOf(a, 'sites').find((s) => s.session_id === 'session-draft') ?? {};

const CRAFTED: [string, (a: Archive) => void, RegExp][] = [
  ['a signed session without a signer', (a) => void (signed(a).signed_by = null), /Row \d+ of sessions \(id session-signed\): a signed session must name its signer/],
  ['a signed session without its seal', (a) => void (signed(a).seal = null), /must carry its seal/],
  ['units of 1e9 at one site', (a) => void (draftSite(a).units = 1e9), /Row \d+ of sites .*units: units above 20,000 at one site cannot be right/],
  ['units with three decimals', (a) => void (draftSite(a).units = 5.001), /units allow at most two decimals/],
  ['an unknown muscle', (a) => void (draftSite(a).muscle_id = 'snake_muscle'), /Unknown muscle 'snake_muscle'/],
  ['an unknown diagram', (a) => void (draftSite(a).diagram_id = 'no_such_view'), /Unknown diagram no_such_view version 1/],
  ['a side that does not fit the muscle', (a) => void (rowsOf(a, 'template_sites')[0]!.side = 'left'), /Procerus is a midline muscle; side 'left' does not fit|midline muscle/],
  [
    'a site whose point is on another muscle than it names',
    (a) => void Object.assign(draftSite(a), { x: 300, y: 280 }),
    /^Row \d+ of sites \(id session-draft-site-\d\): The point \(300, 280\) is not on Frontalis \((left|right)\) on the diagram Face, front: it lies \d+ units outside it\. Nothing was imported\.$/,
  ],
  ['a template site on the wrong side of the face', (a) => void Object.assign(rowsOf(a, 'template_sites')[0]!, { muscle_id: 'frontalis', side: 'left', x: 220, y: 155 }), /Row 1 of template_sites .*is not on Frontalis \(left\)/],
  ['a date that does not exist', (a) => void (rowsOf(a, 'patients')[0]!.birth_date = '2025-02-30'), /birth_date: must be a real date/],
  ['an unknown product', (a) => void (rowsOf(a, 'session_vials')[0]!.product_id = 'snake-oil'), /product_id: must be one of the listed toxin products/],
  ['a session before its patient was born', (a) => void (rowsOf(a, 'patients')[1]!.birth_date = '2026-01-01'), /before its patient's birth/],
  ['a dose changed in a signed session', (a) => void (rowsOf(a, 'sites').find((s) => s.session_id === 'session-signed')!.units = 6), /changed after it was written.*units 5 → 6/],
  ['an audit entry changed', (a) => void (rowsOf(a, 'audit_log')[2]!.author = 'Dr. Nobody'), /changed after it was written.*audit entry #3 .*Dr\. Nobody/],
  ['a table this version does not have', (a) => void (a.tables.ghosts = [{ id: 'x' }]), /table "ghosts"/],
  ['a column this version does not have', (a) => void (rowsOf(a, 'patients')[0]!.shoe_size = 42), /column "patients\.shoe_size"/],
  ['an MRN with control characters', (a) => void (rowsOf(a, 'patients')[0]!.mrn = 'MRN\u00001'), /mrn: MRN may contain only letters/],
];

async function expectRefused(text: string | Buffer, message: RegExp): Promise<void> {
  const t = await target();
  await expect(importExportFile(t.db, t.audit, file(text))).rejects.toThrow(message);
  for (const table of exportedTables(t.db)) expect(t.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(0);
  expect(t.audit.enabled).toBe(true);
  expect(t.db.inTransaction).toBe(false);
}

describe('crafted export files', () => {
  for (const [what, change, message] of CRAFTED) {
    it(`with ${what} are refused, the database unchanged`, async () => {
      const a = copy();
      change(a);
      await expectRefused(JSON.stringify(a), message);
    });
  }

  it('that are not JSON, or end early, are refused', async () => {
    await expectRefused('{"format": "toxinmap-export", "tables": {', /ends before the JSON is complete/);
    await expectRefused('not json at all', /not valid JSON/);
    await expectRefused(JSON.stringify({ ...copy(), format: 'something-else' }), /not a ToxinMap export/);
  });
});

describe('the app’s own export', () => {
  it('is imported streamed, with a UTF-8 byte order mark too, and reads back row for row', async () => {
    const t = await target();
    const progress: number[] = [];
    const counts = await importExportFile(t.db, t.audit, file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(good, null, 2))])), (p) =>
      progress.push(p.done / p.total),
    );
    expect(counts).toMatchObject({ patients: 3, sessions: 3 });
    expect(progress.at(-1)).toBe(1);
    const again = exportDatabase(t.db, { appVersion: '0.0.0-test', exportedAt: new Date('2025-03-02T10:00:00.000Z') });
    expect(again.tables.audit_log?.pop()).toMatchObject({ entity: 'data_import', author: 'Importer' });
    expect(JSON.stringify(again.tables)).toBe(JSON.stringify(good.tables));
  });
});

describe('a signed session whose site lies off the muscle it names', () => {
  // Charted before points had to lie on their muscle: the muscle was changed from the site list and the
  // point stayed where it was. The record's own export must go back in, as signed, and say so.
  let legacy: Archive;
  const procerus = onFace('procerus', 'midline');
  beforeAll(async () => {
    const source = await openDatabase({ file: path.join(dir, 'legacy-source.sqlite'), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
    seedClinic(source.db);
    seedSession(source.db, 'session-legacy', 'patient-1', { date: '2025-02-01' });
    seedSite(source.db, 'session-legacy', 1);
    source.db.prepare("UPDATE sites SET x = ?, y = ? WHERE id = 'session-legacy-site-1'").run(procerus.x, procerus.y);
    signAndSeal(source.db, 'session-legacy', { signedAt: '2025-02-01T10:00:00.000Z', signedBy: 'Dr. Rivera', signerId: 'clinician-1' });
    legacy = exportDatabase(source.db, { appVersion: '0.0.0-test', exportedAt: new Date('2025-03-02T10:00:00.000Z') });
    source.db.close();
  });
  const site = (a: Archive) => rowsOf(a, 'sites').find((r) => r.id === 'session-legacy-site-1') ?? {};

  it('is imported as it was signed, its point unchanged, and counted for the notice', async () => {
    const t = await target();
    const counts = await importExportFile(t.db, t.audit, file(JSON.stringify(legacy)));
    expect(counts).toMatchObject({ patients: 3, sessions: 4, signedSitesOffMuscle: 1 });
    expect(t.db.prepare("SELECT muscle_id, x, y FROM sites WHERE id = 'session-legacy-site-1'").get()).toEqual({ muscle_id: 'frontalis', ...procerus });
    expect(t.db.prepare("SELECT status FROM sessions WHERE id = 'session-legacy'").pluck().get()).toBe('signed');
  });

  it('is refused when the point was moved in the file (the seal no longer matches)', async () => {
    const a = JSON.parse(JSON.stringify(legacy)) as Archive;
    const elsewhere = onFace('frontalis', 'right', 0.5);
    Object.assign(site(a), elsewhere);
    await expectRefused(JSON.stringify(a), /changed after it was written/);
  });

  it('is refused in a draft: there the point must lie on its muscle, as at site:add', async () => {
    const a = JSON.parse(JSON.stringify(legacy)) as Archive;
    const session = rowsOf(a, 'sessions').find((r) => r.id === 'session-legacy') ?? {};
    Object.assign(session, { status: 'draft', signed_at: null, signed_by: null, signer_id: null, seal: null });
    await expectRefused(JSON.stringify(a), /Row \d+ of sites \(id session-legacy-site-1\): The point \(\d+, \d+\) is not on Frontalis \(left\)/);
  });
});

describe('export and import through the data worker', () => {
  it('run off the main thread with progress, and round-trip', async () => {
    const exported = path.join(dir, 'worker-export.json');
    const sourceDir = path.join(dir, 'worker-source');
    const { db } = await openDatabase({ file: dataPaths(sourceDir).file, migrationsDir: MIGRATIONS_DIR });
    seedClinic(db);
    db.close();
    const backends: Backend[] = [];
    try {
      const source = await startBackend({
        dataDirectory: sourceDir, migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', spawnWorker: spawnTsWorker, chooseExportFile: () => Promise.resolve(exported),
      });
      backends.push(source);
      // The day's automatic backup is copied in the worker too.
      expect(await source.startupBackup).toMatchObject({ kind: 'automatic' });
      expect(await source.dispatch('data:export', {})).toEqual({ ok: true, value: { file: exported, problems: 0 } });
      const backup = await source.dispatch('backup:now', {});
      expect(backup).toMatchObject({ ok: true, value: { kind: 'manual' } });
      // Restore copies and checks the backup in the worker too, then swaps it in.
      const name = backup.ok ? (backup.value as { name: string }).name : '';
      expect(await source.dispatch('backup:restore', { name })).toMatchObject({ ok: true, value: { restoredFrom: name } });
      expect(source.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(3);
      expect((await source.trust.runFull()).state).toBe('ok');

      const targetBackend = await startBackend({
        dataDirectory: path.join(dir, 'worker-target'), migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', spawnWorker: spawnTsWorker,
        chooseImportFile: () => Promise.resolve(exported),
      });
      backends.push(targetBackend);
      const seen: TaskStatus[] = [];
      const importing = targetBackend.dispatch('data:import', {});
      for (let i = 0; i < 50; i++) {
        const p = await targetBackend.dispatch('task:progress', {});
        if (p.ok && p.value) seen.push(p.value as TaskStatus);
        else if (seen.length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await importing).toEqual({ ok: true, value: { file: exported, patients: 3, sessions: 3 } });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.task === 'import')).toBe(true);
      // The main connection sees what the worker committed, and the record verifies.
      expect(targetBackend.db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(3);
      expect((await targetBackend.trust.runFull()).state).toBe('ok');
      expect(await targetBackend.dispatch('task:progress', {})).toEqual({ ok: true, value: null });
    } finally {
      for (const b of backends) b.close();
    }
  }, 30_000);
});
