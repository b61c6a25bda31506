// The session summary as a clinician and the billing office get it: opened from the chart, previewed,
// saved as PDF (rendered by Chromium from the very document Electron prints), read back with pdftotext
// and compared field by field with session:derive; page 1 turned into a PNG to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { ExportShell } from '../../electron/services/exports.ts';
import { muscleName } from '../../shared/atlas/index.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import type { SessionDerivedView } from '../../shared/ipc/contract.ts';
import { fmtDateTime, ml, regionText, sideText, units } from '../../electron/export/summary/format.ts';
import { seedPreempt, seedSpasticity, type Seeded } from '../helpers/export-seed.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems, emitAppEvent } from './bridge.ts';
import { signingClinician } from '../helpers/signing.ts';

const OUT = 'test-results/summary';

/** The shell as Electron plays it, with Chromium's own page.pdf for printToPDF and a folder for the save dialog. */
function testShell(browser: Browser, folder: string, log: { saved: string[]; printed: number }): ExportShell {
  return {
    chooseSaveFile: (request) => {
      const file = path.join(folder, request.defaultName);
      log.saved.push(file);
      return Promise.resolve(file);
    },
    print: () => {
      log.printed += 1;
      return Promise.resolve(true);
    },
    toPdf: async (html) => {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
  };
}

/** Text of each page, whitespace collapsed (pdftotext keeps the table layout with runs of spaces). */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // pdftotext sometimes drops the narrow space of a right-aligned "5 U": put it back before comparing.
  return text.split('\f').filter((p) => p.trim() !== '').map((p) => p.replace(/[ \t]+/g, ' ').replace(/(\d)U\b/g, '$1 U'));
}

function firstPagePng(file: string, name: string): string {
  fs.mkdirSync(OUT, { recursive: true });
  const prefix = path.join(OUT, name);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

async function shoot(page: Page, name: string, show?: Locator): Promise<void> {
  for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (show) await show.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${OUT}/${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}

async function openChart(page: Page, seeded: Seeded): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: `${seeded.patient.familyName.toUpperCase()}, ${seeded.patient.givenName}` }).click();
  const d = new Date(`${seeded.session.date}T00:00:00Z`);
  const label = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  await page.getByTestId('session-list').getByRole('button', { name: label }).first().click();
  await expect(page.getByTestId('open-summary')).toBeVisible();
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A row of the site table: order, muscle (a long name may wrap its last words), side and the figures. */
function siteRow(s: SessionDetail['sites'][number], ...figures: string[]): RegExp {
  const head = muscleName(s.muscleId).split(' (')[0]!;
  return new RegExp(`(^|\\n| )${s.seq} ${escape(head)}[^\\n]*? ${escape([sideText(s.side), ...figures].join(' '))}`);
}

/** Every figure session:derive answers, as the summary prints it, found in the PDF text. */
function expectFigures(all: string, session: SessionDetail, derived: SessionDerivedView): void {
  const line = (...parts: string[]) => expect(all, parts.join(' ')).toContain(parts.join(' '));
  expect(all).toContain(`${units(derived.totals.units)} in ${derived.totals.sites} sites`);
  for (const m of derived.totals.byMuscleSide) {
    // A long name may wrap its last words onto the next line; the row's figures stay beside its first words.
    const head = muscleName(m.muscleId).split(' (')[0]!;
    expect(all).toMatch(new RegExp(`${escape(head)}[^\\n]*? ${escape([sideText(m.side), String(m.sites), units(m.units)].join(' '))}`));
  }
  for (const r of derived.totals.byRegion) line(regionText(r.region), String(r.sites), units(r.units));
  line('Left', units(derived.totals.bySide.left));
  line('Right', units(derived.totals.bySide.right));
  line('All sites', units(derived.totals.units));
  const volume = new Map(derived.volumes.map((v) => [v.siteId, v.mL]));
  for (const s of session.sites) expect(all).toMatch(siteRow(s, units(s.units), ml(volume.get(s.id) ?? null)));
  expect(all).toContain(`${derived.concentrationPer01mL} U per 0.1 mL`);
  const b = derived.billing!;
  line(`${b.hcpcs}${b.modifier === 'JZ' ? '-JZ' : ''}`, String(b.administeredBillingUnits), `${units(b.administeredUnits)} administered`);
  if (b.modifier === 'JW') line(`${b.hcpcs}-JW`, String(b.jwBillingUnits), `${units(b.discardedUnits)} discarded`);
  for (const c of derived.cpt) line(c.code, String(c.units));
  for (const f of derived.findings) expect(all.replace(/\s+/g, ' ')).toContain(f.message.replace(/\s+/g, ' ').slice(0, 60));
  for (const r of derived.rolling) expect(all).toContain(units(r.units));
  expect(all).toContain(`Signed by ${session.signedBy}`);
  expect(all).toContain(`Figures as derived at signing (${fmtDateTime(derived.signedSnapshot!.derivedAt)})`);
}

