// A draft started by mistake is discarded (after a confirmation), and the clinician's own templates are renamed
// and deleted where they are saved.
import { expect, test } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import type { AuditEntry, Template } from '../../shared/domain/types.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { attachBackend, call, collectPageProblems } from './bridge.ts';
import { clinic, openDraft, regionOnCanvas, shot } from './chair-helpers.ts';

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

test('a draft is discarded only after saying what goes, and the history keeps that it was', async ({ page }) => {
  const patientId = await clinic(backend);
  const session = await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const p = await regionOnCanvas(page, 'face_front', 'procerus', 'midline');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.getByTestId('discard-draft').click();
  await expect(page.getByTestId('discard-dialog')).toContainText('1 site');
  await shot(page, 'discard-draft-1400');
  // Keeping it changes nothing.
  await page.getByRole('button', { name: 'Keep the draft' }).click();
  await expect(page.getByTestId('site-row')).toHaveCount(1);
  await page.getByTestId('discard-draft').click();
  await page.getByTestId('confirm-discard').click();
  await expect(page.getByTestId('patient-name')).toHaveText('MOREAU, Léa');
  await expect(page.getByText('No sessions recorded yet.')).toBeVisible();
  const audit = await call<AuditEntry[]>(backend, 'audit:list', { sessionId: session.id, limit: 100 });
  // Newest first: the discarding, then the start.
  expect(audit.filter((e) => e.entity === 'sessions').map((e) => e.action)).toEqual(['delete', 'insert']);
  // A reload does not try to reopen the discarded chart.
  await page.reload();
  await expect(page.getByTestId('patient-name')).toHaveText('MOREAU, Léa');
  expect(problems).toEqual([]);
});

test('own templates are renamed and deleted beside "Save as template"; built-in protocols are not offered', async ({ page }) => {
  const patientId = await clinic(backend);
  await openDraft(page, backend, patientId, { indication: 'chronic_migraine', productId: 'onabotulinumtoxinA' });
  const p = await regionOnCanvas(page, 'face_front', 'frontalis', 'left');
  await page.mouse.click(p.x, p.y);
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.getByTestId('details-tab').click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Frontal only');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByTestId('own-templates')).toContainText('Frontal only');
  await expect(page.getByTestId('own-templates')).not.toContainText('PREEMPT');
  await page.getByRole('button', { name: 'Rename Frontal only' }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill('Frontalis, left only');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('own-templates')).toContainText('Frontalis, left only');
  let mine = (await call<Template[]>(backend, 'template:list', { indication: 'chronic_migraine' })).filter((t) => !t.builtin);
  expect(mine.map((t) => t.name)).toEqual(['Frontalis, left only']);
  await shot(page, 'own-templates-1400');
  await page.getByRole('button', { name: 'Delete Frontalis, left only' }).click();
  await page.getByTestId('own-templates').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('own-templates')).toHaveCount(0);
  mine = (await call<Template[]>(backend, 'template:list', { indication: 'chronic_migraine' })).filter((t) => !t.builtin);
  expect(mine).toEqual([]);
  expect(problems).toEqual([]);
});
