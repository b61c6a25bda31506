// Settings → Data and backups says plainly whether the record verifies, and when it does not, which signed
// session changed and how (here: a dose changed in the file with the guard triggers dropped and recreated).
import { expect, test, type Page } from '@playwright/test';
import { openPlainSqlite } from '../../electron/db/sqlite.ts';
import { dataPaths } from '../../electron/db/backup.ts';
import { openDatabase } from '../../electron/db/open.ts';
import { seedClinic } from '../helpers/seed-sql.ts';
import { MIGRATIONS_DIR, removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, collectPageProblems } from './bridge.ts';

async function clinic(tamper: boolean): Promise<string> {
  const dir = tempDir('toxinmap-e2e-trust-');
  // Seeded unencrypted (as an earlier version left it); the app encrypts it when it opens.
  const { db } = await openDatabase({ file: dataPaths(dir).file, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => 'Dr. Rivera', key: null });
  seedClinic(db);
  db.close();
  if (tamper) {
    const raw = openPlainSqlite(dataPaths(dir).file);
    const guard = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'sites_signed_no_update'").pluck().get() as string;
    const audit = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'sites_audit_update'").pluck().get() as string;
    raw.exec('DROP TRIGGER sites_signed_no_update; DROP TRIGGER sites_audit_update;');
    raw.prepare("UPDATE sites SET units = 50 WHERE id = 'session-signed-site-2'").run();
    raw.exec(`${guard}; ${audit};`);
    raw.close();
  }
  return dir;
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
}

test('a sound record reads as verified, with where replaced files are kept', async ({ page }) => {
  const dir = await clinic(false);
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await backend.trust.runFull();
    await openSettings(page);
    const trust = page.getByTestId('record-trust');
    await expect(trust).toContainText('verified, nothing changed (2 signed sessions');
    await expect(trust).toContainText('the 5 most recent, and all from the last 90 days');
    await page.setViewportSize({ width: 1400, height: 900 });
    await trust.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/record-trust/verified-1400.png' });
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});

test('a dose changed outside the app is named: which session, which site, before and after', async ({ page }) => {
  const dir = await clinic(true);
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await backend.trust.runFull();
    await openSettings(page);
    const alert = page.getByTestId('record-trust').getByRole('alert');
    await expect(alert).toContainText('The record was changed outside ToxinMap: 1 finding.');
    await expect(alert).toContainText('the signed session of 2025-03-01 (patient MRN1)');
    await expect(alert).toContainText('site #2 frontalis right: units 5 → 50');
    for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/record-trust/changed-${w}.png` });
    }
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
