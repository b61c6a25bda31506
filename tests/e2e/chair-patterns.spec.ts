// Charting at the chair with patterns, mirror and the keyboard, counting what the clinician does: a 6-site cervical
// dystonia map from torticollis + laterocollis with one muscle removed (target: under 20 actions), mirrored and
// undone as one step; the same map keyboard-only; PREEMPT from its template.
import fs from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { AuditEntry, SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clinic, openDraft, savedSites, SHOTS, shot, today } from './chair-helpers.ts';

/** Counts what the clinician does: each click or tap, each value typed, each key pressed on its own. */
class Actions {
  pointer = 0;
  typed = 0;
  keys = 0;
  constructor(private readonly page: Page) {}
  async click(l: Locator) {
    this.pointer += 1;
    await l.click();
  }
  async fill(l: Locator, value: string) {
    this.typed += 1;
    await l.fill(value);
  }
  /** Key presses, one by one (typing "25" is two). */
  async press(...keys: string[]) {
    for (const k of keys) {
      this.keys += 1;
      await this.page.keyboard.press(k);
    }
  }
  async type(text: string) {
    for (const ch of text) await this.press(ch);
  }
  get total() {
    return this.pointer + this.typed + this.keys;
  }
}

function record(name: string, figures: Record<string, number>) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = `${SHOTS}/actions.json`;
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[name] = figures;
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(`${name}: ${JSON.stringify(figures)}`);
}

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

