// Nothing surprises, nothing is lost: a pen press that slides still places; a reload loses nothing typed; a move into
// another muscle is announced and undone; Escape puts a dragged site back; a refused value reverts and says why;
// eyelids on the eye view at 0.25 U; a session copied forward shows what changed; arm and leg in one session;
// wheel and pinch zoom around the pointer.
import { expect, test, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clinic, openDraft, pointOnCanvas, regionMiddle, regionOnCanvas, savedSites, shot, today } from './chair-helpers.ts';
import { SIGNING_PASSPHRASE } from '../helpers/signing.ts';

let dir: string | undefined;
let backend: Backend;
let problems: string[];

test.beforeEach(async ({ page }) => {
  const made = tempDir('toxinmap-chair-');
  backend = await attachBackend(page, made);
  dir = made;
  problems = collectPageProblems(page);
});

test.afterEach(() => {
  if (!dir) return;
  backend.close();
  removeDir(dir);
  dir = undefined;
});

/** A pen press through Chromium's input pipeline: down, a slide of (dx, dy) in steps, up. */
async function penPress(page: Page, at: { x: number; y: number }, dx: number, dy: number) {
  const cdp = await page.context().newCDPSession(page);
  const event = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen' });
  await event('mousePressed', at.x, at.y);
  for (let i = 1; i <= 3; i++) await event('mouseMoved', at.x + (dx * i) / 3, at.y + (dy * i) / 3);
  await event('mouseReleased', at.x + dx, at.y + dy);
  await cdp.detach();
}

/** Texts the canvas draws on its drag layer right now (the muscle named under a moving marker). */
function dragTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Node = { getAttr: (k: string) => unknown; isVisible: () => boolean };
    const konva = (window as unknown as { Konva?: { stages: Array<{ find: (s: string) => Node[] }> } }).Konva;
    return (konva?.stages ?? []).flatMap((s) => s.find('Text')).filter((t) => t.isVisible()).map((t) => String(t.getAttr('text')));
  });
}

