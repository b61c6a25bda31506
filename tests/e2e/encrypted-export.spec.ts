// Settings → Data and backups: the full export offers the encrypted archive first and warns, before a plain
// file is written, that it is not encrypted and holds every patient; the import asks for an archive's
// passphrase, refuses a wrong one and imports with the right one.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dataPaths } from '../../electron/db/backup.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { writeExportFile } from '../../electron/export/archive.ts';
import { ARCHIVE_MAGIC } from '../../electron/export/encrypted-archive.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, collectPageProblems, emitAppEvent } from './bridge.ts';
import { shootBoth } from './canvas.ts';

const OUT = 'test-results/encrypted-export';
const PASS = 'harbour lantern 1987 violet';

/** A clinic's record, seeded as an earlier version left it (the app encrypts it when it opens). */
async function clinic(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera', key: null });
  seedClinic(db);
  db.close();
  return dir;
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
}

test.beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

test('the export offers the encrypted archive first, warns plainly before a plain file, and writes the archive', async ({ page }) => {
  const dir = await clinic('toxinmap-e2e-encexport-');
  const kinds: string[] = [];
  const archive = path.join(dir, 'clinic.toxinmap-export.enc');
  const plain = path.join(dir, 'clinic.json');
  const backend = await attachBackend(page, dir, {
    dataFiles: {
      chooseExportFile: (kind) => {
        kinds.push(kind);
        return Promise.resolve(kind === 'encrypted' ? archive : plain);
      },
    },
  });
  const problems = collectPageProblems(page);
  try {
    await page.goto('/');
    // File → Export Everything… leads to the choice, not straight to a file.
    await expect.poll(() => emitAppEvent(page, 'menu:command', { command: 'export-data' })).toBeGreaterThan(0);
    const form = page.getByTestId('export-form');
    await expect(form).toBeVisible();
    const encrypted = page.getByTestId('export-kind-encrypted');
    await expect(encrypted).toBeChecked();
    await expect(encrypted).toBeFocused();
    await expect(page.getByTestId('plain-export-warning')).toHaveCount(0);
    await shootBoth(page, `${OUT}/export-encrypted`, form);

    // The plain file, chosen with the keyboard: the warning comes before anything is written.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('export-kind-json')).toBeChecked();
    const warning = page.getByTestId('plain-export-warning');
    await expect(warning).toContainText('This file is NOT encrypted.');
    await expect(warning).toContainText("every patient’s name, MRN, date of birth and treatment");
    await expect(page.getByTestId('export-submit')).toHaveText('Export plain file…');
    await page.getByTestId('export-submit').click();
    await expect(form.getByRole('alert')).toContainText('Tick the box to confirm');
    expect(kinds).toEqual([]);
    await shootBoth(page, `${OUT}/export-plain-warning`, form);

    // Back to the archive; a short passphrase and two that differ are refused before any dialog.
    await encrypted.focus();
    await page.keyboard.press('Space');
    await expect(encrypted).toBeChecked();
    await page.getByTestId('export-passphrase').fill('too short');
    await page.getByTestId('export-passphrase-repeat').fill('too short');
    await page.getByTestId('export-submit').click();
    await expect(form.getByRole('alert')).toContainText('at least 12 characters');
    await page.getByTestId('export-passphrase').fill(PASS);
    await page.getByTestId('export-passphrase-repeat').fill(`${PASS}!`);
    await page.getByTestId('export-passphrase-repeat').press('Enter');
    await expect(form.getByRole('alert')).toContainText('not the same');
    expect(kinds).toEqual([]);
    await page.getByTestId('export-passphrase-repeat').fill(PASS);
    await page.getByTestId('export-passphrase-repeat').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Encrypted archive written to' })).toBeVisible({ timeout: 30_000 });
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('export-everything')).toBeFocused();
    expect(kinds).toEqual(['encrypted']);
    const bytes = fs.readFileSync(archive);
    expect(bytes.subarray(0, ARCHIVE_MAGIC.length).equals(ARCHIVE_MAGIC)).toBe(true);
    for (const name of ['Família', 'MRN1', 'toxinmap-export']) expect(bytes.includes(Buffer.from(name)), name).toBe(false);

    // The plain file still works once the warning is acknowledged.
    await page.getByTestId('export-everything').click();
    await page.getByTestId('export-kind-json').check();
    await page.getByTestId('plain-export-understood').check();
    await page.getByTestId('export-submit').click();
    await expect(page.getByRole('status').filter({ hasText: 'Plain (not encrypted) export written to' })).toBeVisible({ timeout: 30_000 });
    expect(kinds).toEqual(['encrypted', 'json']);
    expect(JSON.parse(fs.readFileSync(plain, 'utf8'))).toMatchObject({ format: 'toxinmap-export' });
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});

test('an encrypted archive asks for its passphrase on import; a wrong one is refused and nothing is imported', async ({ page }) => {
  const source = await clinic('toxinmap-e2e-encsource-');
  const archive = path.join(source, 'clinic.toxinmap-export.enc');
  const { db } = await openDatabase({ file: dataPaths(source).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera', key: null });
  writeExportFile(db, archive, { appVersion: '0.0.0-e2e', exportedAt: new Date() }, undefined, { passphrase: PASS });
  db.close();

  const dir = tempDir('toxinmap-e2e-encimport-');
  let asked = 0;
  const backend = await attachBackend(page, dir, {
    dataFiles: {
      chooseImportFile: () => {
        asked++;
        return Promise.resolve(archive);
      },
    },
  });
  const problems = collectPageProblems(page);
  const patients = () => backend.db.prepare('SELECT count(*) FROM patients').pluck().get();
  try {
    await openSettings(page);
    await page.getByTestId('import-everything').click();
    const form = page.getByTestId('import-passphrase-form');
    await expect(form).toContainText('clinic.toxinmap-export.enc is an encrypted ToxinMap archive');
    const field = page.getByTestId('import-passphrase');
    await expect(field).toBeFocused();

    await field.fill('harbour lantern 1987 violent');
    await field.press('Enter');
    await expect(page.getByTestId('data-transfer-error')).toContainText('The passphrase is wrong', { timeout: 30_000 });
    await expect(page.getByTestId('data-transfer-error')).toContainText('Nothing was imported; the database is unchanged.');
    expect(patients()).toBe(0);
    await expect(field).toBeFocused();
    await shootBoth(page, `${OUT}/import-wrong-passphrase`, form);

    await field.fill(PASS);
    await field.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Imported 3 patients and 3 sessions from the encrypted archive' })).toBeVisible({ timeout: 30_000 });
    await expect(form).toHaveCount(0);
    expect(patients()).toBe(3);
    expect(asked).toBe(1); // the file was chosen once
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
    removeDir(source);
  }
});
