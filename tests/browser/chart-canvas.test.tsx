import { useState } from 'react';
import { render } from 'vitest-browser-react';
import { page } from 'vitest/browser';
import { getView, hitTest, pointAlong, regionCentroid, type Point } from '../../shared/atlas/index.ts';
import type { Site } from '../../shared/domain/types.ts';
import { ChartCanvas } from '../../renderer/canvas/ChartCanvas.tsx';
import { fitViewport, toScreen } from '../../renderer/canvas/viewport.ts';

const view = getView('face_front');

function Harness({ size, zoom, onPlace }: { size: { width: number; height: number }; zoom: number; onPlace: (p: Point) => void }) {
  const [sites] = useState<Site[]>([]);
  return (
    <div style={{ width: size.width, height: size.height }}>
      <ChartCanvas view={view} sites={sites} showDeep={false} zoom={zoom} selectedId={null} pending={null} onPlace={onPlace} onSelect={() => {}} size={size} />
    </div>
  );
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The colour on screen at a canvas point: the topmost layer that draws something there. */
function pixelAt(container: Element, at: { x: number; y: number }, cssWidth: number): number[] {
  const layers = [...container.querySelectorAll('canvas')].reverse();
  for (const layer of layers) {
    const ratio = layer.width / cssWidth;
    const px = layer.getContext('2d')?.getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data;
    if (px && px[3] !== 0) return [px[0] ?? 0, px[1] ?? 0, px[2] ?? 0];
  }
  return [0, 0, 0];
}

const frontalisLeft = (() => {
  const region = view.regions.find((r) => r.muscleId === 'frontalis' && r.side === 'left');
  if (!region) throw new Error('face_front has no left frontalis');
  return regionCentroid(region);
})();

describe('charting canvas', () => {
  const cases = [
    { size: { width: 420, height: 520 }, zoom: 1 },
    { size: { width: 900, height: 700 }, zoom: 1.6 },
    { size: { width: 640, height: 640 }, zoom: 0.8 },
  ];

  it.each(cases)('a click on the left frontalis lands at its diagram coordinates ($size.width×$size.height, zoom $zoom)', async ({ size, zoom }) => {
    const placed: Point[] = [];
    const screen = await render(<Harness size={size} zoom={zoom} onPlace={(p) => placed.push(p)} />);
    const canvas = screen.container.querySelector<HTMLElement>('[data-testid="chart-canvas"]');
    if (!canvas) throw new Error('no canvas');
    const vp = fitViewport(view, size, zoom);
    const target = toScreen(frontalisLeft, vp);
    expect(target.x).toBeGreaterThan(0);
    expect(target.x).toBeLessThan(size.width);
    expect(target.y).toBeGreaterThan(0);
    expect(target.y).toBeLessThan(size.height);
    await page.elementLocator(canvas).click({ position: { x: target.x, y: target.y } });
    expect(placed).toHaveLength(1);
    const p = placed[0] as Point;
    // One screen pixel is 1/scale diagram units; the stored point is rounded to 0.1.
    const tolerance = 1 / vp.scale + 0.1;
    expect(Math.abs(p.x - frontalisLeft.x)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(p.y - frontalisLeft.y)).toBeLessThanOrEqual(tolerance);
    expect(hitTest(view, p, { showDeep: false })).toMatchObject({ muscleId: 'frontalis', side: 'left' });
  });

  it('draws a placed site where it was charted, whatever the zoom', async () => {
    const site: Site = {
      id: 's1', sessionId: 'x', seq: 1, viewId: view.id, viewVersion: view.version, x: frontalisLeft.x, y: frontalisLeft.y,
      muscleId: 'frontalis', side: 'left', units: 5, guidance: 'none', note: '', createdAt: '', updatedAt: '',
    };
    for (const zoom of [1, 1.3]) {
      const size = { width: 500, height: 500 };
      const screen = await render(
        <div style={{ width: 500, height: 500 }}>
          <ChartCanvas view={view} sites={[site]} showDeep={false} zoom={zoom} selectedId={null} pending={null} onPlace={() => {}} onSelect={() => {}} size={size} />
        </div>,
      );
      await nextFrame();
      await nextFrame();
      const at = toScreen(site, fitViewport(view, size, zoom));
      expect(at.y).toBeGreaterThan(0);
      // The marker is blue (#1f5fa8) at the site's own point.
      expect(pixelAt(screen.container, at, size.width)).toEqual([0x1f, 0x5f, 0xa8]);
    }
  });

  it('marks a site in a deep muscle apart from superficial ones', async () => {
    const limb = getView('upper_limb_anterior_left');
    const deep = limb.regions.find((r) => r.layer === 'deep' && r.muscleId === 'pronator_quadratus');
    if (!deep) throw new Error('no deep pronator quadratus on the anterior upper limb');
    const at = pointAlong(deep, 0.5);
    const site: Site = {
      id: 'd1', sessionId: 'x', seq: 1, viewId: limb.id, viewVersion: limb.version, x: at.x, y: at.y,
      muscleId: deep.muscleId, side: deep.side, units: 10, guidance: 'none', note: '', createdAt: '', updatedAt: '',
    };
    const size = { width: 400, height: 700 };
    const screen = await render(
      <div style={size}>
        <ChartCanvas view={limb} sites={[site]} showDeep zoom={1} selectedId={null} pending={null} onPlace={() => {}} onSelect={() => {}} size={size} />
      </div>,
    );
    await nextFrame();
    const p = toScreen(site, fitViewport(limb, size, 1));
    expect(pixelAt(screen.container, p, size.width)).toEqual([0x5b, 0x3f, 0xa0]);
  });
});
