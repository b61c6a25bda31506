import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';

const OUT = 'test-results/settings';
let dir: string;
let backend: Backend;

test.beforeEach(async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = tempDir('toxinmap-e2e-settings-');
  backend = await attachBackend(page, dir);
  await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD' });
  await page.setViewportSize({ width: 1400, height: 900 });
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

const saved = () => call<Settings>(backend, 'settings:get', {});

test('the clinic, theme and charting defaults are saved, survive a reload, and bad values lose nothing', async ({ page }) => {
  const problems = collectPageProblems(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();

  // Clinic details, for the printed summary.
  await page.getByTestId('clinic-name').fill('Lakeside Neurology');
  await page.getByTestId('clinic-address').fill('12 Harbour Road\nPortsmouth PO1 2AB');
  await page.getByTestId('clinic-phone').fill('023 9200 0000');
  await page.getByTestId('save-clinic').click();
  await expect(page.getByRole('status')).toContainText('Clinic details saved');
  await expect(page.getByTestId('save-clinic')).toBeDisabled();
  expect(await saved()).toMatchObject({ clinicName: 'Lakeside Neurology', clinicAddress: '12 Harbour Road\nPortsmouth PO1 2AB' });

  // The theme applies the moment it is chosen, with the keyboard as well as the mouse.
  await page.getByTestId('theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-dark').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await expect.poll(async () => (await saved()).theme).toBe('high-contrast');

  // A units step that is not a number is refused by name, and nothing is written.
  await page.getByTestId('units-step-cervical_dystonia').fill('two');
  await page.getByTestId('save-defaults').click();
  await expect(page.getByRole('alert')).toContainText('units step for Cervical dystonia must be a number');
  expect((await saved()).unitsStep).toEqual({ blepharospasm: 0.25 });
  // One the contract refuses (three decimals) shows its message too.
  await page.getByTestId('units-step-cervical_dystonia').fill('2.555');
  await page.getByTestId('save-defaults').click();
  await expect(page.getByRole('alert')).toContainText('at most two decimals');
  expect((await saved()).unitsStep).toEqual({ blepharospasm: 0.25 });

  await page.getByTestId('units-step-cervical_dystonia').fill('2,5');
  await page.getByLabel('BOTOX diluent mL').fill('2');
  await expect(page.getByTestId('default-dilutions')).toContainText('5 U / 0.1 mL');
  await page.getByTestId('retreatment-days').fill('90');
  await expect(page.getByText('90 days = 12 weeks 6 days')).toBeVisible();
  await page.getByTestId('default-product').selectOption('onabotulinumtoxinA');
  await page.getByTestId('save-defaults').click();
  await expect(page.getByRole('status')).toContainText('Charting defaults saved');
  expect(await saved()).toMatchObject({
    defaultProductId: 'onabotulinumtoxinA',
    defaultDilutions: { onabotulinumtoxinA: { sizeUnits: 100, diluentMl: 2 } },
    unitsStep: { blepharospasm: 0.25, cervical_dystonia: 2.5 },
    defaultRetreatmentDays: 90,
  });

  // Retention: zero is refused with the contract's words.
  await page.getByTestId('keep-automatic').fill('0');
  await page.getByTestId('save-retention').click();
  await expect(page.getByRole('alert')).toContainText('keep at least 1 automatic backup');
  await page.getByTestId('keep-automatic').fill('30');
  await page.getByTestId('save-retention').click();
  await expect(page.getByRole('status')).toContainText('Keeping the last 30 automatic and 10 manual backups');

  for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${OUT}/settings-${w}x${h}.png`, fullPage: true });
  }

  // Everything is there after a restart, in the theme chosen.
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await expect(page.getByTestId('clinic-name')).toHaveValue('Lakeside Neurology');
  await expect(page.getByTestId('units-step-cervical_dystonia')).toHaveValue('2.5');
  await expect(page.getByTestId('keep-automatic')).toHaveValue('30');

  // Each change is in the audit log, by the clinician who made it.
  const audit = await call<Array<{ author: string; entityId: string }>>(backend, 'audit:list', { entity: 'settings' });
  expect(new Set(audit.map((a) => a.entityId))).toEqual(
    new Set(['clinicName', 'clinicAddress', 'clinicPhone', 'theme', 'unitsStep', 'defaultDilutions', 'defaultRetreatmentDays', 'defaultProductId', 'backupRetention']),
  );
  expect(new Set(audit.map((a) => a.author))).toEqual(new Set(['Dana Reyes, MD']));
  expect(problems).toEqual([]);
});

test("a new session takes the clinic's default product, and its vial form the clinic's usual reconstitution", async ({ page }) => {
  await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD', defaultProductId: null });
  await call(backend, 'settings:save', {
    defaultProductId: 'incobotulinumtoxinA',
    defaultDilutions: { incobotulinumtoxinA: { sizeUnits: 200, diluentMl: 4 } },
  });
  await call(backend, 'patient:create', { mrn: 'ST-2', familyName: 'Kowalski', givenName: 'Piotr', birthDate: '1958-02-11' });
  await page.goto('/');
  await page.getByRole('button', { name: 'KOWALSKI, Piotr' }).click();
  await page.getByTestId('indication').selectOption('cervical_dystonia');
  await page.getByTestId('start-session').click();
  await page.getByTestId('details-tab').click();
  await expect(page.getByTestId('product')).toHaveValue('incobotulinumtoxinA');
  const vialForm = page.getByRole('form', { name: 'Add vial' });
  await expect(vialForm.getByLabel('Vial')).toHaveValue('200');
  await expect(vialForm.getByLabel('Diluent mL')).toHaveValue('4');
});
