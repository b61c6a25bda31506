// Settings → Encryption where a practice passphrase keeps the key: the passphrase changed with the current
// one as proof (a wrong one refused, a double Enter changes it once), then only the new one opens the record.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readKeyFile } from '../../electron/vault/key-file.ts';
import type { VaultStatus } from '../../shared/ipc/vault-contract.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachGate, collectPageProblems } from './bridge.ts';
import { shootBoth } from './canvas.ts';

const SHOTS = 'test-results/vault';
const OLD = 'our clinic opens at eight';
const NEW = 'the lilac door on Rue Haute';

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

const alert = (page: Page) => page.getByRole('alert');

test('the practice passphrase changed from Settings: the current one asked, then only the new one opens the record', async ({ page, browser }) => {
  const dir = tempDir('toxinmap-e2e-vault-change-');
  const gate = await attachGate(page, dir, { osStore: null });
  const problems = collectPageProblems(page);
  try {
    await gate.begin();
    const made = await gate.dispatchVault('vault:create', { passphrase: OLD });
    const recoveryKey = made.ok ? (made.value as Extract<VaultStatus, { state: 'recovery-key' }>).recoveryKey : '';
    expect((await gate.dispatchVault('vault:confirmRecoveryKey', { lastGroup: recoveryKey.slice(-5) })).ok).toBe(true);
    await page.goto('/');
    await page.getByRole('button', { name: 'Settings' }).click();
    const card = page.getByTestId('encryption-card');
    await expect(card.getByTestId('encryption-protection')).toContainText('the practice passphrase');
    await expect(card.getByTestId('passphrase-changed')).toHaveText('never');
    await card.getByTestId('change-passphrase').click();
    const current = card.getByTestId('current-passphrase');
    await expect(current).toBeFocused();
    await shootBoth(page, `${SHOTS}/change-passphrase`, card);

    // Nothing typed as proof; then a wrong proof: refused, the key file untouched.
    await card.getByTestId('vault-passphrase').fill(NEW);
    await card.getByTestId('vault-passphrase-again').fill(NEW);
    await card.getByTestId('vault-passphrase-again').press('Enter');
    await expect(alert(page)).toHaveText('Type the current practice passphrase first.');
    const before = fs.readFileSync(`${dir}/database-key.json`, 'utf8');
    await current.fill('our clinic opens at nine');
    await current.press('Enter');
    await expect(alert(page)).toHaveText('That is not the current practice passphrase. Nothing was changed.');
    expect(fs.readFileSync(`${dir}/database-key.json`, 'utf8')).toBe(before);
    await shootBoth(page, `${SHOTS}/change-passphrase-wrong`, card);

    // The right proof, Enter pressed twice: changed once, told, the form closed.
    await current.fill(OLD);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(card.getByRole('status')).toHaveText('The practice passphrase was changed. From the next start ToxinMap asks for the new one.');
    await expect(card.getByTestId('change-passphrase-form')).toHaveCount(0);
    // The focus on what happened, not on a button the second Enter would press.
    await expect(card.getByTestId('passphrase-changed-text')).toBeFocused();
    await expect(card.getByTestId('passphrase-changed')).not.toHaveText('never');
    expect(readKeyFile(dir)?.passphraseChangedAt).toEqual(expect.any(String));
    const audit = gate.backend()?.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'practice_passphrase'").pluck().get();
    expect(audit).toBe(1);
    await shootBoth(page, `${SHOTS}/change-passphrase-done`, card);
    expect(problems).toEqual([]);
  } finally {
    gate.close();
  }

  const next = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const gate2 = await attachGate(next, dir, { osStore: null });
  try {
    expect((await gate2.begin()).state).toBe('unlock');
    await next.goto('/');
    const field = next.getByTestId('vault-unlock-passphrase');
    await field.fill(OLD);
    await field.press('Enter');
    await expect(alert(next)).toContainText('That is not the practice passphrase');
    await field.fill(NEW);
    await field.press('Enter');
    await expect(next.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
  } finally {
    gate2.close();
    await next.close();
    removeDir(dir);
  }
});