function expectEveryPageFooted(pages: string[], recordId: string, mrn: string): void {
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((p, i) => {
    expect(p, `page ${i + 1}`).toContain(`Record ${recordId}`);
    expect(p, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(p, `page ${i + 1}`).toContain(`MRN ${mrn}`);
  });
}

let dir: string;
let files: string;
let backend: Backend;
let log: { saved: string[]; printed: number };

test.beforeEach(async ({ page, browser }) => {
  dir = tempDir('toxinmap-e2e-summary-');
  files = tempDir('toxinmap-e2e-saved-');
  log = { saved: [], printed: 0 };
  backend = await attachBackend(page, dir, { exportShell: testShell(browser, files, log) });
  await page.setViewportSize({ width: 1400, height: 900 });
  await call(backend, 'clinician:add', signingClinician());
});
test.afterEach(() => {
  backend.close();
  removeDir(dir);
  removeDir(files);
});

const seedCall = (b: () => Backend) => <T,>(channel: string, input: unknown) => call<T>(b(), channel, input);

test('signed PREEMPT: the PDF saved from the chart carries every derived figure, footers on every page', async ({ page }) => {
  const problems = collectPageProblems(page);
  const seeded = await seedPreempt(seedCall(() => backend));
  const derived = await call<SessionDerivedView>(backend, 'session:derive', { sessionId: seeded.session.id });
  await openChart(page, seeded);

  await page.getByTestId('open-summary').click();
  const dialog = page.getByTestId('summary-dialog');
  await expect(dialog).toBeVisible();
  const frame = page.frameLocator('[data-testid="summary-frame"]');
  await expect(frame.getByRole('heading', { name: 'Botulinum toxin injection record' })).toBeVisible();
  await expect(frame.locator('[data-line="hcpcs-jw"]')).toContainText('J0585-JW');
  // The notes' markup-looking text prints as text, never as markup.
  await expect(frame.locator('[data-field="notes"]')).toContainText('<script>alert(1)</script>');
  await shoot(page, 'preempt-preview');

  await page.getByTestId('summary-pdf').click();
  await expect(page.getByTestId('summary-status')).toContainText('was saved as');
  expect(log.saved).toHaveLength(1);
  const pdf = log.saved[0]!;
  expect(path.basename(pdf)).toBe(`MRN-CM-7001_${seeded.session.date}_injection-record.pdf`);
  const pages = pdfPages(pdf);
  const all = pages.join('\n');
  expectFigures(all, seeded.session, derived);
  expectEveryPageFooted(pages, seeded.session.id, 'CM-7001');
  expect(all).toContain('G43.709');
  expect(all).toContain('C7781');
  expect(all).not.toContain('DRAFT');
  const png = firstPagePng(pdf, 'preempt-page1');
  expect(fs.statSync(png).size).toBeGreaterThan(20_000);
  expect(problems).toEqual([]);
});

test('two-limb spasticity with Dysport: figures, four limbs, the patient copy without billing lines', async ({ page }) => {
  const problems = collectPageProblems(page);
  const seeded = await seedSpasticity(seedCall(() => backend));
  const derived = await call<SessionDerivedView>(backend, 'session:derive', { sessionId: seeded.session.id });
  expect(derived.totals.byRegion.map((r) => r.region).sort()).toEqual(['lower_limb_left', 'lower_limb_right', 'upper_limb_left', 'upper_limb_right']);
  await openChart(page, seeded);
  await page.getByTestId('open-summary').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').locator('[data-table="sites"] tbody tr')).toHaveCount(seeded.session.sites.length);

  await page.getByTestId('summary-pdf').click();
  await expect(page.getByTestId('summary-status')).toContainText('was saved as');
  const clinical = pdfPages(log.saved[0]!);
  expectFigures(clinical.join('\n'), seeded.session, derived);
  expectEveryPageFooted(clinical, seeded.session.id, 'SP-4410');
  for (const lot of ['D5501', 'D5502']) expect(clinical.join('\n')).toContain(lot);
  firstPagePng(log.saved[0]!, 'spasticity-page1');

  // The patient copy: the same sites, no HCPCS, CPT or JW line, and the next visit.
  await page.getByTestId('copy-patient').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: /patient copy/ })).toBeVisible();
  await shoot(page, 'spasticity-patient-preview');
  await page.getByTestId('summary-pdf').click();
  await expect(page.getByTestId('summary-status')).toContainText('patient copy was saved as');
  const patientCopy = pdfPages(log.saved[1]!).join('\n');
  expect(path.basename(log.saved[1]!)).toContain('patient-copy');
  for (const code of [derived.billing!.hcpcs, ...derived.cpt.map((c) => c.code), 'JW', 'JZ', 'HCPCS', 'CPT']) expect(patientCopy).not.toContain(code);
  expect(patientCopy).toContain('Next treatment due:');
  for (const s of seeded.session.sites) expect(patientCopy).toMatch(siteRow(s, units(s.units)));
  firstPagePng(log.saved[1]!, 'spasticity-patient-page1');
  expect(problems).toEqual([]);
});

