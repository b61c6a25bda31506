import fs from 'node:fs';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend.ts';
import { openDatabase, type OpenedDatabase } from '../../electron/db/open.ts';
import { exportDatabase, exportedTables, writeExportFile } from '../../electron/export/archive.ts';
import { ARCHIVE_MAGIC, HEADER_BYTES } from '../../electron/export/encrypted-archive.ts';
import { importExportFile } from '../../electron/export/read-export.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { spawnTsWorker } from '../helpers/worker.ts';

const PASS = 'lantern orchard 1987 blue';
const meta = { appVersion: '0.0.0-test', exportedAt: new Date('2025-03-02T10:00:00.000Z') };

let dir: string;
const backends: Backend[] = [];
const opened: OpenedDatabase[] = [];
beforeEach(() => {
  dir = tempDir();
});
afterEach(async () => {
  for (const b of backends.splice(0)) {
    await b.startupBackup;
    b.close();
  }
  for (const o of opened.splice(0)) o.db.close();
  removeDir(dir);
});

interface Files {
  exportTo?: string;
  importFrom?: string;
  kinds?: string[];
  importAsks?: string[];
  /** Run export and import in the data worker thread, as the app does (the passphrase crosses into it). */
  worker?: boolean;
}

async function backend(name: string, files: Files = {}): Promise<Backend> {
  const b = await startBackend({
    dataDirectory: path.join(dir, name), migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test', ...(files.worker ? { spawnWorker: spawnTsWorker } : {}),
    chooseExportFile: (kind) => {
      files.kinds?.push(kind);
      return Promise.resolve(files.exportTo ?? null);
    },
    chooseImportFile: () => {
      files.importAsks?.push('asked');
      return Promise.resolve(files.importFrom ?? null);
    },
  });
  backends.push(b);
  return b;
}

/** Every table as the export sees it (the import's own audit entry left out). */
function tablesOf(b: Backend): string {
  const tables = exportDatabase(b.db, meta).tables;
  const last = tables.audit_log?.at(-1);
  if (last?.entity === 'data_import') tables.audit_log?.pop();
  return JSON.stringify(tables);
}

