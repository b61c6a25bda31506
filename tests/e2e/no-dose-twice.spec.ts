import { expect, test, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clickMuscle } from './canvas.ts';
import { SIGNING_PASSPHRASE, signingClinician } from '../helpers/signing.ts';

/** Saving a site takes this long here, as on a busy disk: long enough for a second press to land while the first is in flight. */
const SLOW_SAVE_MS = 400;

/** A clinician profile, a patient and an empty migraine draft with its product and vial, opened on the chart. */
async function openDraft(page: Page, backend: Backend): Promise<string> {
  await call(backend, 'clinician:add', signingClinician());
  const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'CM-0777', familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1979-11-23' });
  const today = new Date().toISOString().slice(0, 10);
  const session = await call<SessionDetail>(backend, 'session:create', { patientId: patient.id, date: today, indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  // Documented enough to be signed once it has a site.
  const expiry = `${Number(today.slice(0, 4)) + 2}-06-30`;
  await call(backend, 'vial:add', { sessionId: session.id, productId: 'onabotulinumtoxinA', sizeUnits: 100, lot: 'C4512', expiry, diluentMl: 2 });
  await page.goto('/');
  await page.getByRole('button', { name: 'LINDQVIST, Maja' }).click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  return session.id;
}

/** Site markers drawn on the diagram, read from the canvas scene itself. */
function markerCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Node = { getAttr: (key: string) => unknown };
    const konva = (window as unknown as { Konva?: { stages: Array<{ find: (selector: string) => Node[] }> } }).Konva;
    if (!konva) throw new Error('markerCount: no Konva on the page');
    return konva.stages.flatMap((stage) => stage.find('Circle')).filter((c) => typeof c.getAttr('siteId') === 'string').length;
  });
}

async function savedSites(backend: Backend, sessionId: string) {
  const detail = await call<SessionDetail>(backend, 'session:get', { id: sessionId });
  return detail.sites.map((s) => [s.muscleId, s.side, s.units]);
}

/** Everything a clinician could read the count from: the list, the total, the map, and the record itself. */
async function expectOneSite(page: Page, backend: Backend, sessionId: string, site: [string, string, number], total: string) {
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  await expect(page.getByTestId('total-units')).toContainText('1 site');
  await expect(page.getByTestId('total-units')).toContainText(total);
  await expect.poll(() => markerCount(page)).toBe(1);
  expect(await savedSites(backend, sessionId)).toEqual([site]);
}

let dir: string | undefined;
let backend: Backend;
let problems: string[];

test.beforeEach(async ({ page }) => {
  const made = tempDir('toxinmap-e2e-');
  backend = await attachBackend(page, made, { slow: { 'site:add': SLOW_SAVE_MS } });
  dir = made;
  problems = collectPageProblems(page);
});

test.afterEach(() => {
  if (!dir) return;
  backend.close();
  removeDir(dir);
  dir = undefined;
});

test('double-clicking "Place site" places the site once', async ({ page }) => {
  const sessionId = await openDraft(page, backend);
  await clickMuscle(page, 'procerus', 'midline');
  await page.getByTestId('units-input').fill('5');
  await page.getByTestId('confirm-site').dblclick();
  // While the first press is being saved, the button says so and takes no second press.
  await expect.soft(page.getByTestId('confirm-site')).toBeDisabled();
  await expect(page.getByTestId('units-input')).toHaveCount(0);
  await page.waitForTimeout(2 * SLOW_SAVE_MS);
  await expectOneSite(page, backend, sessionId, ['procerus', 'midline', 5], '5 U');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('pressing Enter twice quickly in the units box places the site once', async ({ page }) => {
  const sessionId = await openDraft(page, backend);
  await clickMuscle(page, 'frontalis', 'left');
  await expect(page.getByTestId('units-input')).toBeFocused();
  await page.keyboard.type('2.5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('units-input')).toHaveCount(0);
  await page.waitForTimeout(2 * SLOW_SAVE_MS);
  await expectOneSite(page, backend, sessionId, ['frontalis', 'left', 2.5], '2.5 U');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('on a signed session, Ctrl+Z and Delete change nothing', async ({ page }) => {
  const sessionId = await openDraft(page, backend);
  await clickMuscle(page, 'procerus', 'midline');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  // Signed on this screen, so the undo history of the draft is still there.
  await page.getByTestId('sign').click();
  await page.getByTestId('sign-passphrase').fill(SIGNING_PASSPHRASE);
  await page.getByTestId('confirm-sign').click();
  await expect(page.getByTestId('signed-by')).toContainText('Dana Reyes, MD');
  const before = await savedSites(backend, sessionId);
  expect(before).toEqual([['procerus', 'midline', 5]]);

  await page.getByTestId('site-row').getByRole('button').first().click();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  // Nothing is expected to happen: give a refused change time to come back as an error if one were sent.
  await page.waitForTimeout(500);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  await expect(page.getByTestId('total-units')).toContainText('5 U');
  expect(await markerCount(page)).toBe(1);
  expect(await savedSites(backend, sessionId)).toEqual(before);
  // The audit log holds the one placement and nothing after it.
  expect(backend.db.prepare("SELECT action FROM audit_log WHERE entity = 'sites'").all()).toEqual([{ action: 'insert' }]);
  expect(problems).toEqual([]);
});
