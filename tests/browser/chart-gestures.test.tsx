import { render } from 'vitest-browser-react';
import { getView, regionCentroid, type Point } from '../../shared/atlas/index.ts';
import type { Site } from '../../shared/domain/types.ts';
import { ChartCanvas, type ChartCanvasProps } from '../../renderer/canvas/ChartCanvas.tsx';
import { LONG_PRESS_MS } from '../../renderer/canvas/gesture.ts';
import { fitViewport, toScreen, type Camera } from '../../renderer/canvas/viewport.ts';

const view = getView('head_neck_posterior');
const size = { width: 600, height: 600 };
const levator = (() => {
  const r = view.regions.find((x) => x.muscleId === 'levator_scapulae' && x.side === 'left');
  if (!r) throw new Error('no left levator scapulae');
  return regionCentroid(r);
})();
const trapezius = (() => {
  const r = view.regions.find((x) => x.muscleId === 'trapezius_upper' && x.side === 'left');
  if (!r) throw new Error('no left trapezius');
  return regionCentroid(r);
})();
const site: Site = {
  id: 's1', sessionId: 'x', seq: 1, viewId: view.id, viewVersion: view.version, ...levator, muscleId: 'levator_scapulae', side: 'left',
  units: 25, guidance: 'none', note: '', createdAt: '', updatedAt: '',
};

interface Recorded {
  placed: Point[];
  selected: Array<string | null>;
  moved: Array<[string, Point]>;
  cameras: Camera[];
  drags: Array<string | null>;
}

async function mount(extra: Partial<ChartCanvasProps> = {}) {
  const rec: Recorded = { placed: [], selected: [], moved: [], cameras: [], drags: [] };
  const screen = await render(
    <div style={size}>
      <ChartCanvas
        view={view} sites={[site]} showDeep={false} zoom={1} selectedId={null} pending={null} size={size}
        onPlace={(p) => rec.placed.push(p)} onSelect={(id) => rec.selected.push(id)} onMove={(id, p) => rec.moved.push([id, p])}
        onCamera={(c) => rec.cameras.push(c)} onDragState={(d) => rec.drags.push(d?.siteId ?? null)}
        {...extra}
      />
    </div>,
  );
  const el = screen.container.querySelector<HTMLElement>('[data-testid="chart-canvas"]');
  if (!el) throw new Error('no canvas');
  const box = el.getBoundingClientRect();
  const vp = fitViewport(view, size, 1);
  const at = (p: Point) => toScreen(p, vp);
  const fire = (type: string, p: { x: number; y: number }, pointerType = 'mouse', pointerId = 1) =>
    el.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId, pointerType, isPrimary: pointerId === 1, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: box.left + p.x, clientY: box.top + p.y }));
  return { rec, at, fire };
}

describe('presses on the chart', () => {
  it('a pen press that slides 12 px places, where it went down', async () => {
    const { rec, at, fire } = await mount();
    const p = at(trapezius);
    fire('pointerdown', p, 'pen');
    fire('pointermove', { x: p.x + 8, y: p.y + 9 }, 'pen');
    fire('pointerup', { x: p.x + 8, y: p.y + 9 }, 'pen');
    expect(rec.placed).toHaveLength(1);
    expect(Math.abs((rec.placed[0]?.x ?? 0) - trapezius.x)).toBeLessThan(1);
    expect(rec.cameras).toEqual([]);
  });

  it('a mouse press that slides 12 px pans instead, and places nothing', async () => {
    const { rec, at, fire } = await mount();
    const p = at(trapezius);
    fire('pointerdown', p);
    fire('pointermove', { x: p.x + 8, y: p.y + 9 });
    fire('pointerup', { x: p.x + 8, y: p.y + 9 });
    expect(rec.placed).toEqual([]);
    expect(rec.cameras.at(-1)).toEqual({ zoom: 1, pan: { x: 8, y: 9 } });
  });

  it('in place mode a quick press on a marker places beside it; held, it picks the marker up', async () => {
    const { rec, at, fire } = await mount();
    const p = at(levator);
    fire('pointerdown', { x: p.x + 3, y: p.y });
    fire('pointerup', { x: p.x + 3, y: p.y });
    expect(rec.placed).toHaveLength(1);
    expect(rec.selected).toEqual([]);
    fire('pointerdown', p, 'touch');
    await new Promise((r) => setTimeout(r, LONG_PRESS_MS + 100));
    expect(rec.drags).toEqual(['s1']);
    const q = at(trapezius);
    fire('pointermove', q, 'touch');
    fire('pointerup', q, 'touch');
    expect(rec.moved.map(([id]) => id)).toEqual(['s1']);
    expect(rec.placed).toHaveLength(1);
  });

  it('in select mode a press selects the nearest marker within 22 px, a drag moves it, Escape puts it back', async () => {
    const { rec, at, fire } = await mount({ mode: 'select' });
    const p = at(levator);
    fire('pointerdown', { x: p.x + 18, y: p.y });
    fire('pointerup', { x: p.x + 18, y: p.y });
    expect(rec.selected).toEqual(['s1']);
    fire('pointerdown', p);
    fire('pointermove', at(trapezius));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    fire('pointerup', at(trapezius));
    expect(rec.moved).toEqual([]);
    expect(rec.drags).toEqual(['s1', null]);
    fire('pointerdown', p);
    fire('pointermove', at(trapezius));
    fire('pointerup', at(trapezius));
    expect(rec.moved).toHaveLength(1);
    expect(Math.abs((rec.moved[0]?.[1].x ?? 0) - trapezius.x)).toBeLessThan(1);
  });

  it('two fingers moving apart zoom in around their middle', async () => {
    const { rec, fire } = await mount();
    fire('pointerdown', { x: 250, y: 300 }, 'touch', 1);
    fire('pointerdown', { x: 350, y: 300 }, 'touch', 2);
    fire('pointermove', { x: 200, y: 300 }, 'touch', 1);
    fire('pointermove', { x: 400, y: 300 }, 'touch', 2);
    fire('pointerup', { x: 200, y: 300 }, 'touch', 1);
    fire('pointerup', { x: 400, y: 300 }, 'touch', 2);
    const last = rec.cameras.at(-1);
    expect(last?.zoom).toBeCloseTo(2, 5);
    expect(rec.placed).toEqual([]);
  });
});
