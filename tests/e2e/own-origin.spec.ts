import { expect, test } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clickMuscle } from './canvas.ts';

/** Schemes that never leave the machine: inline data and objects the page made itself. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

let dir: string;
let backend: Backend;
test.beforeEach(async ({ page }) => {
  dir = tempDir('toxinmap-e2e-origin-');
  backend = await attachBackend(page, dir);
  await page.setViewportSize({ width: 1400, height: 900 });
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

test('a whole visit (patient, chart, checks, settings, atlas, shortcuts) requests nothing outside the app', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const outside: string[] = [];
  const seen: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    seen.push(url.href);
    if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin) outside.push(`${request.method()} ${url.href}`);
  });
  const problems = collectPageProblems(page);
  await call(backend, 'clinician:save', { name: 'Dana Reyes', credentials: 'MD' });

  await page.goto('/');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await page.getByTestId('new-mrn').fill('OR-5150');
  await page.getByTestId('new-family').fill('Nakamura');
  await page.getByTestId('new-given').fill('Yui');
  await page.getByTestId('new-dob').fill('1979-11-03');
  await page.getByTestId('save-patient').click();
  await expect(page.getByTestId('patient-name')).toHaveText('NAKAMURA, Yui');
  await page.getByTestId('indication').selectOption('chronic_migraine');
  await page.getByTestId('start-session').click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await clickMuscle(page, 'frontalis', 'left');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  await page.getByTestId('checks-tab-button').click();
  await page.getByTestId('details-tab').click();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('theme-dark').check();
  await page.getByRole('button', { name: 'Atlas' }).click();
  await expect(page.getByTestId('atlas-view-select')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  expect(seen.length, 'the visit made requests (the recorder works)').toBeGreaterThan(2);
  expect(outside).toEqual([]);
  expect(problems).toEqual([]);
});

test('the check itself: a request to another origin is caught', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const outside: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (!LOCAL_SCHEMES.has(url.protocol) && url.origin !== origin) outside.push(url.href);
  });
  // Answered locally: the test never reaches the network, it only proves the recorder sees the attempt.
  await page.route('https://example.invalid/**', (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto('/');
  await expect(page.getByTestId('patient-search')).toBeVisible();
  await page.evaluate(() => {
    const img = new Image();
    img.src = 'https://example.invalid/pixel.png';
    document.body.append(img);
  });
  await expect.poll(() => outside.length).toBeGreaterThan(0);
  expect(outside[0]).toBe('https://example.invalid/pixel.png');
});
