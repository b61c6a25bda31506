import { getView } from '../../shared/atlas/index.ts';
import { isDrag, nearestMarker, tapTolerance } from '../../renderer/canvas/gesture.ts';
import { layoutMarkers } from '../../renderer/canvas/labels.ts';
import { sideLabels } from '../../renderer/canvas/side-labels.ts';
import { fitViewport, toDiagram, toScreen, zoomAround } from '../../renderer/canvas/viewport.ts';

const bounds = { width: 800, height: 600 };

describe('marker labels', () => {
  it('a lone marker is labelled with its units to its right', () => {
    const [g] = layoutMarkers([{ id: 'a', x: 100, y: 100, units: 2.5 }], { radius: 9, fontSize: 13, bounds });
    expect(g?.label).toMatchObject({ text: '2.5' });
    expect(g?.label?.x).toBeGreaterThan(109);
  });

  it('labels of close markers move aside instead of covering each other or a marker', () => {
    const groups = layoutMarkers(
      [{ id: 'a', x: 100, y: 100, units: 5 }, { id: 'b', x: 130, y: 100, units: 5 }, { id: 'c', x: 115, y: 125, units: 5 }],
      { radius: 9, fontSize: 13, bounds },
    );
    const boxes = groups.map((g) => g.label).filter((b) => b !== null);
    expect(boxes).toHaveLength(3);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
      for (const g of groups) {
        const nx = Math.max(a.x, Math.min(g.x, a.x + a.width));
        const ny = Math.max(a.y, Math.min(g.y, a.y + a.height));
        expect((nx - g.x) ** 2 + (ny - g.y) ** 2).toBeGreaterThanOrEqual(81);
      }
    }
  });

  it('markers on top of each other become one marker with a count and their total', () => {
    const groups = layoutMarkers(
      [{ id: 'a', x: 100, y: 100, units: 5 }, { id: 'b', x: 103, y: 101, units: 5 }, { id: 'c', x: 300, y: 300, units: 2.5 }],
      { radius: 9, fontSize: 13, bounds },
    );
    expect(groups.map((g) => [g.ids, g.label?.text])).toEqual([[['a', 'b'], '2 sites · 10 U'], [['c'], '2.5']]);
  });

  it('a label with no free spot is left out (and counted), never drawn over another', () => {
    const ring = Array.from({ length: 40 }, (_, i) => ({ id: String(i), x: 100 + (i % 8) * 20, y: 100 + Math.floor(i / 8) * 20, units: 5 }));
    const groups = layoutMarkers(ring, { radius: 9, fontSize: 13, bounds });
    expect(groups.some((g) => g.label === null)).toBe(true);
  });
});

describe('presses', () => {
  it('a pen or a glove may slide more than a mouse and still tap', () => {
    expect(isDrag({ x: 0, y: 0 }, { x: 9, y: 0 }, 'mouse')).toBe(true);
    expect(isDrag({ x: 0, y: 0 }, { x: 9, y: 0 }, 'pen')).toBe(false);
    expect(isDrag({ x: 0, y: 0 }, { x: 12, y: 9 }, 'touch')).toBe(false);
    expect(isDrag({ x: 0, y: 0 }, { x: 20, y: 0 }, 'pen')).toBe(true);
    expect(tapTolerance('unknown')).toBe(6);
  });

  it('a marker is hit within a 44 px target, the nearest one when two are close', () => {
    const markers = [{ id: 'a', x: 100, y: 100 }, { id: 'b', x: 120, y: 100 }];
    expect(nearestMarker(markers, { x: 112, y: 100 })?.id).toBe('b');
    expect(nearestMarker(markers, { x: 100, y: 121 })?.id).toBe('a');
    expect(nearestMarker(markers, { x: 100, y: 124 })).toBeNull();
  });
});

describe('zooming around the pointer', () => {
  it('keeps the diagram point under the pointer where it was', () => {
    const diagram = { width: 600, height: 790 };
    const camera = { zoom: 1.3, pan: { x: 20, y: -10 } };
    const at = { x: 250, y: 180 };
    const before = toDiagram(at, fitViewport(diagram, bounds, camera.zoom, camera.pan));
    const next = zoomAround(diagram, bounds, camera, at, 2.6);
    const after = toScreen(before, fitViewport(diagram, bounds, next.zoom, next.pan));
    expect(next.zoom).toBe(2.6);
    expect(after.x).toBeCloseTo(at.x, 6);
    expect(after.y).toBeCloseTo(at.y, 6);
    expect(zoomAround(diagram, bounds, camera, at, 50).zoom).toBe(6);
  });
});

describe('left and right on the diagrams', () => {
  it("anterior views show the patient's right on the viewer's left, posterior views the other way", () => {
    expect(sideLabels(getView('face_front')).map((l) => [l.edge, l.letter])).toEqual([['left', 'R'], ['right', 'L']]);
    expect(sideLabels(getView('neck_anterior')).map((l) => [l.edge, l.letter])).toEqual([['left', 'R'], ['right', 'L']]);
    expect(sideLabels(getView('head_neck_posterior')).map((l) => [l.edge, l.letter])).toEqual([['left', 'L'], ['right', 'R']]);
    expect(sideLabels(getView('upper_limb_anterior_right'))).toEqual([{ letter: 'R', text: "patient's right side", edge: 'left' }]);
  });
});
