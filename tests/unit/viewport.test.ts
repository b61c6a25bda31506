import { fitViewport, toDiagram, toScreen, clampZoom, roundPoint } from '../../renderer/canvas/viewport.ts';

describe('viewport', () => {
  const diagram = { width: 1000, height: 1200 };

  it('maps screen to diagram and back at any container size and zoom', () => {
    for (const container of [{ width: 500, height: 600 }, { width: 1600, height: 900 }]) {
      for (const zoom of [0.5, 1, 2.5]) {
        const vp = fitViewport(diagram, container, zoom, { x: 13, y: -7 });
        const p = { x: 321.5, y: 876.25 };
        const back = toDiagram(toScreen(p, vp), vp);
        expect(back.x).toBeCloseTo(p.x, 9);
        expect(back.y).toBeCloseTo(p.y, 9);
      }
    }
  });

  it('fits the whole diagram inside the container at zoom 1, centred', () => {
    const vp = fitViewport(diagram, { width: 800, height: 600 }, 1, { x: 0, y: 0 }, 0);
    expect(vp.scale).toBeCloseTo(0.5);
    expect(toScreen({ x: 0, y: 0 }, vp)).toEqual({ x: 150, y: 0 });
    expect(toScreen({ x: 1000, y: 1200 }, vp)).toEqual({ x: 650, y: 600 });
  });

  it('clamps zoom and rounds stored points to 0.1 unit', () => {
    expect(clampZoom(100)).toBe(6);
    expect(clampZoom(0.01)).toBe(0.5);
    expect(roundPoint({ x: 1.26, y: 3.04 })).toEqual({ x: 1.3, y: 3 });
  });
});
