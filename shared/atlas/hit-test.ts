/**
 * Pure hit-testing on the muscle polygons: the charting canvas resolves a click to a muscle and side with
 * this, never with Konva's own hit canvas, so the result is the same in tests, in print and after a redraw.
 */
import { distanceToPolygonEdge, pointInPolygon, polygonBBox, type BBox } from './geometry.ts';
import type { AtlasRegion, AtlasView, HitOptions, HitResult, Point } from './types.ts';

export const DEFAULT_HIT_TOLERANCE = 6;

interface PreparedRegion {
  region: AtlasRegion;
  box: BBox;
}

interface PreparedView {
  /** Deep regions first: with the deep layer shown, the deepest visible layer wins. */
  deep: readonly PreparedRegion[];
  superficial: readonly PreparedRegion[];
}

// Bounding boxes are computed once per view object; views are immutable data.
const prepared = new WeakMap<AtlasView, PreparedView>();

function prepare(view: AtlasView): PreparedView {
  const cached = prepared.get(view);
  if (cached) return cached;
  const deep: PreparedRegion[] = [];
  const superficial: PreparedRegion[] = [];
  for (const region of view.regions) {
    const entry = { region, box: polygonBBox(region.polygon) };
    if (region.layer === 'deep') deep.push(entry);
    else superficial.push(entry);
  }
  const result = { deep, superficial };
  prepared.set(view, result);
  return result;
}

function result(region: AtlasRegion, distance: number): HitResult {
  return { region, muscleId: region.muscleId, side: region.side, layer: region.layer, distance };
}

function containing(list: readonly PreparedRegion[], x: number, y: number): AtlasRegion | null {
  for (const { region, box } of list) {
    if (x < box.minX || x > box.maxX || y < box.minY || y > box.maxY) continue;
    if (pointInPolygon(region.polygon, x, y)) return region;
  }
  return null;
}

export function hitTest(view: AtlasView, point: Point, options: HitOptions): HitResult | null {
  const { x, y } = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const tolerance = options.tolerance ?? DEFAULT_HIT_TOLERANCE;
  const prep = prepare(view);
  if (options.showDeep) {
    const deep = containing(prep.deep, x, y);
    if (deep) return result(deep, 0);
  }
  const sup = containing(prep.superficial, x, y);
  if (sup) return result(sup, 0);
  if (tolerance <= 0) return null;

  let best: AtlasRegion | null = null;
  let bestDistance = tolerance;
  const lists = options.showDeep ? [prep.deep, prep.superficial] : [prep.superficial];
  for (const list of lists) {
    for (const { region, box } of list) {
      if (x < box.minX - bestDistance || x > box.maxX + bestDistance) continue;
      if (y < box.minY - bestDistance || y > box.maxY + bestDistance) continue;
      const d = distanceToPolygonEdge(region.polygon, x, y);
      if (d <= bestDistance && (best === null || d < bestDistance)) {
        best = region;
        bestDistance = d;
      }
    }
  }
  return best === null ? null : result(best, bestDistance);
}