test('a pen press that slides 9 px still places the site where it went down; a long slide pans and places nothing', async ({ page }) => {
  const patientId = await clinic(backend);
  await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const target = await regionOnCanvas(page, 'face_front', 'frontalis', 'left');
  await penPress(page, target, 9, 3);
  await expect(page.getByTestId('pending-muscle')).toContainText('Frontalis');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  const offset = await page.getByTestId('chart-canvas').getAttribute('data-offset');
  await penPress(page, target, 60, 40);
  // A long slide moved the diagram, visibly, and placed nothing.
  await expect(page.getByTestId('chart-canvas')).not.toHaveAttribute('data-offset', offset ?? '');
  await expect(page.getByTestId('units-input')).toHaveCount(0);
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('a reload during charting loses nothing: the site being placed, a units edit and the notes are offered back', async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const procerus = await regionOnCanvas(page, 'face_front', 'procerus', 'midline');
  await page.mouse.click(procerus.x, procerus.y);
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(1);

  // Notes typed, and a site being placed with its units typed, not saved: the window reloads.
  await page.getByTestId('details-tab').click();
  await page.getByTestId('session-notes').fill('Patient reports neck pain after the last visit');
  await page.getByRole('tab', { name: 'Sites' }).click();
  const frontalis = await regionOnCanvas(page, 'face_front', 'frontalis', 'right');
  await page.mouse.click(frontalis.x, frontalis.y);
  await page.getByTestId('units-input').fill('2.5');
  await page.reload();

  // Same patient, same session, same diagram; nothing was saved behind the clinician's back.
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await expect(page.getByTestId('recovered')).toContainText('Frontalis R, 2.5 U typed');
  await expect(page.getByTestId('recovered')).toContainText('session notes');
  expect((await savedSites(backend, session.id)).map((s) => s.units)).toEqual([5]);
  await shot(page, 'reload-offered-back-1400');
  await page.getByTestId('resume-pending').click();
  await expect(page.getByTestId('units-input')).toHaveValue('2.5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(2);
  await page.getByTestId('details-tab').click();
  await expect(page.getByTestId('session-notes')).toHaveValue('Patient reports neck pain after the last visit');
  await expect(page.getByTestId('notes-restored')).toBeVisible();
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByTestId('notes-restored')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Sites' }).click();

  // A units edit still in its field (saved on Enter or when the field is left, so the reload comes first).
  await page.getByRole('textbox', { name: 'Units at site 1' }).fill('7.5');
  await page.reload();
  const units = page.getByRole('textbox', { name: 'Units at site 1' });
  await expect(units).toHaveValue('7.5');
  await expect(page.getByTestId('recovered')).toContainText('units of site 1');
  expect((await savedSites(backend, session.id)).map((s) => s.units)).toEqual([5, 2.5]);
  await units.press('Enter');
  await expect(page.getByTestId('total-units')).toContainText('10 U');
  const saved = await call<SessionDetail>(backend, 'session:get', { id: session.id });
  expect(saved.sites.map((s) => [s.muscleId, s.units])).toEqual([['procerus', 7.5], ['frontalis', 2.5]]);
  expect(saved.notes).toBe('Patient reports neck pain after the last visit');
  // Nothing is offered again after one more reload.
  await page.reload();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await expect(page.getByTestId('site-row')).toHaveCount(2);
  await expect(page.getByTestId('recovered')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('moving a site into a neighbouring muscle names the new muscle, and one undo puts it back; Escape cancels a drag', async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  await page.getByRole('tab', { name: /posterior/ }).click();
  const levator = regionMiddle('head_neck_posterior', 'levator_scapulae', 'left');
  const from = await pointOnCanvas(page, levator, 'head_neck_posterior');
  await page.mouse.click(from.x, from.y);
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toContainText('Levator scapulae L');
  await page.getByTestId('mode-select').click();
  const to = await regionOnCanvas(page, 'head_neck_posterior', 'trapezius_upper', 'left');

  // Escape while dragging: the site stays where it was.
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await expect.poll(() => dragTexts(page)).toContainEqual(expect.stringContaining('Trapezius, upper part L (new muscle)'));
  await shot(page, 'drag-over-new-muscle-1400');
  await page.keyboard.press('Escape');
  await page.mouse.up();
  expect((await savedSites(backend, session.id)).map((s) => s.muscleId)).toEqual(['levator_scapulae']);

  // Let go over the trapezius: the move is saved, announced, and one undo takes it back.
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('move-notice')).toContainText('Site 1 is now in Trapezius, upper part L (was Levator scapulae L)');
  expect((await savedSites(backend, session.id)).map((s) => s.muscleId)).toEqual(['trapezius_upper']);
  await shot(page, 'moved-into-trapezius-1400');
  await page.getByRole('button', { name: 'Undo the move' }).click();
  await expect(page.getByTestId('site-row')).toContainText('Levator scapulae L');
  const back = await savedSites(backend, session.id);
  expect(back.map((s) => [s.muscleId, Math.round(s.x), Math.round(s.y)])).toEqual([['levator_scapulae', Math.round(levator.x), Math.round(levator.y)]]);
  expect(problems).toEqual([]);
});

test('a refused units value goes back to the saved one and says why, next to the field', async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'blepharospasm', productId: 'onabotulinumtoxinA' });
  const p = await regionOnCanvas(page, 'eye_detail', 'orbicularis_oculi_pretarsal', 'right', 'upper-lateral');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.type('2.5');
  await page.keyboard.press('Enter');
  const units = page.getByRole('textbox', { name: 'Units at site 1' });
  await units.fill('2.333');
  await units.press('Tab');
  await expect(units).toHaveValue('2.5');
  await expect(page.getByTestId('site-row').getByRole('alert')).toContainText('“2.333” was not saved: units allow at most two decimals. Still 2.5 U.');
  expect((await savedSites(backend, session.id)).map((s) => s.units)).toEqual([2.5]);
  await shot(page, 'refused-units-1400');
  expect(problems).toEqual([]);
});

