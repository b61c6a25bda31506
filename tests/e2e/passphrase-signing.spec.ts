// Two clinicians share one practice database. Dana's account has no passphrase yet: the sign dialog says
// she cannot sign and lets her set one there; a wrong passphrase signs nothing and says so; the right one
// (typed, then Enter) signs; amending asks too. In Settings a second account is added, chosen (its own
// passphrase) and signs the amendment under its own name, while Dana's signature stays hers.
import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';

const DANA = 'blue heron at dawn 42';
const OMAR = 'grey owl over the river';
const SHOTS = 'test-results/record-trust';

test('each clinician signs with their own passphrase; an account without one is told how to sign', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-pass-');
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD' });
    await call(backend, 'clinician:add', { name: 'Omar Haddad', credentials: 'DO', passphrase: OMAR });
    await call(backend, 'patient:create', { mrn: 'BLE-0042', familyName: 'Marchetti', givenName: 'Giulia', birthDate: '1959-09-30' });
    await page.goto('/');

    // A session with one site, a product and a vial.
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

    // No passphrase yet: the dialog says so plainly and offers to set one; signing waits for it.
    await page.getByTestId('sign').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('sign-set-passphrase')).toContainText('Dana Reyes, MD has no passphrase yet, and an account without one cannot sign');
    await expect(page.getByTestId('confirm-sign')).toBeDisabled();
    for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${SHOTS}/sign-no-passphrase-${w}.png` });
    }
    await expect(page.getByTestId('sign-new-passphrase')).toBeFocused();
    await page.keyboard.type(DANA);
    await page.keyboard.press('Tab');
    await page.keyboard.type('blue heron at dusk 42');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert').last()).toContainText('The two passphrases differ.');
    await page.getByTestId('sign-repeat-passphrase').fill(DANA);
    await page.getByTestId('sign-repeat-passphrase').press('Enter');
    const field = page.getByTestId('sign-passphrase');
    await expect(field).toBeFocused();
    await expect(dialog).toContainText('Passphrase set. Type it once more to sign as Dana Reyes, MD');

    // A wrong one signs nothing and says so.
    await field.fill('blue heron at dusk 42');
    await field.press('Enter');
    await expect(dialog.getByRole('alert').last()).toContainText('The passphrase is not right; nothing was changed');
    for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${SHOTS}/sign-wrong-passphrase-${w}.png` });
    }
    expect(backend.db.prepare('SELECT status FROM sessions').pluck().get()).toBe('draft');
    expect(backend.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'passphrase_refusals'").pluck().get()).toBe(1);
    await field.fill(DANA);
    await field.press('Enter');
    await expect(page.getByTestId('signed-by')).toContainText('Dana Reyes, MD');
    expect(backend.db.prepare('SELECT status, seal IS NOT NULL AS sealed FROM sessions').get()).toEqual({ status: 'signed', sealed: 1 });

    // Amending asks for the passphrase too.
    await page.getByRole('button', { name: 'Amend…' }).click();
    await page.getByPlaceholder('Reason for the amendment').fill('Lower lid site omitted');
    await page.getByTestId('amend-passphrase').fill(DANA);
    await page.getByTestId('amend-passphrase').press('Enter');
    await expect(page.getByText('Amendment of a signed session')).toContainText('Lower lid site omitted');

    // Omar signs the amendment: chosen in the dialog, his own passphrase (Dana's does not sign as him).
    await page.getByTestId('sign').click();
    await page.getByTestId('sign-account').selectOption({ label: 'Omar Haddad, DO' });
    await page.getByTestId('sign-passphrase').fill(DANA);
    await page.getByTestId('sign-passphrase').press('Enter');
    await expect(page.getByRole('dialog').getByRole('alert').last()).toContainText('The passphrase is not right');
    await page.getByTestId('sign-passphrase').fill(OMAR);
    await page.getByTestId('sign-passphrase').press('Enter');
    await expect(page.getByTestId('signed-by')).toContainText('Omar Haddad, DO');

    // Settings: Omar is now the current account; Dana takes it back with her passphrase and deactivates his.
    await page.getByRole('button', { name: 'Settings' }).click();
    const accounts = page.getByRole('region', { name: 'Clinician accounts' });
    const row = (name: string) => accounts.getByTestId('account-row').filter({ hasText: name });
    await expect(row('Omar Haddad, DO')).toContainText('current');
    await accounts.getByRole('button', { name: 'Use the account of Dana Reyes, MD' }).click();
    await expect(accounts.getByTestId('account-passphrase')).toBeFocused();
    await page.keyboard.type(OMAR);
    await page.keyboard.press('Enter');
    await expect(accounts.getByRole('alert')).toContainText('The passphrase is not right');
    await accounts.getByTestId('account-passphrase').fill(DANA);
    await accounts.getByTestId('account-passphrase').press('Enter');
    await expect(row('Dana Reyes, MD')).toContainText('current');
    await accounts.getByRole('button', { name: 'Deactivate Omar Haddad, DO' }).click();
    await expect(accounts.getByTestId('account-confirm')).toContainText('It keeps its 1 signature but can no longer sign');
    await accounts.getByTestId('account-passphrase').fill(DANA);
    await accounts.getByTestId('account-passphrase').press('Enter');
    await expect(row('Omar Haddad, DO')).toContainText('deactivated');
    await accounts.getByTestId('add-account-name').fill('Lena Park');
    await accounts.getByTestId('add-account-credentials').fill('NP');
    await accounts.getByTestId('add-account').click();
    await expect(row('Lena Park, NP')).toContainText('none: cannot sign');
    for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await accounts.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/accounts-settings-${w}.png` });
    }
    const signatures = backend.db.prepare('SELECT signed_by FROM sessions ORDER BY signed_at').pluck().all();
    expect(signatures).toEqual(['Dana Reyes, MD', 'Omar Haddad, DO']);
    expect(problems).toEqual([]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