test('a draft prints with DRAFT on every page; keyboard only, a double Enter saves one file, Escape closes', async ({ page }) => {
  const problems = collectPageProblems(page);
  const seeded = await seedPreempt(seedCall(() => backend), { sign: false });
  await openChart(page, seeded);
  await page.getByTestId('open-summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-status')).toContainText('draft');
  await expect(page.getByTestId('summary-fhir')).toBeDisabled();
  await expect(page.frameLocator('[data-testid="summary-frame"]').locator('.watermark')).toHaveText('DRAFT');

  await page.getByTestId('summary-pdf').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('summary-status')).toContainText('was saved as');
  expect(log.saved).toHaveLength(1);
  const pages = pdfPages(log.saved[0]!);
  pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`DRAFT · Record ${seeded.session.id}`));
  firstPagePng(log.saved[0]!, 'draft-page1');

  await page.getByTestId('summary-csv').click();
  await expect(page.getByTestId('summary-status')).toContainText('31 sites saved as CSV');
  const csv = fs.readFileSync(log.saved[1]!, 'utf8');
  expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(32);
  // The note starting with "=" is text in a spreadsheet, never a formula.
  expect(csv).not.toMatch(/,=SUM/);

  await page.getByTestId('summary-print').click();
  await expect(page.getByTestId('summary-status')).toContainText('sent to the printer');
  expect(log.printed).toBe(1);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('summary-dialog')).toBeHidden();
  expect(problems).toEqual([]);
});

test('the preview keeps its styles under the policy main sends with every page (header CSP)', async ({ page }) => {
  const problems = collectPageProblems(page);
  const source = fs.readFileSync('electron/security.ts', 'utf8');
  const block = /CONTENT_SECURITY_POLICY = \[([\s\S]*?)\]\.join/.exec(source)?.[1] ?? '';
  const directives = [...block.matchAll(/^\s*"([a-z-]+ [^"]+)",$/gm)].map((m) => m[1]).join('; ');
  expect(directives).toContain('style-src');
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': directives } });
  });
  const seeded = await seedPreempt(seedCall(() => backend));
  await openChart(page, seeded);
  await page.getByTestId('open-summary').click();
  const heading = page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: 'Botulinum toxin injection record' });
  await expect(heading).toBeVisible();
  // 15pt from the summary's stylesheet: the stylesheet applied.
  expect(await heading.evaluate((h) => getComputedStyle(h).fontSize)).toBe('20px');
  expect(problems).toEqual([]);
});