for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
  test(`a cervical dystonia map from torticollis + laterocollis, one muscle removed, in under 20 actions (${viewport.width})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const patientId = await clinic(backend);
    const session = await openDraft(page, backend, patientId, { indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
    const act = new Actions(page);
    await act.click(page.getByTestId('open-patterns'));
    await act.click(page.getByTestId('pattern-cd_rotational_torticollis'));
    await act.click(page.getByTestId('pattern-cd_rotational_torticollis-right'));
    await act.click(page.getByTestId('pattern-cd_laterocollis'));
    await act.click(page.getByTestId('pattern-cd_laterocollis-right'));
    const rows = page.getByTestId('proposal-row');
    // Torticollis to the right: the left SCM; laterocollis to the right: the right SCM, trapezius, levator; shared: the right splenius.
    await expect(rows.filter({ hasText: 'Sternocleidomastoid' })).toHaveCount(2);
    await expect(page.getByTestId('proposal')).toContainText('side unverified');
    // The reference gives the BOTOX label's SCM limit, and no per-muscle dose for cervical dystonia.
    await expect(page.getByTestId('proposal')).toContainText('SCM 100 U or less');
    await shot(page, `cd-patterns-dialog-${viewport.width}`);
    // The longissimus is not wanted today.
    await act.click(page.getByRole('checkbox', { name: 'Use Longissimus capitis R' }));
    await act.fill(page.getByTestId('units-for-empty'), '25');
    await act.click(page.getByTestId('apply-units-for-empty'));
    await act.fill(page.getByRole('textbox', { name: 'Units per site, Sternocleidomastoid L' }), '40');
    await expect(page.getByTestId('accept-pattern')).toHaveText('Place 6 sites');
    // A double click (a pen bouncing) places the pattern once.
    act.pointer += 1;
    await page.getByTestId('accept-pattern').dblclick();
    await expect(page.getByTestId('pattern-dialog')).toHaveCount(0);
    await expect(page.getByTestId('site-row')).toHaveCount(6);
    await expect(page.getByTestId('total-units')).toContainText('165 U');
    await expect(page.getByTestId('applied-patterns')).toContainText('Rotational torticollis (right), Laterocollis (right)');
    record(`cervical dystonia, 6 sites from patterns (${viewport.width})`, { pointer: act.pointer, typedValues: act.typed, total: act.total });
    expect(act.total).toBeLessThan(20);
    await shot(page, `cd-after-patterns-anterior-${viewport.width}`);

    // Saved in one step: six sites and the two patterns, with what was accepted.
    const saved = await savedSites(backend, session.id);
    expect(saved.map((s) => [s.muscleId, s.side, s.units]).sort()).toEqual([
      ['levator_scapulae', 'right', 25], ['obliquus_capitis_inferior', 'right', 25], ['splenius_capitis', 'right', 25],
      ['sternocleidomastoid', 'left', 40], ['sternocleidomastoid', 'right', 25], ['trapezius_upper', 'right', 25],
    ]);
    const detail = await call<SessionDetail>(backend, 'session:get', { id: session.id });
    expect(detail.patterns?.map((p) => [p.patternId, p.direction, p.accepted.length])).toEqual([['cd_rotational_torticollis', 'right', 3], ['cd_laterocollis', 'right', 4]]);

    // Mirror the obliquus and the levator (Ctrl-click in the list), then undo: one step takes both back.
    await page.getByTestId('site-row').filter({ hasText: 'Obliquus capitis inferior R' }).getByRole('button').first().click();
    await page.getByTestId('site-row').filter({ hasText: 'Levator scapulae R' }).getByRole('button').first().click({ modifiers: ['Control'] });
    await expect(page.getByTestId('mirror')).toHaveText('Mirror 2 to other side');
    // M pressed twice: the second press finds the mirror images already charted and stacks nothing.
    await page.getByTestId('site-list').focus();
    await page.keyboard.press('m');
    await page.keyboard.press('m');
    await expect(page.getByTestId('site-row')).toHaveCount(8);
    await expect(page.getByTestId('site-row').filter({ hasText: 'Obliquus capitis inferior L' })).toHaveCount(1);
    await expect(page.getByTestId('site-row').filter({ hasText: 'Levator scapulae L' })).toHaveCount(1);
    await page.keyboard.press('m');
    await expect(page.getByTestId('chart-hint')).toContainText('its mirror image is already charted');
    await expect(page.getByTestId('site-row')).toHaveCount(8);
    // The SCM: its mirror image is the right SCM site the laterocollis placed, so nothing is stacked on it.
    await page.getByTestId('site-row').filter({ hasText: 'Sternocleidomastoid L' }).getByRole('button').first().click();
    await page.getByTestId('mirror').click();
    await expect(page.getByTestId('chart-hint')).toContainText('Sternocleidomastoid L (its mirror image is already charted)');
    await expect(page.getByTestId('site-row')).toHaveCount(8);
    await shot(page, `cd-mirrored-${viewport.width}`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(6);
    expect(await savedSites(backend, session.id)).toHaveLength(6);
    // And undo once more takes the whole pattern back, patterns record included.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(0);
    expect((await call<SessionDetail>(backend, 'session:get', { id: session.id })).patterns).toEqual([]);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByTestId('site-row')).toHaveCount(6);
    const audit = await call<AuditEntry[]>(backend, 'audit:list', { sessionId: session.id, limit: 1000 });
    expect(audit.filter((e) => e.entity === 'session_patterns').map((e) => e.action)).toEqual(['insert', 'insert', 'delete', 'delete', 'insert', 'insert']);
    expect(problems).toEqual([]);
  });
}

test('the same map keyboard-only: type to filter, Enter places, Enter saves; nothing is placed by typing alone', async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
  const act = new Actions(page);
  const picker = page.getByTestId('place-by-muscle');
  await picker.focus();
  // Down alone only opens the list; typing only filters: nothing is placed.
  await act.press('ArrowDown');
  await act.type('Ster');
  await expect(page.getByTestId('units-input')).toHaveCount(0);
  await expect(picker).toHaveValue('Ster');
  await act.press('Escape');
  await expect(picker).toHaveValue('');
  // Count the map itself from here.
  act.keys = 0;
  const plan: Array<[string, string, string]> = [
    // [typed filter, expected pending muscle, units]
    ['scm l', 'Sternocleidomastoid', '40'],
    ['scm r', 'Sternocleidomastoid', '25'],
    ['trap r', 'Trapezius, upper part', '25'],
  ];
  for (const [filter, muscle, units] of plan) {
    await act.type(filter);
    await act.press('Enter');
    await expect(page.getByTestId('pending-muscle')).toContainText(muscle);
    // The units field opens with the last units selected: typing replaces them.
    await expect(page.getByTestId('units-input')).toBeFocused();
    await act.type(units);
    await act.press('Enter');
    await expect(page.getByTestId('units-input')).toHaveCount(0);
    await expect(picker).toBeFocused();
  }
  // The posterior muscles are on another diagram: choosing one brings that diagram on screen, no tab to click.
  for (const [filter, units] of [['splen r', '25'], ['splen r', '25'], ['lev r', '25']] as const) {
    await act.type(filter);
    await act.press('Enter');
    await expect(page.getByTestId('chart-canvas')).toHaveAttribute('data-view', 'head_neck_posterior');
    await act.type(units);
    await act.press('Enter');
    await expect(page.getByTestId('units-input')).toHaveCount(0);
    await expect(picker).toBeFocused();
  }
  await expect(page.getByTestId('site-row')).toHaveCount(6);
  const sites = await savedSites(backend, session.id);
  // Two sites placed by name in the same muscle are two places, not one point.
  const splenius = sites.filter((s) => s.muscleId === 'splenius_capitis');
  expect(splenius).toHaveLength(2);
  expect(Math.hypot((splenius[0]?.x ?? 0) - (splenius[1]?.x ?? 0), (splenius[0]?.y ?? 0) - (splenius[1]?.y ?? 0))).toBeGreaterThan(5);
  record('cervical dystonia, 6 sites keyboard-only', { keyPresses: act.keys, pointer: act.pointer, total: act.total });
  await shot(page, 'cd-keyboard-only-1400');
  expect(problems).toEqual([]);
});

test('PREEMPT from the template takes five actions from the patient screen', async ({ page }) => {
  const patientId = await clinic(backend);
  await page.goto('/');
  await page.getByRole('button', { name: 'MOREAU, Léa' }).first().click();
  void patientId;
  const act = new Actions(page);
  await act.click(page.getByTestId('indication'));
  await page.getByTestId('indication').selectOption('chronic_migraine');
  await act.click(page.getByTestId('start-from'));
  await page.getByTestId('start-from').selectOption({ label: 'Protocol: PREEMPT fixed sites (31 sites, 155 U)' });
  await act.click(page.getByTestId('start-session'));
  await expect(page.getByTestId('site-row')).toHaveCount(31);
  await expect(page.getByTestId('total-units')).toContainText('155 U');
  record('PREEMPT from the template', { pointer: act.pointer, selections: 2, total: act.total + 2 });
  expect(act.total + 2).toBeLessThanOrEqual(5);
  await page.getByRole('tab', { name: /posterior/ }).click();
  await shot(page, 'preempt-posterior-1400');
  await page.setViewportSize({ width: 1024, height: 700 });
  await shot(page, 'preempt-posterior-1024');
  void today;
  expect(problems).toEqual([]);
});

test("a template's sites added to an open session are one step, and one undo takes them all back", async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  await page.getByTestId('add-template').selectOption({ label: 'Protocol: PREEMPT fixed sites (31 sites, 155 U)' });
  await page.getByTestId('add-template-sites').click();
  await expect(page.getByTestId('site-row')).toHaveCount(31);
  expect(await savedSites(backend, session.id)).toHaveLength(31);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo template “PREEMPT fixed sites (31 sites, 155 U)” (Ctrl+Z)');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('site-row')).toHaveCount(0);
  expect(await savedSites(backend, session.id)).toHaveLength(0);
  expect(problems).toEqual([]);
});
