// Exported files are written whole or not at all, and a failed write says where and why, losing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/export/write-file.ts';
import { NO_EXPORT_SHELL, sessionCsv, summaryPdf, type ExportDeps } from '../../../electron/services/exports.ts';
import { testBackend, type TestBackend } from '../../helpers/backend.ts';
import { seedPreempt } from '../../helpers/export-seed.ts';
import { removeDir, tempDir } from '../../helpers/temp.ts';
import { signingClinician } from '../../helpers/signing.ts';

let dir: string;
beforeEach(() => {
  dir = tempDir('toxinmap-write-');
});
afterEach(() => removeDir(dir));

describe('writeFileAtomic', () => {
  it('replaces an existing file with the new content and leaves no temporary file', async () => {
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(fs.readFileSync(file, 'utf8')).toBe('new content');
    expect(fs.readdirSync(dir)).toEqual(['a.csv']);
  });

  it('throws for a folder that does not exist, writing nothing anywhere', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.pdf'), new Uint8Array([1, 2, 3]))).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('an export whose file cannot be written', () => {
  let b: TestBackend;
  beforeEach(async () => {
    b = await testBackend();
    await b.call('clinician:add', signingClinician());
  });
  afterEach(() => b.dispose());

  it('names the file and the reason, and leaves the record and the folder as they were', async () => {
    const { session } = await seedPreempt(b.call);
    const target = path.join(dir, 'gone', 'sites.csv');
    const deps: ExportDeps = { ctx: b.ctx, appVersion: () => '0', shell: { ...NO_EXPORT_SHELL, chooseSaveFile: () => Promise.resolve(target) } };
    await expect(sessionCsv(deps, { sessionId: session.id })).rejects.toThrow(`The CSV file could not be written to ${target}`);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect((await b.call<{ status: string }>('session:get', { id: session.id })).status).toBe('signed');
  });

  it('refuses Save as PDF without the desktop shell, in words', async () => {
    const { session } = await seedPreempt(b.call);
    const deps: ExportDeps = { ctx: b.ctx, appVersion: () => '0', shell: { ...NO_EXPORT_SHELL, chooseSaveFile: () => Promise.resolve(path.join(dir, 'x.pdf')) } };
    await expect(summaryPdf(deps, { sessionId: session.id, copy: 'clinical' })).rejects.toThrow('Saving as PDF is available in the desktop app only');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('answers NOT_FOUND through the contract for a session that does not exist', async () => {
    const r = await b.dispatch('export:summaryHtml', { sessionId: '0b3a6e2d-6c1f-4c1e-9a55-3f1f0e7d9a10', copy: 'clinical' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await b.dispatch('export:summaryHtml', { sessionId: '0b3a6e2d-6c1f-4c1e-9a55-3f1f0e7d9a10', copy: 'billing' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: "copy: copy is 'clinical' or 'patient'" } });
  });
});
