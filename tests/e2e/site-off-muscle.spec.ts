// A site charted before points had to lie on their muscle (its muscle changed from the site list, its point
// left where it was): the site list says so, and in a draft one click moves the point onto the muscle named.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import { getView } from '../../shared/atlas/index.ts';
import { siteRegionProblem } from '../../shared/atlas/site-region.ts';
import type { Site } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clinic, regionMiddle, savedSites, SHOTS, today } from './chair-helpers.ts';
import { shootBoth } from './canvas.ts';

let dir: string;
let backend: Backend;

test.beforeEach(async ({ page }) => {
  dir = tempDir('toxinmap-off-muscle-');
  backend = await attachBackend(page, dir);
  fs.mkdirSync(SHOTS, { recursive: true });
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

test('a site whose point lies off its muscle is marked, and moved onto the muscle in one click', async ({ page }) => {
  const problems = collectPageProblems(page);
  const patientId = await clinic(backend);
  const session = await call<{ id: string }>(backend, 'session:create', { patientId, date: today(), indication: 'chronic_migraine' });
  const onFrontalis = regionMiddle('face_front', 'frontalis', 'left');
  const kept = await call<Site>(backend, 'site:add', { sessionId: session.id, viewId: 'face_front', viewVersion: 1, ...onFrontalis, muscleId: 'frontalis', side: 'left', units: 5 });
  const legacy = await call<Site>(backend, 'site:add', { sessionId: session.id, viewId: 'face_front', viewVersion: 1, ...onFrontalis, muscleId: 'frontalis', side: 'left', units: 2.5 });
  // As an earlier version left it: the point on the procerus, the site still naming the left frontalis.
  const onProcerus = regionMiddle('face_front', 'procerus', 'midline');
  backend.db.prepare('UPDATE sites SET x = ?, y = ? WHERE id = ?').run(onProcerus.x, onProcerus.y, legacy.id);

  await page.goto('/');
  await page.getByRole('button', { name: 'MOREAU, Léa' }).first().click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  const rows = page.getByTestId('site-row');
  await expect(rows.filter({ has: page.getByTestId('site-off-muscle') })).toHaveAttribute('data-site-id', legacy.id);
  const row = page.locator(`[data-testid="site-row"][data-site-id="${legacy.id}"]`);
  await expect(rows.filter({ hasNot: page.getByTestId('site-off-muscle') })).toHaveAttribute('data-site-id', kept.id);
  await shootBoth(page, `${SHOTS}/site-off-muscle`);

  await expect(row.getByTestId('site-off-muscle')).toHaveText('Its point lies off Frontalis (left): select the site to move it.');
  await row.locator('.site-name').click();
  const fix = row.getByTestId('site-off-muscle-fix');
  await expect(fix).toContainText('is not on Frontalis (left)');
  await shootBoth(page, `${SHOTS}/site-off-muscle-fix`);
  await fix.getByRole('button', { name: 'Move the point onto Frontalis (left)' }).click();
  await expect(page.getByTestId('site-off-muscle-fix')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('site-off-muscle')).toHaveCount(0);
  const moved = (await savedSites(backend, session.id)).find((s) => s.id === legacy.id);
  if (!moved) throw new Error('the site is gone');
  expect(siteRegionProblem(getView('face_front', 1), moved, 'frontalis', 'left')).toBeNull();
  expect({ muscleId: moved.muscleId, side: moved.side, units: moved.units }).toEqual({ muscleId: 'frontalis', side: 'left', units: 2.5 });
  // Undo would put the point back off its muscle, which the record no longer accepts: refused, said, nothing changed.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'is not on Frontalis (left)' })).toBeVisible();
  await shootBoth(page, `${SHOTS}/site-off-muscle-undo`);
  const after = (await savedSites(backend, session.id)).find((s) => s.id === legacy.id);
  expect({ x: after?.x, y: after?.y }).toEqual({ x: moved.x, y: moved.y });
  expect(problems).toEqual([]);
});
