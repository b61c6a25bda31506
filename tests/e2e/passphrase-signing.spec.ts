// A clinician sets a signing passphrase in Settings; signing then asks for it in the confirmation dialog:
// a wrong one signs nothing and says so, the right one (typed, then Enter) signs; amending asks too.
import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';

const PASS = 'blue heron at dawn 42';

test('signing and amending ask for the passphrase once one is set', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-pass-');
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD' });
    await call(backend, 'patient:create', { mrn: 'BLE-0042', familyName: 'Marchetti', givenName: 'Giulia', birthDate: '1959-09-30' });
    await page.goto('/');

    // Settings: the passphrase, typed twice.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByTestId('passphrase-state')).toContainText('No passphrase yet');
    await page.getByTestId('new-passphrase').fill(PASS);
    await page.getByTestId('repeat-passphrase').fill(PASS);
    await page.getByTestId('repeat-passphrase').press('Enter');
    await expect(page.getByTestId('passphrase-state')).toContainText('ask for the passphrase of Dana Reyes');
    await page.getByRole('form', { name: 'Signing passphrase' }).screenshot({ path: 'test-results/record-trust/passphrase-settings.png' });

    // A session with one site, a product and a vial.
    await page.getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'MARCHETTI, Giulia' }).click();
    await page.getByTestId('indication').selectOption('blepharospasm');
    await page.getByTestId('start-session').click();
    await page.getByTestId('place-by-muscle').fill('pretarsal l upper med');
    await page.getByTestId('place-by-muscle').press('Enter');
    await expect(page.getByTestId('units-input')).toBeFocused();
    await page.getByTestId('units-input').fill('2.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('site-row')).toHaveCount(1);
    await page.getByTestId('details-tab').click();
    await page.getByTestId('product').selectOption('onabotulinumtoxinA');
    const vial = page.getByRole('form', { name: 'Add vial' });
    await vial.getByLabel('Vial').selectOption('100');
    await vial.getByLabel('Lot').fill('C4512');
    await vial.getByLabel('Expiry').fill('2027-06-30');
    await vial.getByLabel('Diluent mL').fill('4');
    await vial.getByRole('button', { name: 'Add vial' }).click();
    await expect(page.getByTestId('session-details')).toContainText('2.5 U/0.1 mL');

    // Sign: the dialog asks for the passphrase; the button waits for it.
    await page.getByTestId('sign').click();
    const field = page.getByTestId('sign-passphrase');
    await expect(field).toBeVisible();
    await expect(page.getByTestId('confirm-sign')).toBeDisabled();
    await field.fill('blue heron at dusk 42');
    await field.press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert').last()).toContainText('The passphrase is not right; nothing was changed');
    for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `test-results/record-trust/sign-wrong-passphrase-${w}.png` });
    }
    expect(backend.db.prepare('SELECT status FROM sessions').pluck().get()).toBe('draft');
    await field.fill(PASS);
    await field.press('Enter');
    await expect(page.getByTestId('signed-by')).toContainText('Dana Reyes, MD');
    expect(backend.db.prepare('SELECT status, seal IS NOT NULL AS sealed FROM sessions').get()).toEqual({ status: 'signed', sealed: 1 });

    // Amending asks for it too.
    await page.getByRole('button', { name: 'Amend…' }).click();
    await page.getByPlaceholder('Reason for the amendment').fill('Lower lid site omitted');
    await expect(page.getByTestId('amend-passphrase')).toBeVisible();
    await page.getByTestId('amend-passphrase').fill(PASS);
    await page.getByTestId('amend-passphrase').press('Enter');
    await expect(page.getByText('Amendment of a signed session')).toContainText('Lower lid site omitted');
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
