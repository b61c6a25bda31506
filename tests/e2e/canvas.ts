import { expect, type Locator, type Page } from '@playwright/test';
import { getView, hitTest, pointAlong, regionCentroid, viewsForIndication } from '../../shared/atlas/index.ts';
import type { IndicationId } from '../../shared/indications.ts';

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

/** A site in the middle of a muscle, on the first of the indication's views that draws it (superficially, if asked). */
export function siteAt(indication: IndicationId, muscleId: string, side: Side, opts: { superficialOnly?: boolean } = {}) {
  for (const viewId of viewsForIndication(indication)) {
    const view = getView(viewId);
    const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && (!opts.superficialOnly || r.layer === 'superficial'));
    if (region) return { viewId, viewVersion: view.version, ...pointAlong(region, 0.5), muscleId, side };
  }
  throw new Error(`no ${side} ${muscleId} on the ${indication} views`);
}

/** Screenshots at 1400 x 900 and 1024 x 700 as `<prefix>-<w>x<h>.png`; `show` is scrolled into view first. */
export async function shootBoth(page: Page, prefix: string, show?: Locator): Promise<void> {
  for (const [w, h] of [[1400, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    if (show) await show.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${prefix}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}
