import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, collectPageProblems } from './bridge.ts';
import { clickMuscle } from './canvas.ts';

test('a session is documented, signed, frozen and corrected by an amendment', async ({ page }) => {
  const dir = tempDir('toxinmap-e2e-');
  const backend = await attachBackend(page, dir);
  const problems = collectPageProblems(page);
  try {
    await page.goto('/');
    // Who signs: the clinician profile.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByTestId('clinician-name').fill('Dana Reyes');
    await page.getByRole('form', { name: 'Clinician profile' }).getByLabel('Credentials').fill('MD');
    await page.getByTestId('save-clinician').click();
    await expect(page.getByText('Profile saved')).toBeVisible();
    // Signing needs the account's passphrase.
    await page.getByTestId('new-passphrase').fill('dana signs with care');
    await page.getByTestId('repeat-passphrase').fill('dana signs with care');
    await page.getByTestId('save-passphrase').click();
    await expect(page.getByTestId('passphrase-state')).toContainText('ask for the passphrase of Dana Reyes');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByTestId('backup-list')).toContainText('manual');
    await page.screenshot({ path: 'test-results/settings.png', fullPage: true });

    // A patient with a condition coded from the reference.
    await page.getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByTestId('new-mrn').fill('BLE-0007');
    await page.getByTestId('new-family').fill('Marchetti');
    await page.getByTestId('new-given').fill('Giulia');
    await page.getByTestId('new-dob').fill('1959-09-30');
    await page.getByTestId('save-patient').click();
    const conditions = page.getByRole('form', { name: 'Add condition' });
    await conditions.getByLabel('Indication').selectOption('blepharospasm');
    await conditions.getByLabel('ICD-10-CM').fill('G24.5');
    await conditions.getByRole('button', { name: 'Add condition' }).click();
    await expect(page.getByRole('region', { name: 'Conditions' })).toContainText('G24.5');
    await page.screenshot({ path: 'test-results/patient.png', fullPage: true });

    // Chart 1.25 U steps on the pretarsal orbicularis oculi; record product and vial.
    await page.getByTestId('indication').selectOption('blepharospasm');
    await page.getByTestId('start-session').click();
    for (const side of ['left', 'right'] as const) {
      await clickMuscle(page, 'orbicularis_oculi_pretarsal', side);
      await page.keyboard.type('1.25');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('units-input')).toHaveCount(0);
    }
    await expect(page.getByTestId('total-units')).toContainText('2.5 U');
    // A site's guidance and note.
    await page.getByTestId('site-row').first().getByRole('button').first().click();
    await page.getByRole('combobox', { name: 'Guidance' }).selectOption('emg');
    await page.getByRole('textbox', { name: 'Note' }).fill('medial third of the lid');
    await page.getByRole('textbox', { name: 'Note' }).press('Enter');
    await expect.poll(() => backend.db.prepare('SELECT guidance, note FROM sites WHERE seq = 1').get()).toEqual({ guidance: 'emg', note: 'medial third of the lid' });
    await page.getByTestId('details-tab').click();
    await page.getByLabel('Hemifacial spasm').click();
    await expect(page.getByLabel('Hemifacial spasm')).toBeChecked();
    await expect.poll(() => backend.db.prepare('SELECT other_indications FROM sessions').get()).toEqual({ other_indications: '["hemifacial_spasm"]' });
    await page.getByTestId('product').selectOption('onabotulinumtoxinA');
    const vial = page.getByRole('form', { name: 'Add vial' });
    await vial.getByLabel('Vial').selectOption('100');
    await vial.getByLabel('Lot').fill('C4512');
    await vial.getByLabel('Expiry').fill('2027-06-30');
    await vial.getByLabel('Diluent mL').fill('4');
    await vial.getByRole('button', { name: 'Add vial' }).click();
    await expect(page.getByTestId('session-details')).toContainText('2.5 U/0.1 mL');
    const score = page.getByRole('form', { name: 'Add score' });
    await score.getByLabel('Scale').selectOption('jrs');
    await score.getByLabel('Value').fill('9');
    await score.getByRole('button', { name: 'Add score' }).click();
    await expect(score.getByRole('alert')).toContainText('0 to 8');
    await score.getByLabel('Value').fill('6');
    await score.getByRole('button', { name: 'Add score' }).click();
    await expect(page.getByTestId('session-details')).toContainText('Jankovic Rating Scale: 6');
    await page.screenshot({ path: 'test-results/session-details.png', fullPage: true });

    // Sign: the record freezes.
    await page.getByTestId('sign').click();
    await page.getByTestId('sign-passphrase').fill('dana signs with care');
    await page.getByTestId('confirm-sign').click();
    await expect(page.getByTestId('signed-by')).toContainText('Dana Reyes, MD');
    await page.getByRole('tab', { name: 'Sites' }).click();
    await expect(page.getByRole('button', { name: /Delete site/ })).toHaveCount(0);
    // 1.25 U at 2.5 U/0.1 mL is 0.05 mL.
    await expect(page.getByTestId('site-row').first()).toContainText('0.05 mL');
    await page.screenshot({ path: 'test-results/signed.png', fullPage: true });
    // The session's history, from the audit log.
    await page.getByTestId('history-tab').click();
    const history = page.getByTestId('session-history');
    await expect(history).toContainText('Signed by Dana Reyes, MD');
    await expect(history).toContainText('guidance none → emg');
    await expect(history).toContainText('Vial recorded: 100 U, lot C4512');
    await page.screenshot({ path: 'test-results/history.png', fullPage: true });

    // Amend with a reason: a new draft linked to the original.
    await page.getByRole('button', { name: 'Amend…' }).click();
    await page.getByPlaceholder('Reason for the amendment').fill('Right lower lid site omitted');
    await page.getByTestId('amend-passphrase').fill('dana signs with care');
    await page.getByRole('button', { name: 'Start amendment' }).click();
    await expect(page.getByText('Amendment of a signed session')).toContainText('Right lower lid site omitted');
    await expect(page.getByTestId('site-row')).toHaveCount(2);
    // The omitted site, placed by naming the muscle (no pointer needed).
    await page.getByTestId('place-by-muscle').fill('pretarsal r lower lat');
    await page.getByTestId('place-by-muscle').press('Enter');
    await expect(page.getByTestId('pending-location')).toHaveText('lower lid, lateral');
    await expect(page.getByTestId('units-input')).toBeFocused();
    await expect(page.getByTestId('units-input')).toHaveValue('1.25');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('site-row')).toHaveCount(3);
    await expect(page.getByTestId('total-units')).toContainText('3.75 U');

    const rows = backend.db.prepare('SELECT status, amends_session_id FROM sessions ORDER BY created_at').all();
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { status: 'signed', amends_session_id: null },
      { status: 'draft', amends_session_id: expect.any(String) },
    ]);
  } finally {
    backend.close();
    removeDir(dir);
  }
});
