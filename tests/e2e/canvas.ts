import { expect, type Page } from '@playwright/test';
import { getView, hitTest, regionCentroid } from '../../shared/atlas/index.ts';

type Side = 'left' | 'right' | 'midline';

/** Page pixel of a face_front diagram point: read the canvas transform the app reports (data-scale) and its box. */
export async function pagePoint(page: Page, diagram: { x: number; y: number }) {
  const canvas = page.getByTestId('chart-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas not visible');
  const scale = Number(await canvas.getAttribute('data-scale'));
  const view = getView('face_front');
  const offsetX = (box.width - view.width * scale) / 2;
  const offsetY = (box.height - view.height * scale) / 2;
  return { x: box.x + offsetX + diagram.x * scale, y: box.y + offsetY + diagram.y * scale };
}

/** A point of face_front that the hit-test resolves to the given muscle and side. */
export function regionPoint(muscleId: string, side: Side) {
  const view = getView('face_front');
  const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && r.layer === 'superficial');
  if (!region) throw new Error(`no ${side} ${muscleId} on face_front`);
  const c = regionCentroid(region);
  expect(hitTest(view, c, { showDeep: false })?.muscleId, `centroid of ${muscleId} resolves to it`).toBe(muscleId);
  return c;
}

export async function clickMuscle(page: Page, muscleId: string, side: Side) {
  const p = await pagePoint(page, regionPoint(muscleId, side));
  await page.mouse.click(p.x, p.y);
}