test('from the patient screen: FHIR of a signed session; from Settings: the sites of a date range as CSV', async ({ page }) => {
  const problems = collectPageProblems(page);
  const preempt = await seedPreempt(seedCall(() => backend));
  await seedSpasticity(seedCall(() => backend), { sign: false });
  await page.goto('/');
  await page.getByRole('button', { name: 'OKAFOR, Ada' }).click();
  const card = page.locator(`[data-testid="history-card"][data-session="${preempt.session.id}"]`);
  await card.getByTestId('session-summary').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: 'Botulinum toxin injection record' })).toBeVisible();
  await page.getByTestId('summary-fhir').click();
  await expect(page.getByTestId('summary-status')).toContainText('FHIR R4 bundle');
  const bundle = JSON.parse(fs.readFileSync(log.saved[0]!, 'utf8')) as { resourceType: string; entry: Array<{ resource: { resourceType: string } }> };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.filter((e) => e.resource.resourceType === 'MedicationAdministration')).toHaveLength(31);
  await page.getByTestId('summary-close').click();
  await expect(page.getByTestId('summary-dialog')).toBeHidden();
  await shoot(page, 'patient-history-summary-button', card);

  await page.getByRole('button', { name: 'Settings' }).click();
  const range = page.getByTestId('range-csv');
  await range.scrollIntoViewIfNeeded();
  // A range that ends before it starts is refused on the spot.
  await page.getByTestId('range-to').fill('2000-01-01');
  await expect(range.getByRole('alert')).toContainText('ends before it starts');
  await expect(page.getByTestId('range-export')).toBeDisabled();
  await page.getByTestId('range-from').fill('2000-01-01');
  await page.getByTestId('range-to').fill('2099-12-31');
  await page.getByTestId('range-export').click();
  await expect(page.getByTestId('range-result')).toContainText('31 sites of 1 session saved');
  await range.getByText('Include drafts').click();
  await page.getByTestId('range-export').click();
  await expect(page.getByTestId('range-result')).toContainText('42 sites of 2 sessions saved');
  await shoot(page, 'settings-range-csv', range);
  expect(problems).toEqual([]);
});

test('a slow PDF: the dialog says what main is doing, nothing can be started twice, a reload loses nothing', async ({ context, browser }) => {
  // A page of its own whose bridge answers Save as PDF slowly, as a busy machine would.
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const problems = collectPageProblems(page);
  backend.close();
  removeDir(dir);
  dir = tempDir('toxinmap-e2e-summary-slow-');
  backend = await attachBackend(page, dir, { exportShell: testShell(browser, files, log), slow: { 'export:summaryPdf': 2500 } });
  await call(backend, 'clinician:add', signingClinician());
  const seeded = await seedPreempt(seedCall(() => backend));
  await openChart(page, seeded);
  await page.getByTestId('open-summary').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: 'Botulinum toxin injection record' })).toBeVisible();
  await page.getByTestId('summary-pdf').click();
  await expect(page.getByTestId('summary-status')).toHaveText('Working…');
  // Main reports its steps; the dialog names them.
  await emitAppEvent(page, 'export:progress', { stage: 'rendering' });
  await expect(page.getByTestId('summary-status')).toHaveText('Rendering the PDF…');
  for (const id of ['summary-pdf', 'summary-print', 'summary-csv', 'summary-fhir', 'summary-close', 'copy-patient']) await expect(page.getByTestId(id)).toBeDisabled();
  await shoot(page, 'pdf-in-progress');
  // Escape does not close the dialog in the middle of an export.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('summary-dialog')).toBeVisible();
  await expect(page.getByTestId('summary-status')).toContainText('was saved as');
  expect(log.saved).toHaveLength(1);

  // A reload in the middle of a second export: main finishes it; the screen comes back whole.
  await page.getByTestId('copy-patient').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: /patient copy/ })).toBeVisible();
  await page.getByTestId('summary-pdf').click();
  await page.reload();
  await expect.poll(() => log.saved.length, { timeout: 10_000 }).toBe(2);
  await expect.poll(() => fs.existsSync(log.saved[1]!) && fs.statSync(log.saved[1]!).size > 10_000, { timeout: 10_000 }).toBe(true);
  // The window reopens on the same chart; the summary opens again as before.
  await page.getByTestId('open-summary').click();
  await expect(page.frameLocator('[data-testid="summary-frame"]').getByRole('heading', { name: 'Botulinum toxin injection record' })).toBeVisible();
  expect(problems).toEqual([]);
});