function rowCounts(b: Backend): Record<string, number> {
  return Object.fromEntries(exportedTables(b.db).map((t) => [t, b.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

describe('the encrypted export archive of a clinic', () => {
  it('is written by data:export with a passphrase, holds no patient in readable form, and imports into a fresh folder row for row', async () => {
    const archive = path.join(dir, 'clinic.toxinmap-export.enc');
    const kinds: string[] = [];
    const source = await backend('source', { exportTo: archive, kinds, worker: true });
    seedClinic(source.db);
    expect(await source.dispatch('data:export', { passphrase: PASS })).toEqual({ ok: true, value: { file: archive, problems: 0 } });
    expect(kinds).toEqual(['encrypted']);

    const bytes = fs.readFileSync(archive);
    expect(bytes.subarray(0, ARCHIVE_MAGIC.length).equals(ARCHIVE_MAGIC)).toBe(true);
    const patients = source.db.prepare('SELECT mrn, family_name, given_name FROM patients').all() as { mrn: string; family_name: string; given_name: string }[];
    expect(patients.length).toBe(3);
    for (const p of patients) {
      for (const value of [p.family_name, p.given_name, p.mrn, p.family_name.normalize('NFD')]) {
        expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
      }
    }
    for (const word of ['toxinmap-export', 'patients', 'Rivera']) expect(bytes.includes(Buffer.from(word)), word).toBe(false);

    const importAsks: string[] = [];
    const target = await backend('target', { importFrom: archive, importAsks, worker: true });
    const empty = rowCounts(target);
    // The file is recognised by its first bytes: the answer asks for its passphrase, nothing is imported.
    expect(await target.dispatch('data:import', {})).toEqual({ ok: true, value: { file: archive, patients: 0, sessions: 0, needsPassphrase: true } });
    expect(rowCounts(target)).toEqual(empty);
    // A wrong passphrase is refused, the database unchanged; the file is kept for the next try.
    const wrong = await target.dispatch('data:import', { passphrase: 'lantern orchard 1987 blu' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/passphrase is wrong.*Nothing was imported; the database is unchanged/) } });
    expect(rowCounts(target)).toEqual(empty);
    expect(await target.dispatch('data:import', { passphrase: PASS })).toEqual({ ok: true, value: { file: archive, patients: 3, sessions: 3 } });
    expect(importAsks).toEqual(['asked']); // chosen once, tried twice
    expect(tablesOf(target)).toBe(tablesOf(source));
    expect((await target.trust.runFull()).state).toBe('ok');
  });

  it('refuses a short passphrase before asking where to write', async () => {
    const kinds: string[] = [];
    const source = await backend('source', { exportTo: path.join(dir, 'x.enc'), kinds });
    const short = await source.dispatch('data:export', { passphrase: 'eleven char' });
    expect(short).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/at least 12 characters/) } });
    expect(kinds).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'x.enc'))).toBe(false);
  });

  it('never puts the passphrase in the error log, even when the export fails', async () => {
    const logged: string[] = [];
    const b = await startBackend({
      dataDirectory: path.join(dir, 'logged'), migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test',
      chooseExportFile: () => Promise.resolve(path.join(dir, 'no-such-folder', 'x.enc')),
      logError: (channel, err) => logged.push(`${channel} ${String(err)} ${(err as Error).stack ?? ''}`),
    });
    backends.push(b);
    seedClinic(b.db);
    expect(await b.dispatch('data:export', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    expect(logged.join('\n')).toMatch(/data:export/);
    expect(logged.join('\n')).not.toContain(PASS);
  });

  it('still writes the plain JSON file without a passphrase', async () => {
    const file = path.join(dir, 'plain.json');
    const kinds: string[] = [];
    const source = await backend('source', { exportTo: file, kinds });
    seedClinic(source.db);
    expect(await source.dispatch('data:export', {})).toMatchObject({ ok: true, value: { file } });
    expect(kinds).toEqual(['json']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ format: 'toxinmap-export' });
  });

  it('that was changed or cut short is refused through the channel, the database unchanged', async () => {
    const archive = path.join(dir, 'clinic.enc');
    const source = await backend('source', { exportTo: archive });
    seedClinic(source.db);
    expect(await source.dispatch('data:export', { passphrase: PASS })).toMatchObject({ ok: true });
    const good = fs.readFileSync(archive);
    const changed = path.join(dir, 'changed.enc');
    const flipped = Buffer.from(good);
    flipped[HEADER_BYTES + 5 + 100]! ^= 0x04;
    fs.writeFileSync(changed, flipped);
    const cut = path.join(dir, 'cut.enc');
    fs.writeFileSync(cut, good.subarray(0, good.length - 40));

    for (const [file, why] of [[changed, /changed or damaged after it was written/], [cut, /ends early/]] as const) {
      const target = await backend(`target-${path.basename(file)}`, { importFrom: file });
      const empty = rowCounts(target);
      expect(await target.dispatch('data:import', {})).toMatchObject({ ok: true, value: { needsPassphrase: true } });
      const refused = await target.dispatch('data:import', { passphrase: PASS });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(why) } });
      expect(rowCounts(target)).toEqual(empty);
    }
  });

  it('changed in its last chunk leaves the database as it was, although earlier chunks were already read in', async () => {
    const a = await openDatabase({ file: path.join(dir, 'a.sqlite'), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera' });
    opened.push(a);
    seedClinic(a.db);
    const file = path.join(dir, 'small-chunks.enc');
    // Small chunks: rows of the first chunks reach the importer before the changed one is read.
    writeExportFile(a.db, file, meta, undefined, { passphrase: PASS, kdf: { log2N: 14, r: 8, p: 1 }, chunkBytes: 4096 });
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(HEADER_BYTES + 5 * 4096);
    bytes[bytes.length - 20]! ^= 0x01; // inside the last chunk's ciphertext
    fs.writeFileSync(file, bytes);

    const b = await openDatabase({ file: path.join(dir, 'b.sqlite'), migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Importer' });
    opened.push(b);
    let rowsSeen = 0;
    await expect(importExportFile(b.db, b.audit, file, (p) => (rowsSeen = p.rows), PASS)).rejects.toThrow(/chunk \d+ fails its check.*Nothing was imported/);
    expect(rowsSeen).toBeGreaterThan(0);
    for (const table of exportedTables(b.db)) expect(b.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(0);
    expect(b.audit.enabled).toBe(true);
    // The same file unchanged imports.
    bytes[bytes.length - 20]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    await expect(importExportFile(b.db, b.audit, file, undefined, PASS)).resolves.toMatchObject({ patients: 3, sessions: 3 });
  });
});