for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
  test(`blepharospasm on the eye view: which lid and which part, in 0.25 U steps (${viewport.width})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const patientId = await clinic(backend);
    const session = await openDraft(page, backend, patientId, { indication: 'blepharospasm', productId: 'onabotulinumtoxinA' });
    await expect(page.getByRole('tab', { name: 'Eyes, periocular detail' })).toHaveAttribute('aria-selected', 'true');
    const plan: Array<[string, string, 'right' | 'left', number, string]> = [
      ['orbicularis_oculi_pretarsal', 'upper-medial', 'right', 0, 'upper lid, medial'],
      ['orbicularis_oculi_pretarsal', 'upper-lateral', 'right', 1, 'upper lid, lateral'],
      ['orbicularis_oculi_pretarsal', 'lower-lateral', 'right', 0, 'lower lid, lateral'],
      ['orbicularis_oculi_pretarsal', 'upper-medial', 'left', 0, 'upper lid, medial'],
    ];
    for (const [muscle, part, side, steps, location] of plan) {
      const at = await regionOnCanvas(page, 'eye_detail', muscle, side, part);
      await penPress(page, at, 4, 4);
      await expect(page.getByTestId('pending-location')).toHaveText(location);
      if (location.startsWith('upper lid')) await expect(page.getByTestId('pending-caution')).toContainText('levator palpebrae superioris');
      const field = page.getByTestId('units-input');
      await field.fill('1.25');
      for (let i = 0; i < steps; i++) await field.press('ArrowUp');
      if (steps > 0) await expect(field).toHaveValue('1.5');
      if (location === 'upper lid, medial' && side === 'right') await shot(page, `eye-pending-${viewport.width}`);
      await field.press('Enter');
      await expect(page.getByTestId('units-input')).toHaveCount(0);
    }
    // The + button steps by 0.25 U too, and saves at once.
    await page.getByRole('button', { name: 'Units at site 4: 0.25 U more' }).click();
    await expect(page.getByTestId('total-units')).toContainText('5.5 U');
    const saved = await savedSites(backend, session.id);
    expect(saved.map((s) => [s.side, s.location, s.units])).toEqual([
      ['right', 'upper lid, medial', 1.25], ['right', 'upper lid, lateral', 1.5], ['right', 'lower lid, lateral', 1.25], ['left', 'upper lid, medial', 1.5],
    ]);
    // The list and the totals say which lid and which part.
    await expect(page.getByTestId('site-row').nth(2)).toContainText('lower lid, lateral');
    await expect(page.locator('.muscle-totals')).toContainText('Orbicularis oculi, pretarsal part R, upper lid, lateral');
    await shot(page, `eye-charted-${viewport.width}`);
    expect(problems).toEqual([]);
  });
}

test('starting from the last session marks each site unchanged, changed or new, lists the removed one, and carries product and dilution', async ({ page }) => {
  const patientId = await clinic(backend);
  const earlier = await call<SessionDetail>(backend, 'session:create', { patientId, date: '2026-08-03', indication: 'cervical_dystonia', productId: 'incobotulinumtoxinA' });
  const site = (muscleId: string, side: 'left' | 'right', units: number) => ({
    sessionId: earlier.id, viewId: 'head_neck_posterior', viewVersion: 1, ...regionMiddle('head_neck_posterior', muscleId, side), muscleId, side, units,
  });
  await call(backend, 'site:add', site('splenius_capitis', 'left', 48));
  await call(backend, 'site:add', site('levator_scapulae', 'left', 25));
  await call(backend, 'site:add', site('trapezius_upper', 'left', 25));
  await call(backend, 'vial:add', { sessionId: earlier.id, productId: 'incobotulinumtoxinA', sizeUnits: 100, lot: 'X77', expiry: '2028-01-01', diluentMl: 2.5 });
  await call(backend, 'session:sign', { id: earlier.id, passphrase: SIGNING_PASSPHRASE });

  await page.goto('/');
  await page.getByRole('button', { name: 'MOREAU, Léa' }).first().click();
  await page.getByTestId('indication').selectOption('cervical_dystonia');
  await page.getByTestId('start-from').selectOption({ index: 1 });
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('site-row')).toHaveCount(3);
  await expect(page.getByTestId('site-status')).toHaveText(['as last time', 'as last time', 'as last time']);
  // One changed, one removed, one added.
  const units = page.getByRole('textbox', { name: 'Units at site 1' });
  await units.fill('60');
  await units.press('Enter');
  await page.getByRole('button', { name: 'Delete site 3' }).click();
  await page.getByRole('tab', { name: /posterior/ }).click();
  const scm = await regionOnCanvas(page, 'head_neck_posterior', 'semispinalis_capitis', 'right');
  await page.mouse.click(scm.x, scm.y);
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-status')).toHaveText(['changed: units 48 → 60 U', 'as last time', 'new']);
  await expect(page.getByTestId('removed-since')).toContainText('Trapezius, upper part L · 25 U');
  await shot(page, 'copy-forward-1400');
  // Put back: the removed site returns, carried forward again.
  await page.getByTestId('removed-since').getByRole('button', { name: 'Put back' }).click();
  await expect(page.getByTestId('removed-since')).toHaveCount(0);
  await expect(page.getByTestId('site-status')).toHaveText(['changed: units 48 → 60 U', 'as last time', 'new', 'as last time']);
  // Product and dilution come along; lot and expiry do not.
  await page.getByTestId('details-tab').click();
  await expect(page.getByTestId('product')).toHaveValue('incobotulinumtoxinA');
  await expect(page.getByTestId('vial-diluent')).toHaveValue('2.5');
  await expect(page.getByRole('textbox', { name: 'Lot' })).toHaveValue('');
  await shot(page, 'copy-forward-details-1400');
  expect(problems).toEqual([]);
});

test('a session treating the arm and the leg shows the diagrams of both', async ({ page }) => {
  const patientId = await clinic(backend);
  await openDraft(page, backend, patientId, { indication: 'upper_limb_spasticity', productId: 'onabotulinumtoxinA' });
  await expect(page.getByRole('tab', { name: 'Right lower limb, posterior' })).toHaveCount(0);
  await page.getByTestId('details-tab').click();
  // Saved first, then shown checked: the box follows the record.
  await page.getByRole('checkbox', { name: 'Lower limb spasticity' }).click();
  await expect(page.getByRole('checkbox', { name: 'Lower limb spasticity' })).toBeChecked();
  await expect(page.getByRole('tab', { name: 'Right lower limb, posterior' })).toBeVisible();
  await page.getByRole('tab', { name: 'Right lower limb, posterior' }).click();
  const soleus = await regionOnCanvas(page, 'lower_limb_posterior_right', 'soleus', 'right');
  await page.mouse.click(soleus.x, soleus.y);
  await expect(page.getByTestId('pending-muscle')).toContainText('Soleus');
  void today;
  expect(problems).toEqual([]);
});

test('the wheel zooms around the pointer: the muscle under it stays under it', async ({ page }) => {
  const patientId = await clinic(backend);
  await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const point = regionMiddle('face_front', 'corrugator_supercilii', 'left');
  const before = await pointOnCanvas(page, point);
  await page.mouse.move(before.x, before.y);
  await page.mouse.wheel(0, -400);
  await expect(page.getByTestId('zoom')).not.toHaveText('100%');
  const after = await pointOnCanvas(page, point);
  expect(Math.abs(after.x - before.x)).toBeLessThan(1.5);
  expect(Math.abs(after.y - before.y)).toBeLessThan(1.5);
  await page.keyboard.press('0');
  await expect(page.getByTestId('zoom')).toHaveText('100%');
  await page.keyboard.press('+');
  await expect(page.getByTestId('zoom')).toHaveText('125%');
  expect(problems).toEqual([]);
});
