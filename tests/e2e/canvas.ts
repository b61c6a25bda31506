import { expect, type Page } from '@playwright/test';
import { getView, hitTest, regionCentroid } from '../../shared/atlas/index.ts';

type Side = 'left' | 'right' | 'midline';

/**
 * Page pixel of a diagram point of the view on screen: read the canvas transform the app reports (data-scale and
 * data-offset) and its box.
 */
export async function pagePoint(page: Page, diagram: { x: number; y: number }) {
  const canvas = page.getByTestId('chart-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('canvas not visible');
  const scale = Number(await canvas.getAttribute('data-scale'));
  const offset = await canvas.getAttribute('data-offset');
  if (offset) {
    const [ox, oy] = offset.split(',').map(Number) as [number, number];
    return { x: box.x + ox + diagram.x * scale, y: box.y + oy + diagram.y * scale };
  }
  const view = getView('face_front');
  const offsetX = (box.width - view.width * scale) / 2;
  const offsetY = (box.height - view.height * scale) / 2;
  return { x: box.x + offsetX + diagram.x * scale, y: box.y + offsetY + diagram.y * scale };
}

/** A point of a view (face_front unless named) that the hit-test resolves to the given muscle and side. */
export function regionPoint(muscleId: string, side: Side, viewId = 'face_front') {
  const view = getView(viewId);
  const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && r.layer === 'superficial');
  if (!region) throw new Error(`no ${side} ${muscleId} on ${viewId}`);
  const c = regionCentroid(region);
  expect(hitTest(view, c, { showDeep: false })?.muscleId, `centroid of ${muscleId} resolves to it`).toBe(muscleId);
  return c;
}

/** Clicks the muscle on the diagram on screen (whichever view the chart shows). */
export async function clickMuscle(page: Page, muscleId: string, side: Side) {
  const viewId = (await page.getByTestId('chart-canvas').getAttribute('data-view')) ?? 'face_front';
  const p = await pagePoint(page, regionPoint(muscleId, side, viewId));
  await page.mouse.click(p.x, p.y);
}
