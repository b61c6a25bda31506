import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { ResolvedTheme } from '../../shared/domain/settings.ts';
import type { Patient, SessionDetail } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems, emitAppEvent } from './bridge.ts';
import { siteAt } from './canvas.ts';
import { findLowContrast, type LowContrast } from './contrast.ts';
import { signingClinician } from '../helpers/signing.ts';

const OUT = 'test-results/themes';
const THEMES: ResolvedTheme[] = ['light', 'dark', 'high-contrast'];
const SIZES = [
  [1400, 900],
  [1024, 700],
] as const;


let dir: string;
let backend: Backend;
let patient: Patient;

test.beforeEach(async ({ page }) => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = tempDir('toxinmap-e2e-themes-');
  backend = await attachBackend(page, dir);
  await call(backend, 'clinician:add', signingClinician());
  patient = await call<Patient>(backend, 'patient:create', {
    mrn: 'TH-3001', familyName: 'Lindqvist', givenName: 'Maja', birthDate: '1966-09-12', notes: 'Latex allergy. Prefers afternoon visits.',
  });
  await call(backend, 'patient:addCondition', { patientId: patient.id, indication: 'cervical_dystonia', icd10Code: 'G24.3', side: 'left' });
  const today = new Date().toISOString().slice(0, 10);
  const session = await call<SessionDetail>(backend, 'session:create', {
    patientId: patient.id, date: today, indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA',
  });
  // Enough units in the left SCM for the reference's SCM warning to show on the Checks tab.
  for (const [muscle, side, units] of [
    ['sternocleidomastoid', 'left', 120],
    ['splenius_capitis', 'right', 60],
    ['trapezius_upper', 'right', 40],
  ] as const) {
    await call(backend, 'site:add', { sessionId: session.id, ...siteAt('cervical_dystonia', muscle, side), units });
  }
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
});

/** Screenshots at both window sizes, and every text of the screen checked for contrast at each. */
async function look(page: Page, theme: ResolvedTheme, screen: string, low: Array<LowContrast & { where: string }>, parts: string[] = []) {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${OUT}/${theme}-${screen}-${width}x${height}.png` });
    // Long screens: each part scrolled into view and shot too (the contrast check reads the whole page).
    for (const part of parts) {
      await page.getByTestId(part).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${theme}-${screen}-${part}-${width}x${height}.png` });
    }
    for (const l of await findLowContrast(page)) low.push({ ...l, where: `${theme} ${screen} ${width}x${height}` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

for (const theme of THEMES) {
  test(`every screen is readable in the ${theme} theme`, async ({ page }) => {
    const problems = collectPageProblems(page);
    await call(backend, 'settings:save', { theme });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const low: Array<LowContrast & { where: string }> = [];

    await expect(page.getByRole('button', { name: 'LINDQVIST, Maja' })).toBeVisible();
    await look(page, theme, 'patients', low);
    await page.getByRole('button', { name: 'LINDQVIST, Maja' }).click();
    await expect(page.getByTestId('patient-name')).toBeVisible();
    await look(page, theme, 'patient', low);

    await page.getByTestId('session-list').getByRole('button').first().click();
    await expect(page.getByTestId('site-row')).toHaveCount(3);
    await look(page, theme, 'chart-sites', low);
    await page.getByTestId('checks-tab-button').click();
    await expect(page.getByTestId('findings')).toBeVisible();
    await look(page, theme, 'chart-checks', low);
    await page.getByTestId('details-tab').click();
    await look(page, theme, 'chart-details', low);
    // The dialogs over the chart: signing (it lists what is missing and the open warnings) and the summary.
    await page.getByTestId('sign').click();
    await expect(page.getByTestId('sign-missing')).toBeVisible();
    await look(page, theme, 'sign-dialog', low);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('sign-missing')).toHaveCount(0);
    await page.getByRole('button', { name: 'Summary & export…' }).click();
    await expect(page.getByTestId('summary-dialog')).toBeVisible();
    // The preview stays a white page whatever the theme: it is the paper record.
    await expect(page.frameLocator('[data-testid="summary-dialog"] iframe').getByText('Botulinum toxin injection record')).toBeVisible();
    await look(page, theme, 'summary-dialog', low);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('summary-dialog')).toHaveCount(0);

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    await look(page, theme, 'settings', low, ['appearance', 'units-steps', 'backup-settings']);
    await page.getByRole('button', { name: 'Atlas' }).click();
    await expect(page.getByTestId('atlas-view-select')).toBeVisible();
    await look(page, theme, 'atlas', low);
    await page.getByRole('button', { name: 'Lot recall' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await look(page, theme, 'lot-recall', low);

    expect(low, 'text below WCAG AA contrast').toEqual([]);
    expect(problems).toEqual([]);
  });
}

test('the system theme follows the operating system, and a theme chosen in the menu applies at once', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'LINDQVIST, Maja' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // View → Theme → Dark in the shell saves the setting in main, then tells the page.
  await call(backend, 'settings:save', { theme: 'dark' });
  expect(await emitAppEvent(page, 'settings:changed', {})).toBeGreaterThan(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(15, 20, 26)');
  // The next start paints its first frame in the same theme, before the settings are read again.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('the contrast check itself flags grey text on white, and passes the same text in ink', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('patient-search')).toBeVisible();
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'faint grey note';
    p.style.cssText = 'color: #b0b0b0; background: #ffffff; font-size: 16px';
    p.id = 'faint';
    document.body.prepend(p);
  });
  expect((await findLowContrast(page)).map((l) => l.text)).toContain('faint grey note');
  await page.evaluate(() => {
    (document.getElementById('faint') as HTMLElement).style.color = '#14202e';
  });
  expect((await findLowContrast(page)).map((l) => l.text)).not.toContain('faint grey note');
});

test('the diagram is redrawn in the new palette as soon as the theme changes, without leaving the chart', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'LINDQVIST, Maja' }).click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  await expect(page.getByTestId('site-row')).toHaveCount(3);
  // The middle of the canvas, read from every layer Konva drew (the diagram's ground and shapes).
  const centre = () =>
    page.evaluate(() => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="chart-canvas"] canvas')];
      return canvases.map((c) => {
        const ctx = c.getContext('2d');
        const d = ctx?.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
        return d ? [d[0], d[1], d[2], d[3]] : null;
      });
    });
  const light = await centre();
  await call(backend, 'settings:save', { theme: 'high-contrast' });
  await emitAppEvent(page, 'settings:changed', {});
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'high-contrast');
  await expect.poll(async () => JSON.stringify(await centre())).not.toBe(JSON.stringify(light));
  await page.screenshot({ path: `${OUT}/switched-to-high-contrast-on-the-chart.png` });
});
