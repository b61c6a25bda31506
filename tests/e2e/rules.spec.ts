import { expect, test } from '@playwright/test';
import { addDays, format } from 'date-fns';
import type { Backend } from '../../electron/backend.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { shootBoth, siteAt } from './canvas.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

const today = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');



let dir: string;
let backend: Backend;
test.beforeEach(async ({ page }) => {
  dir = tempDir('toxinmap-e2e-rules-');
  backend = await attachBackend(page, dir);
  await page.setViewportSize({ width: 1400, height: 900 });
  await call(backend, 'clinician:add', signingClinician());
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

test('PREEMPT from the template: 155 U, J0585 × 155, JW × 45 from a 200 U vial, and 64615', async ({ page }) => {
  const problems = collectPageProblems(page);
  await call(backend, 'patient:create', { mrn: 'CM-7001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1981-02-14' });
  await page.goto('/');
  await page.getByRole('button', { name: 'OKAFOR, Ada' }).click();
  await page.getByTestId('indication').selectOption('chronic_migraine');
  await page.getByTestId('start-from').selectOption({ label: 'Protocol: PREEMPT fixed sites (31 sites, 155 U)' });
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('site-row')).toHaveCount(31);

  // Product and one 200 U vial with 4 mL, entered as the nurse would.
  await page.getByTestId('details-tab').click();
  await page.getByTestId('product').selectOption('onabotulinumtoxinA');
  const vialForm = page.getByRole('form', { name: 'Add vial' });
  await vialForm.getByLabel('Vial').selectOption('200');
  await vialForm.getByLabel('Lot').fill('C7781');
  await vialForm.getByLabel('Expiry').fill(iso(addDays(today, 400)));
  await vialForm.getByLabel('Diluent mL').fill('4');
  await vialForm.getByRole('button', { name: 'Add vial' }).click();
  await expect(page.getByText('→ 5 U/0.1 mL')).toBeVisible();

  await page.getByTestId('checks-tab-button').click();
  await expect(page.getByTestId('derived-total')).toContainText('155 U');
  await expect(page.getByTestId('derived-total')).toContainText('31 sites');
  await expect(page.getByTestId('hcpcs-admin')).toContainText('J0585');
  await expect(page.getByTestId('hcpcs-admin')).toContainText('× 155');
  await expect(page.getByTestId('hcpcs-jw')).toContainText('J0585-JW');
  await expect(page.getByTestId('hcpcs-jw')).toContainText('× 45');
  await expect(page.getByTestId('cpt-64615')).toContainText('× 1');
  await expect(page.getByTestId('cpt-lines').locator('tr')).toHaveCount(1);
  await expect(page.getByTestId('findings').locator('.finding-warning')).toHaveCount(0);
  await expect(page.getByTestId('checks-summary')).toContainText('No dose warnings');
  await shootBoth(page, 'test-results/rules/preempt-checks');
  expect(problems).toEqual([]);
});

test('cervical dystonia over the limits: warnings with sources, one acknowledged, signed, and the signed record keeps both', async ({ page }) => {
  const problems = collectPageProblems(page);
  const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'CD-7002', familyName: 'Brandt', givenName: 'Jonas', birthDate: '1966-07-30' });
  // 14 days ago: 215 U of Dysport given elsewhere.
  await call(backend, 'externalDose:add', { patientId: patient.id, date: iso(addDays(today, -14)), productId: 'abobotulinumtoxinA', units: 215, where: 'Northside neurology' });
  const session = await call<SessionDetail>(backend, 'session:create', { patientId: patient.id, date: iso(today), indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  const sites: Array<[string, 'left' | 'right', number]> = [
    ['sternocleidomastoid', 'left', 120],
    ['splenius_capitis', 'right', 50], ['splenius_capitis', 'right', 50], ['splenius_capitis', 'right', 50],
    ['trapezius_upper', 'right', 50], ['trapezius_upper', 'right', 50], ['levator_scapulae', 'right', 40], ['semispinalis_capitis', 'right', 40],
  ];
  for (const [m, side, units] of sites) await call(backend, 'site:add', { sessionId: session.id, ...siteAt('cervical_dystonia', m, side), units });
  await call(backend, 'vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'OLD-17', expiry: iso(addDays(today, -3)), diluentMl: 2 });
  await call(backend, 'vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: 'R-3D', expiry: iso(addDays(today, 300)), diluentMl: 2, reconstitutedAt: addDays(today, -3).toISOString() });
  await call(backend, 'vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'OK-1', expiry: iso(addDays(today, 300)), diluentMl: 1 });

  await page.goto('/');
  await page.getByRole('button', { name: 'BRANDT, Jonas' }).click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  await expect(page.getByTestId('checks-summary')).toContainText('not acknowledged');
  await page.getByTestId('checks-tab-button').click();
  await expect(page.getByTestId('derived-total')).toContainText('450 U');

  const expectFinding = async (kind: string, text: RegExp, source: string) => {
    const item = page.getByTestId(`finding-${kind}`).filter({ hasText: text }).first();
    await expect(item).toBeVisible();
    await expect(item.locator('.src', { hasText: source }).first()).toBeVisible();
  };
  await expectFinding('per_site_max', /120 U at one site/, 'S04');
  await expectFinding('per_muscle_max', /Sternocleidomastoid \(left\): BOTOX 120 U/, 'S04');
  await expectFinding('rolling_window_max', /450 U within 90 days/, 'S01');
  await expectFinding('interval_under_12_weeks', /14 days/, 'S73');
  await expectFinding('product_changed', /Dysport 215 U/, 'S04');
  await expectFinding('cross_product_units', /given elsewhere: Northside neurology/, 'S21');
  await expectFinding('reconstitution_window', /R-3D/, 'S03');
  await expect(page.getByTestId('finding-expired_lot')).toContainText('OLD-17');
  await expect(page.getByTestId('hcpcs-admin')).toContainText('× 450');
  await expect(page.getByTestId('hcpcs-jw')).toContainText('× 50');
  await expect(page.getByTestId('cpt-64616')).toContainText('× 2');
  await shootBoth(page, 'test-results/rules/cd-warnings');

  // Acknowledge the SCM warning with a reason.
  const scm = page.getByTestId('finding-per_muscle_max').filter({ hasText: 'Sternocleidomastoid (left)' });
  await scm.getByRole('button', { name: 'Acknowledge…' }).click();
  await scm.getByLabel('Reason').fill('Severe rotational torticollis; 120 U tolerated before without dysphagia');
  await scm.getByLabel('Reason').press('Enter');
  await expect(scm.getByTestId('acknowledgement')).toContainText('Acknowledged by Dana Reyes');

  // Signing asks once more and lists the warnings still open; the clinician signs anyway.
  await page.getByTestId('sign').click();
  const open = page.getByTestId('sign-open-warnings');
  await expect(open).toContainText('warnings are not acknowledged');
  await expect(open).toContainText('450 U within 90 days');
  await expect(open).toContainText('7 warnings');
  await expect(open).not.toContainText('limiting the SCM dose');
  await shootBoth(page, 'test-results/rules/cd-sign-confirm');
  await page.getByTestId('sign-passphrase').fill(SIGNING_PASSPHRASE);
  await page.getByTestId('confirm-sign').click();
  await expect(page.getByTestId('signed-by')).toContainText('Signed by Dana Reyes');

  // The signed record shows the warnings and the decision as they stood at signing, also after a reload.
  await page.reload();
  // The window reopens on the same chart.
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await page.getByTestId('checks-tab-button').click();
  await expect(page.getByText('As signed:')).toBeVisible();
  await expect(page.getByTestId('finding-rolling_window_max')).toBeVisible();
  await expect(page.getByTestId('findings').getByTestId('acknowledgement')).toContainText('Severe rotational torticollis');
  await expect(page.getByRole('button', { name: 'Acknowledge…' })).toHaveCount(0);
  await shootBoth(page, 'test-results/rules/cd-signed');
  const derived = await call<{ signedSnapshot?: { derivedAt: string }; findings: Array<{ kind: string; acknowledgement?: { reason: string } }> }>(backend, 'session:derive', { sessionId: session.id });
  expect(derived.signedSnapshot).toBeTruthy();
  expect(derived.findings.filter((f) => f.acknowledgement).map((f) => f.kind)).toEqual(['per_muscle_max']);
  expect(problems).toEqual([]);
});
