import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems, emitAppEvent } from './bridge.ts';
import { clickMuscle } from './canvas.ts';

const OUT = 'test-results/menu';
let dir: string;
let backend: Backend;

test.beforeEach(async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = tempDir('toxinmap-e2e-menu-');
  backend = await attachBackend(page, dir);
  await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD' });
  await call(backend, 'patient:create', { mrn: 'MN-1001', familyName: 'Haddad', givenName: 'Rami', birthDate: '1975-06-30' });
  await page.setViewportSize({ width: 1400, height: 900 });
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

const menu = (page: Parameters<typeof emitAppEvent>[0], command: Parameters<typeof emitAppEvent<'menu:command'>>[2]['command']) =>
  emitAppEvent(page, 'menu:command', { command });

test('File menu: new patient, find patient, new session, backup, settings and restore reach the right screen', async ({ page }) => {
  const problems = collectPageProblems(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();

  // New Patient from another screen: the patient list, with the form open.
  await menu(page, 'new-patient');
  await expect(page.getByTestId('new-mrn')).toBeVisible();
  // Find Patient: the search field takes the keyboard.
  await page.getByRole('button', { name: 'Atlas' }).click();
  await menu(page, 'find-patient');
  await expect(page.getByTestId('patient-search')).toBeFocused();

  // New Session on a patient's record goes to the indication of the start form.
  await page.getByRole('button', { name: 'HADDAD, Rami' }).click();
  await menu(page, 'new-session');
  await expect(page.getByTestId('indication')).toBeFocused();
  // Without a patient on screen it says what to do first.
  await page.getByRole('button', { name: 'Atlas' }).click();
  await menu(page, 'new-session');
  await expect(page.getByRole('status')).toContainText('Open a patient first');
  await expect(page.getByTestId('patient-search')).toBeFocused();

  await menu(page, 'backup-now');
  await expect(page.getByRole('status')).toContainText('Backup saved: manual-');
  await menu(page, 'restore-backup');
  await expect(page.getByTestId('backup-list')).toBeVisible();
  await expect(page.getByTestId('backup-list').getByRole('button', { name: 'Restore…' })).toBeFocused();
  await menu(page, 'open-settings');
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await menu(page, 'print-summary');
  await expect(page.getByRole('status')).toContainText('Open a session to print its summary');

  // However often the screens changed, the page listens once per event (no listener left behind).
  expect(await emitAppEvent(page, 'settings:changed', {})).toBe(1);
  expect(await menu(page, 'find-patient')).toBe(1);
  expect(problems).toEqual([]);
});

test('the keyboard shortcuts panel opens from Help, F1 and ?, and closes with Esc', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('patient-search')).toBeFocused();
  // ? typed in a field is a question mark, not a command.
  await page.keyboard.type('?');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await expect(page.getByTestId('patient-search')).toHaveValue('?');
  await page.getByTestId('patient-search').fill('');

  await menu(page, 'show-shortcuts');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Undo the last change');
  await expect(page.getByTestId('shortcuts-close')).toBeFocused();
  for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${OUT}/shortcuts-${w}x${h}.png` });
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter'); // the focused Close button
  await expect(dialog).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Shift+?');
  await expect(dialog).toBeVisible();
});

test('Edit → Undo and Redo: the text of a field, or the chart when no field has the keyboard', async ({ page }) => {
  await page.goto('/');
  const search = page.getByTestId('patient-search');
  await search.pressSequentially('hadd');
  await menu(page, 'undo');
  await expect(search).not.toHaveValue('hadd');
  await menu(page, 'redo');
  await expect(search).toHaveValue('hadd');

  await page.getByRole('button', { name: 'HADDAD, Rami' }).click();
  await page.getByTestId('indication').selectOption('chronic_migraine');
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await clickMuscle(page, 'frontalis', 'left');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  const sites = () => (backend.db.prepare('SELECT count(*) AS n FROM sites').get() as { n: number }).n;
  expect(sites()).toBe(1);

  await page.getByTestId('chart-canvas').focus().catch(() => undefined);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await menu(page, 'undo');
  await expect(page.getByTestId('site-row')).toHaveCount(0);
  expect(sites()).toBe(0);
  await menu(page, 'redo');
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  expect(sites()).toBe(1);
});
