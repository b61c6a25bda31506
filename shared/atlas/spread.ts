/**
 * Where a site goes when it is placed without a pointer (by name, from a pattern, by mirroring): inside its muscle's
 * region, and not on top of the sites already there, so two sites placed by name in one muscle are two markers.
 */
import { pointInPolygon, polygonBBox, signedArea } from './geometry.ts';
import { pointAlong } from './interior.ts';
import type { AtlasRegion, AtlasView, Point, Side } from './types.ts';

/** Fractions along the region tried in turn: the middle first, then outwards on alternate sides. */
const ALONG = [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.12, 0.88, 0.25, 0.75, 0.35, 0.65, 0.45, 0.55];

/**
 * A point inside the region at least `minDistance` from every taken point, trying the middle first; when the
 * region is too full for that, the candidate farthest from the taken points.
 */
export function freePointInRegion(region: AtlasRegion, taken: readonly Point[], minDistance: number): Point {
  let best: Point | null = null;
  let bestDistance = -1;
  for (const t of ALONG) {
    let p: Point;
    try {
      p = pointAlong(region, t);
    } catch {
      continue;
    }
    if (!pointInPolygon(region.polygon, p.x, p.y)) continue;
    const nearest = taken.reduce((d, q) => Math.min(d, Math.hypot(q.x - p.x, q.y - p.y)), Infinity);
    if (nearest >= minDistance) return p;
    if (nearest > bestDistance) {
      best = p;
      bestDistance = nearest;
    }
  }
  return best ?? pointAlong(region, 0.5);
}

/** How far apart sites placed without a pointer are kept: about a marker and a half at the fitted zoom. */
export function spreadDistance(view: Pick<AtlasView, 'width' | 'height'>): number {
  return Math.max(view.width, view.height) / 40;
}

/** The regions of a muscle and side on a view, superficial first, larger first; deep ones only when allowed. */
export function regionsOf(view: AtlasView, muscleId: string, side: Side, includeDeep = true): AtlasRegion[] {
  return view.regions
    .filter((r) => r.muscleId === muscleId && r.side === side && (includeDeep || r.layer === 'superficial'))
    .sort((a, b) => (a.layer === b.layer ? Math.abs(signedArea(b.polygon)) - Math.abs(signedArea(a.polygon)) : a.layer === 'superficial' ? -1 : 1));
}

/** The area of a region's bounding box: a quick measure of how large a muscle is drawn. */
export function regionSize(region: AtlasRegion): number {
  const b = polygonBBox(region.polygon);
  return (b.maxX - b.minX) * (b.maxY - b.minY);
}
