import { expect, type Page } from '@playwright/test';
import type { Backend } from '../../electron/backend.ts';
import { getView, regionCentroid, type Side } from '../../shared/atlas/index.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { call } from './bridge.ts';
import { signingClinician } from '../helpers/signing.ts';

export const SHOTS = 'test-results/chart-chair';

/** A clinician profile and a patient; returns the patient's id. */
export async function clinic(backend: Backend, mrn = 'CD-0101'): Promise<string> {
  await call(backend, 'clinician:add', signingClinician());
  const p = await call<{ id: string }>(backend, 'patient:create', { mrn, familyName: 'Moreau', givenName: 'Léa', birthDate: '1971-05-02' });
  return p.id;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A draft session, opened on the chart from the patient's screen as a clinician would. */
export async function openDraft(page: Page, backend: Backend, patientId: string, input: Record<string, unknown>): Promise<SessionDetail> {
  const session = await call<SessionDetail>(backend, 'session:create', { patientId, date: today(), ...input });
  await page.goto('/');
  await page.getByRole('button', { name: 'MOREAU, Léa' }).first().click();
  await page.getByTestId('session-list').getByRole('button').first().click();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  return session;
}

/** Page pixel of a diagram point on the view shown (waiting for that view), from the transform the canvas reports. */
export async function pointOnCanvas(page: Page, diagram: { x: number; y: number }, viewId?: string) {
  const canvas = page.getByTestId('chart-canvas');
  if (viewId) await expect(canvas).toHaveAttribute('data-view', viewId);
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas not visible');
  const scale = Number(await canvas.getAttribute('data-scale'));
  const [ox, oy] = ((await canvas.getAttribute('data-offset')) ?? '0,0').split(',').map(Number) as [number, number];
  return { x: box.x + ox + diagram.x * scale, y: box.y + oy + diagram.y * scale };
}

/** The middle of a region of a view, by muscle, side and (optionally) a part of its id. */
export function regionMiddle(viewId: string, muscleId: string, side: Side, idPart = '') {
  const region = getView(viewId).regions.find((r) => r.muscleId === muscleId && r.side === side && r.id.includes(idPart));
  if (!region) throw new Error(`no ${side} ${muscleId} ${idPart} on ${viewId}`);
  return regionCentroid(region);
}

/** Page pixel of the middle of a region, once its view is on screen. */
export async function regionOnCanvas(page: Page, viewId: string, muscleId: string, side: Side, idPart = '') {
  return pointOnCanvas(page, regionMiddle(viewId, muscleId, side, idPart), viewId);
}

export async function savedSites(backend: Backend, sessionId: string) {
  const detail = await call<SessionDetail>(backend, 'session:get', { id: sessionId });
  return detail.sites;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}
