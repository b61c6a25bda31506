import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { getView, pointAlong } from '../../shared/atlas/index.ts';
import type { HistorySite } from '../../shared/domain/review.ts';
import { MapThumb } from '../../renderer/app/review/MapThumb.tsx';

function site(muscleId: string, side: 'left' | 'right', units: number, n: number): HistorySite {
  const view = getView('face_front', 1);
  const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side && r.layer === 'superficial');
  if (!region) throw new Error(`no ${muscleId}`);
  return { id: `s${n}`, seq: n, viewId: 'face_front', viewVersion: 1, ...pointAlong(region, 0.5), muscleId, side, units };
}

const sites = [site('frontalis', 'left', 5, 1), site('frontalis', 'right', 5, 2), site('corrugator_supercilii', 'left', 2.5, 3)];

/** The painted colour under a diagram point of a thumbnail (the drawing image and the markers over it). */
async function colourAt(el: HTMLElement, x: number, y: number, widthPx: number): Promise<[number, number, number]> {
  const img = el.querySelector('img') as HTMLImageElement;
  await img.decode();
  const view = getView('face_front', 1);
  const scale = widthPx / view.width;
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = Math.round(view.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const svg = el.querySelector('svg') as SVGSVGElement;
  const overlay = new Image();
  overlay.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await overlay.decode();
  ctx.drawImage(overlay, 0, 0, canvas.width, canvas.height);
  const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
  return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0];
}

describe('history thumbnails', () => {
  it('draw the diagram once as an image and every site as a marker where it was charted', async () => {
    const screen = await render(<MapThumb viewKey="face_front@1" sites={sites} widthPx={240} markerPx={6} />);
    const el = screen.container.querySelector('[data-view="face_front@1"]') as HTMLElement;
    expect(el.getAttribute('aria-label')).toBe('Face, front: 3 sites');
    expect(el.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);
    const path = el.querySelector('svg path[data-tone="current"]');
    expect(path?.getAttribute('data-count')).toBe('3');
    const [first] = sites;
    if (!first) throw new Error('no site');
    // The marker colour (#1f5fa8) at the first site; skin or muscle colour well away from it.
    const [r, , b] = await colourAt(el, first.x, first.y, 240);
    expect(b).toBeGreaterThan(140);
    expect(r).toBeLessThan(80);
    const [r2, , b2] = await colourAt(el, 300, 760, 240);
    expect(r2).toBeGreaterThan(b2);
  });

  it('share one image between thumbnails of the same view and version', async () => {
    const screen = await render(
      <div>
        <MapThumb viewKey="face_front@1" sites={sites.slice(0, 1)} widthPx={88} />
        <MapThumb viewKey="face_front@1" sites={sites.slice(1)} widthPx={88} />
      </div>,
    );
    const [a, b] = [...screen.container.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(a).toBe(b);
    expect([...screen.container.querySelectorAll('path[data-tone]')].map((p) => p.getAttribute('data-count'))).toEqual(['1', '2']);
  });

  it('draws the earlier session faded under the later one in a comparison', async () => {
    const screen = await render(
      <MapThumb viewKey="face_front@1" sites={sites.slice(0, 2)} under={[{ x: 100, y: 100, tone: 'ghost' }]} widthPx={300} markerPx={7} showUnits inline />,
    );
    expect(screen.container.querySelectorAll('circle[data-tone="ghost"]')).toHaveLength(1);
    expect(screen.container.querySelectorAll('circle[data-tone="current"]')).toHaveLength(2);
    expect([...screen.container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['5', '5']);
  });
});
