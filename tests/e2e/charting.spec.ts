import { expect, test } from '@playwright/test';
import { getView } from '../../shared/atlas/index.ts';
import { siteRegionProblem } from '../../shared/atlas/site-region.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, collectPageProblems } from './bridge.ts';
import { pagePoint, regionPoint } from './canvas.ts';

test('a clinician adds a patient, charts a session, and finds it intact after reopening', async ({ page, browser }) => {
  const dir = tempDir('toxinmap-e2e-');
  try {
    // 1. Start the app: the patient list is empty.
    let backend = await attachBackend(page, dir);
    const problems = collectPageProblems(page);
    await page.goto('/');
    await expect(page.getByTestId('no-patients')).toBeVisible();

    // 2. Add a patient, then find them by part of the name and by MRN.
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByTestId('new-mrn').fill('E2E-0042');
    await page.getByTestId('new-family').fill('Okafor');
    await page.getByTestId('new-given').fill('Adaeze');
    await page.getByTestId('new-dob').fill('1968-04-02');
    await page.getByTestId('save-patient').click();
    await expect(page.getByTestId('patient-name')).toHaveText('OKAFOR, Adaeze');
    await page.getByRole('button', { name: 'All patients' }).click();
    await page.getByTestId('patient-search').fill('oka');
    await expect(page.getByTestId('patient-results')).toContainText('OKAFOR, Adaeze');
    await page.getByTestId('patient-search').fill('e2e-00');
    await expect(page.getByTestId('patient-results')).toContainText('E2E-0042');
    await page.getByTestId('patient-search').fill('nobody');
    await expect(page.getByTestId('no-patients')).toBeVisible();
    await page.getByTestId('patient-search').fill('adaeze');
    await page.getByRole('button', { name: 'OKAFOR, Adaeze' }).click();

    // 3. Start a session: date defaults to today, indication chosen from the list.
    await page.getByTestId('indication').selectOption('chronic_migraine');
    await page.getByTestId('start-session').click();
    await expect(page.getByTestId('chart-canvas')).toBeVisible();

    // 4. Place sites by clicking the diagram and typing units; delete one.
    const charted: Array<[string, 'left' | 'right' | 'midline', string]> = [
      ['frontalis', 'left', '5'],
      ['frontalis', 'right', '5'],
      ['procerus', 'midline', '5'],
      ['corrugator_supercilii', 'left', '2.5'],
    ];
    // Pointing names the muscle under the pointer before anything is placed.
    const hover = await pagePoint(page, regionPoint('frontalis', 'left'));
    await page.mouse.move(hover.x, hover.y);
    await expect(page.getByTestId('hovered')).toHaveText('Frontalis (L)');
    for (const [muscle, side, units] of charted) {
      const p = await pagePoint(page, regionPoint(muscle, side));
      await page.mouse.click(p.x, p.y);
      await expect(page.getByTestId('units-input')).toBeFocused();
      await page.keyboard.type(units);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('units-input')).toHaveCount(0);
    }
    await expect(page.getByTestId('site-row')).toHaveCount(4);
    await expect(page.getByTestId('total-units')).toContainText('17.5 U');
    // The muscle found by the click can be corrected; undo puts it back.
    const sideOf4 = () => (backend.db.prepare('SELECT side FROM sites WHERE seq = 4').get() as { side: string }).side;
    await page.getByTestId('site-row').nth(3).getByRole('button').first().click();
    await page.getByTestId('site-muscle').selectOption('corrugator_supercilii|right');
    await expect(page.getByTestId('site-row').nth(3)).toContainText('Corrugator supercilii R');
    expect(sideOf4()).toBe('right');
    // Named anew, the site moved onto the muscle it now names (the map and the record agree).
    const at4 = backend.db.prepare('SELECT x, y FROM sites WHERE seq = 4').get() as { x: number; y: number };
    expect(siteRegionProblem(getView('face_front'), at4, 'corrugator_supercilii', 'right')).toBeNull();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('site-row').nth(3)).toContainText('Corrugator supercilii L');
    expect(sideOf4()).toBe('left');

    await page.getByRole('button', { name: 'Delete site 2' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(3);
    await expect(page.getByTestId('total-units')).toContainText('12.5 U');
    // Undo brings the deleted site back (saved again), redo deletes it again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(4);
    await expect(page.getByTestId('site-row').nth(1)).toContainText('2Frontalis');
    expect(backend.db.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 4 });
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(3);
    expect(backend.db.prepare('SELECT count(*) AS n FROM sites').get()).toEqual({ n: 3 });

    // A click outside every muscle places nothing and says why.
    const outside = await pagePoint(page, { x: 2, y: 2 });
    await page.mouse.click(outside.x, outside.y);
    await expect(page.getByText('not on a muscle')).toBeVisible();
    await page.screenshot({ path: 'test-results/charting-screen.png', fullPage: true });

    // 5. Close and reopen: the same file, a new backend and a new window.
    const sessionsBefore = backend.db.prepare('SELECT id FROM sessions').all() as Array<{ id: string }>;
    const before = JSON.stringify(backend.db.prepare('SELECT id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units FROM sites ORDER BY seq').all());
    expect(problems).toEqual([]);
    await page.close();
    backend.close();

    const page2 = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    backend = await attachBackend(page2, dir);
    const after = JSON.stringify(backend.db.prepare('SELECT id, seq, diagram_id, diagram_version, x, y, muscle_id, side, units FROM sites ORDER BY seq').all());
    expect(after).toBe(before);
    await page2.goto('/');
    await page2.getByTestId('patient-search').fill('okafor');
    await page2.getByRole('button', { name: 'OKAFOR, Adaeze' }).click();
    await expect(page2.getByTestId('session-list')).toContainText('12.5 U');
    await page2.getByTestId('session-list').getByRole('button').first().click();
    await expect(page2.getByTestId('site-row')).toHaveCount(3);
    await expect(page2.getByTestId('total-units')).toContainText('12.5 U');
    const detail = (await backend.dispatch('session:get', { id: sessionsBefore[0]?.id })) as { ok: true; value: SessionDetail };
    expect(detail.value.sites.map((s) => [s.muscleId, s.side, s.units])).toEqual([
      ['frontalis', 'left', 5],
      ['procerus', 'midline', 5],
      ['corrugator_supercilii', 'left', 2.5],
    ]);
    await page2.screenshot({ path: 'test-results/charting-reopened.png', fullPage: true });
    backend.close();
  } finally {
    removeDir(dir);
  }
});
