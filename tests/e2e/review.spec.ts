import fs from 'node:fs';
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
  dir = tempDir('toxinmap-e2e-review-');
  backend = await attachBackend(page, dir);
  await page.setViewportSize({ width: 1400, height: 900 });
  await call(backend, 'clinician:add', signingClinician());
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

/** Six signed cervical dystonia sessions 13 weeks apart over eighteen months, the last 98 days ago (so 14 days overdue). */
const PLAN = [
  { scm: 40, splenius: 60, trapezius: 0, twstrs: '44', lot: 'CD0-7781' },
  { scm: 40, splenius: 60, trapezius: 0, twstrs: '40', lot: 'RX-4201' },
  { scm: 50, splenius: 60, trapezius: 0, twstrs: '36', lot: 'CD2-1100' },
  { scm: 50, splenius: 70, trapezius: 30, twstrs: '33', lot: 'CD3-1200' },
  { scm: 60, splenius: 70, trapezius: 30, twstrs: '30', lot: 'RX-4202' },
  { scm: 60, splenius: 80, trapezius: 30, twstrs: '28', lot: 'CD5-1300' },
];

async function seedPatient(): Promise<{ patientId: string; sessions: SessionDetail[] }> {
  const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'CD-5100', familyName: 'Moreau', givenName: 'Lise', birthDate: '1965-03-02' });
  const sessions: SessionDetail[] = [];
  for (const [k, p] of PLAN.entries()) {
    const date = iso(addDays(today, -98 - 91 * (PLAN.length - 1 - k)));
    const s = await call<SessionDetail>(backend, 'session:create', { patientId: patient.id, date, indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
    await call(backend, 'vial:add', { sessionId: s.id, productId: 'onabotulinumtoxinA', sizeUnits: 200, lot: p.lot, expiry: iso(addDays(today, 400)), diluentMl: 2 });
    const sites: Array<[string, 'left' | 'right', number]> = [['sternocleidomastoid', 'left', p.scm], ['splenius_capitis', 'right', p.splenius]];
    if (p.trapezius) sites.push(['trapezius_upper', 'right', p.trapezius]);
    for (const [m, side, units] of sites) await call(backend, 'site:add', { sessionId: s.id, ...siteAt('cervical_dystonia', m, side, { superficialOnly: true }), units });
    await call(backend, 'score:add', { sessionId: s.id, scaleId: 'twstrs', value: p.twstrs });
    await call(backend, 'session:sign', { id: s.id, passphrase: SIGNING_PASSPHRASE });
    sessions.push(s);
  }
  return { patientId: patient.id, sessions };
}

test('history of six sessions: thumbnails, read-only session, comparison, dose beside TWSTRS, follow-up, overlay while charting', async ({ page }) => {
  const problems = collectPageProblems(page);
  const { sessions } = await seedPatient();
  await page.goto('/');
  await page.getByTestId('worklist').getByRole('link', { name: 'MOREAU, Lise' }).first().click();

  const cards = page.getByTestId('history-card');
  await expect(cards).toHaveCount(6);
  // One thumbnail per charted view of each session, drawn from the atlas vectors.
  for (let i = 0; i < 6; i += 1) await expect(cards.nth(i).locator('[data-view]').first()).toBeVisible();
  await expect(cards.nth(0).getByTestId('history-total')).toContainText('170 U BOTOX');
  await expect(cards.nth(0).getByTestId('history-interval')).toContainText('91 days (13 wk) since previous');
  await expect(cards.nth(5).getByTestId('history-interval')).toContainText('first recorded');
  await expect(cards.nth(0).getByTestId('history-score')).toContainText('TWSTRS total 28');
  // Dose per muscle beside TWSTRS, as a chart and as a table.
  await expect(page.getByTestId('dose-trend-chart').locator('canvas').first()).toBeVisible();
  await page.getByTestId('dose-trend-toggle').click();
  const trend = page.getByTestId('dose-trend-table');
  await expect(trend.locator('thead')).toContainText('Splenius capitis R (BOTOX)');
  await expect(trend.locator('thead')).toContainText('TWSTRS total');
  await expect(trend.locator('tbody tr')).toHaveCount(6);
  await expect(trend.locator('tbody tr').last()).toContainText('80 U');
  await expect(trend.locator('tbody tr').last()).toContainText('28');
  await shootBoth(page, 'test-results/review/history-trend', page.getByTestId('dose-trend').first());
  await shootBoth(page, 'test-results/review/history', page.getByTestId('session-list').first());

  // Open an earlier session: read-only, exactly as charted.
  await cards.nth(3).getByRole('button', { name: /Open the session/ }).click();
  await expect(page.getByTestId('signed-by')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByTestId('site-row')).toHaveCount(2);
  await shootBoth(page, 'test-results/review/read-only');
  await page.getByRole('button', { name: 'Back to patient' }).click();

  // Compare the latest with the one three visits before.
  await cards.nth(0).getByTestId('compare-pick').click();
  await cards.nth(2).getByTestId('compare-pick').click();
  await expect(cards.nth(2).getByTestId('compare-pick')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('compare-selected').click();
  const rows = page.getByTestId('compare-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Sternocleidomastoid (left)' }).getByTestId('compare-diff')).toHaveText('+10 U');
  await expect(rows.filter({ hasText: 'Splenius capitis (right)' }).getByTestId('compare-diff')).toHaveText('+10 U');
  await expect(rows.filter({ hasText: 'Trapezius' }).getByTestId('compare-diff')).toHaveText('same');
  await expect(page.getByTestId('compare-total-diff')).toHaveText('+20 U');
  await expect(page.getByTestId('compare-screen').locator('svg[data-view] circle[data-tone="ghost"]').first()).toBeAttached();
  await shootBoth(page, 'test-results/review/compare');
  await shootBoth(page, 'test-results/review/compare-table', page.getByTestId('compare-table').first());
  await page.getByRole('button', { name: 'Back to the patient' }).click();

  // A follow-up visit of the latest treatment, at peak effect.
  await cards.nth(0).getByTestId('add-followup').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('followup-date').fill(iso(addDays(today, -60)));
  await dialog.getByTestId('followup-onset').fill(iso(addDays(today, -94)));
  await dialog.getByTestId('followup-score-twstrs').fill('22');
  await dialog.getByTestId('followup-score-cgi_i').selectOption('2');
  await dialog.getByTestId('followup-score-pgi_i').selectOption('3');
  await dialog.getByTestId('followup-satisfaction').selectOption('8');
  await dialog.getByTestId('followup-add-event').click();
  await dialog.getByLabel('Description').fill('mild dysphagia for a week');
  await dialog.getByLabel('Related to the treatment').selectOption('probable');
  await shootBoth(page, 'test-results/review/follow-up');
  // Enter twice from a field: the visit is recorded once.
  await dialog.getByTestId('followup-score-twstrs').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const recorded = await call<{ sessions: Array<{ followUps: unknown[] }> }>(backend, 'review:history', { patientId: sessions[0]?.patientId });
  expect(recorded.sessions.flatMap((x) => x.followUps)).toHaveLength(1);
  const followUp = cards.nth(0).getByTestId('history-followup');
  await expect(followUp).toContainText('TWSTRS total 22');
  await expect(followUp).toContainText('CGI-I, clinician (recalled) 2 (much improved)');
  await expect(followUp).toContainText('satisfaction 8/10');
  await expect(followUp).toContainText('mild dysphagia for a week (mild, probable)');
  // Back from the comparison the figures are folded again; the follow-up's date is a row of its own.
  await page.getByTestId('dose-trend-toggle').click();
  await expect(trend.locator('tbody tr')).toHaveCount(7);
  await expect(trend.locator('tbody tr').last()).toContainText('(follow-up)');
  await expect(trend.locator('tbody tr').last()).toContainText('22');

  // While charting a new session, the previous map is overlaid faded on demand.
  const draft = await call<SessionDetail>(backend, 'session:create', { patientId: sessions[0]?.patientId, date: iso(today), indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  // A reload in the middle reopens the same patient.
  await page.reload();
  await expect(page.getByTestId('patient-name')).toHaveText('MOREAU, Lise');
  await page.getByTestId('session-list').getByRole('button', { name: /Open the session/ }).first().click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  const overlay = page.getByTestId('overlay-previous');
  await expect(overlay).not.toBeChecked();
  const before = await page.getByTestId('chart-canvas').screenshot();
  await overlay.check();
  await expect.poll(async () => Buffer.compare(before, await page.getByTestId('chart-canvas').screenshot())).not.toBe(0);
  await expect(page.getByTestId('site-row')).toHaveCount(0);
  expect(draft.sites).toHaveLength(0);
  await shootBoth(page, 'test-results/review/overlay');
  expect(problems).toEqual([]);
});

test('worklist: an overdue patient and an expiring authorization; lot recall finds the sessions of a lot and exports them', async ({ page }) => {
  const problems = collectPageProblems(page);
  const { patientId } = await seedPatient();
  await call(backend, 'priorAuth:save', { patientId, payer: 'Acme Health', number: 'PA-9931', validFrom: iso(addDays(today, -300)), validTo: iso(addDays(today, 20)), approvedUnits: 2000 });
  const other = await call<{ id: string }>(backend, 'patient:create', { mrn: 'CD-5200', familyName: 'Adeyemi', givenName: 'Tolu', birthDate: '1970-01-01' });
  const recent = await call<SessionDetail>(backend, 'session:create', { patientId: other.id, date: iso(addDays(today, -10)), indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  await call(backend, 'vial:add', { sessionId: recent.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'rx-4203', expiry: iso(addDays(today, 400)), diluentMl: 2 });
  await call(backend, 'site:add', { sessionId: recent.id, ...siteAt('cervical_dystonia', 'sternocleidomastoid', 'left', { superficialOnly: true }), units: 30 });
  await call(backend, 'session:sign', { id: recent.id, passphrase: SIGNING_PASSPHRASE });

  await page.goto('/');
  const due = page.getByTestId('worklist-due-row');
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('MOREAU, Lise');
  await expect(due).toContainText('overdue 14 days');
  await expect(page.getByTestId('worklist-auth-row')).toContainText('ends in 20 days');
  await expect(page.getByTestId('worklist-auth-row')).toContainText('PA-9931');
  await shootBoth(page, 'test-results/review/worklist');
  // Keyboard only: Tab to the overdue patient and open with Enter.
  await due.getByRole('link', { name: 'MOREAU, Lise' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('patient-name')).toHaveText('MOREAU, Lise');

  await page.getByRole('button', { name: 'Lot recall' }).click();
  await page.getByTestId('lot-prefix').fill('rx-42');
  const rows = page.getByTestId('lot-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('lot-summary')).toContainText('3 vials in 3 sessions of 2 patients');
  await expect(rows.filter({ hasText: 'RX-4201' }).getByTestId('lot-units')).toHaveText('100 U');
  await expect(rows.filter({ hasText: 'rx-4203' }).getByTestId('lot-units')).toHaveText('30 U');
  await shootBoth(page, 'test-results/review/lot-recall');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lot-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^lot-recall-rx-42-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv).toHaveLength(4);
  expect(csv[0]).toContain('Units from this vial (U)');
  expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['RX-4201', 'RX-4202', 'rx-4203']);
  await page.getByTestId('lot-prefix').fill('nothing-like-it');
  await expect(page.getByTestId('lot-summary')).toContainText('No vial with a lot starting');
  expect(problems).toEqual([]);
});

test('Modified Ashworth per muscle and side at a spasticity session, kept with the session', async ({ page }) => {
  const problems = collectPageProblems(page);
  const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'UL-3300', familyName: 'Haddad', givenName: 'Omar', birthDate: '1958-11-09' });
  const s = await call<SessionDetail>(backend, 'session:create', { patientId: patient.id, date: iso(today), indication: 'upper_limb_spasticity', productId: 'onabotulinumtoxinA' });
  await page.goto('/');
  await page.getByTestId('patient-results').getByRole('button', { name: 'HADDAD, Omar' }).click();
  await page.getByTestId('session-list').getByRole('button', { name: /Open the session/ }).first().click();
  await page.getByTestId('details-tab').click();
  const grades = page.getByTestId('muscle-grades');
  await grades.getByTestId('grade-muscle').selectOption({ label: 'Biceps brachii (left)' });
  await grades.getByTestId('grade-value').selectOption('1+');
  await grades.getByRole('button', { name: 'Record grade' }).click();
  await expect(grades).toContainText('Biceps brachii (left): 1+');
  await grades.getByTestId('grade-muscle').selectOption({ label: 'Biceps brachii (right)' });
  await grades.getByTestId('grade-value').selectOption('3');
  await grades.getByRole('button', { name: 'Record grade' }).click();
  await expect(grades).toContainText('Biceps brachii (right): 3');
  await shootBoth(page, 'test-results/review/ashworth', page.getByTestId('muscle-grades').first());
  const stored = await call<Array<{ muscleId: string; side: string; value: string }>>(backend, 'muscleScore:list', { sessionId: s.id });
  expect(stored.map((g) => `${g.muscleId} ${g.side} ${g.value}`)).toEqual(['biceps_brachii left 1+', 'biceps_brachii right 3']);
  expect(problems).toEqual([]);
});
