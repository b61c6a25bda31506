// Settings → Encryption → Replace the key: the new recovery key shown on the vault screen (kept or
// confirmed), then the record and its backups encrypted again; the old recovery key opens nothing after.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { dataPaths } from '../../electron/db/backup.ts';
import { keyId } from '../../electron/db/cipher.ts';
import { recordFilesToRekey } from '../../electron/db/rekey-record.ts';
import { keyOpensFile } from '../../electron/db/sqlite.ts';
import { readKeyFile } from '../../electron/vault/key-file.ts';
import { parseRecoveryKey } from '../../electron/vault/recovery-key.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachGate, collectPageProblems } from './bridge.ts';
import { shootBoth } from './canvas.ts';

const SHOTS = 'test-results/vault';
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const keyOf = (recoveryKey: string): Buffer => {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
};

test('the key replaced from Settings: the new recovery key kept back once, then confirmed; every file under the new key', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-key-change-');
  const gate = await attachGate(page, dir);
  const problems = collectPageProblems(page);
  try {
    await gate.begin();
    const made = await gate.dispatchVault('vault:create', {});
    const oldRecovery = made.ok ? (made.value as Extract<VaultStatus, { state: 'recovery-key' }>).recoveryKey : '';
    await gate.dispatchVault('vault:confirmRecoveryKey', { lastGroup: oldRecovery.slice(-5) });
    expect((await gate.dispatchApp('patient:create', { mrn: 'NC-0042', familyName: 'Okafor', givenName: 'Ada', birthDate: '1968-04-12' })).ok).toBe(true);
    expect((await gate.dispatchApp('backup:now', {})).ok).toBe(true);

    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const card = page.getByTestId('encryption-card');
    await card.getByTestId('replace-key').click();
    await expect(card.getByTestId('replace-key-submit')).toBeFocused();
    await shootBoth(page, `${SHOTS}/replace-key`, card);
    await page.keyboard.press('Enter');

    // The vault screen with the new recovery key; kept back the first time.
    const screen = page.getByTestId('vault-screen');
    await expect(screen).toHaveAttribute('data-state', 'recovery-key');
    await expect(page.getByRole('heading', { name: 'Store the new recovery key' })).toBeVisible();
    await expect(page.getByTestId('recovery-key').first().locator('li')).toHaveCount(11);
    await shootBoth(page, `${SHOTS}/replace-key-new-recovery-key`);
    const firstNew = (await page.getByTestId('recovery-key').first().locator('li').allTextContents()).join('-');
    expect(firstNew).not.toBe(oldRecovery);
    await page.getByTestId('vault-keep-key').click();
    // Back where the change was asked.
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    expect(readKeyFile(dir)?.pending).toBeUndefined();
    expect(readKeyFile(dir)?.keyId).toBe(keyId(keyOf(oldRecovery)));

    // Again, and confirmed (Enter twice): replaced once, told until dismissed.
    await card.getByTestId('replace-key').click();
    await card.getByTestId('replace-key-submit').click();
    await expect(page.getByRole('heading', { name: 'Store the new recovery key' })).toBeVisible();
    await expect(page.getByTestId('recovery-key').first().locator('li')).toHaveCount(11);
    const newRecovery = (await page.getByTestId('recovery-key').first().locator('li').allTextContents()).join('-');
    const last = page.getByTestId('vault-last-group');
    await last.fill(newRecovery.slice(-5));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const notice = page.getByTestId('vault-notice');
    await expect(notice).toContainText('The key was replaced');
    await expect(notice).toContainText('The old recovery key opens nothing any more');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(card.getByTestId('encryption-key-id')).toBeVisible();
    await shootBoth(page, `${SHOTS}/replace-key-done`);
    await notice.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(notice).toHaveCount(0);

    const newKey = keyOf(newRecovery);
    expect(readKeyFile(dir)?.keyId).toBe(keyId(newKey));
    await gate.backend()?.startupBackup;
    for (const f of recordFilesToRekey(dataPaths(dir), null)) {
      expect(keyOpensFile(f, newKey), f).toBe(true);
      expect(keyOpensFile(f, keyOf(oldRecovery)), f).toBe(false);
    }
    expect(gate.backend()?.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'database_key'").pluck().get()).toBe(1);
    await page.getByRole('button', { name: 'Patients' }).click();
    await page.getByTestId('patient-search').fill('Okafor');
    await expect(page.getByTestId('patient-results')).toContainText('OKAFOR');
    expect(problems).toEqual([]);
  } finally {
    gate.close();
    removeDir(dir);
  }
});
