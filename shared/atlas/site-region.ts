/**
 * A site's point must lie on the muscle it names: inside (or within SITE_REGION_TOLERANCE of) a region of
 * that muscle and side on the site's own diagram version. The services and the importer refuse any other
 * site, so the map, the list and the record always agree.
 */
import { DEFAULT_HIT_TOLERANCE } from './hit-test.ts';
import { MUSCLES } from './catalogue.ts';
import { distanceToPolygonEdge, pointInPolygon, polygonBBox, type BBox } from './geometry.ts';
import { freePointInRegion, regionsOf, spreadDistance } from './spread.ts';
import type { AtlasRegion, AtlasView, Point, Side } from './types.ts';

/**
 * How far outside its region a site's point may lie, in diagram units: a tap that close to a region's edge
 * resolves to that muscle (hit-testing's DEFAULT_HIT_TOLERANCE, 6), plus 2 for a point dragged along the
 * edge and for coordinates written with fewer decimals by another program.
 */
export const SITE_REGION_TOLERANCE = DEFAULT_HIT_TOLERANCE + 2;

const SIDE_WORDS: Readonly<Record<Side, string>> = { left: 'left', right: 'right', midline: 'midline' };

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function named(muscleId: string): string {
  const muscle = MUSCLES.find((m) => m.id === muscleId);
  return muscle ? clip(muscle.name) : `'${clip(muscleId, 40)}'`;
}

// Regions are immutable data: their boxes are computed once.
const boxes = new WeakMap<AtlasRegion, BBox>();
function boxOf(region: AtlasRegion): BBox {
  let box = boxes.get(region);
  if (!box) boxes.set(region, (box = polygonBBox(region.polygon)));
  return box;
}

/** How far the point lies from the nearest region of the muscle and side on the view: 0 inside, Infinity if none is drawn. */
export function distanceToMuscle(view: AtlasView, point: Point, muscleId: string, side: Side): number {
  let best = Infinity;
  for (const r of view.regions) {
    if (r.muscleId !== muscleId || r.side !== side) continue;
    const box = boxOf(r);
    if (point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY && pointInPolygon(r.polygon, point.x, point.y)) return 0;
    best = Math.min(best, distanceToPolygonEdge(r.polygon, point.x, point.y));
  }
  return best;
}

/**
 * Why the point cannot be a site of this muscle and side on the view, or null when it can. The message names
 * the muscle, side and view (each clipped, so it stays under 200 characters whatever the input).
 */
export function siteRegionProblem(view: AtlasView, point: Point, muscleId: string, side: Side): string | null {
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return 'The point of the site is not a number';
  const where = `${named(muscleId)} (${SIDE_WORDS[side] ?? clip(String(side), 10)}) on the diagram ${clip(view.title)}`;
  const distance = distanceToMuscle(view, point, muscleId, side);
  if (distance === Infinity) return `${where} is not drawn, so no site can be placed there`;
  if (distance > SITE_REGION_TOLERANCE) {
    return `The point (${Math.round(point.x)}, ${Math.round(point.y)}) is not on ${where}: it lies ${Math.round(distance)} units outside it`;
  }
  return null;
}

/**
 * Where a site named anew (another muscle or side, from the site list) goes: where it is, when that is on the
 * muscle; otherwise inside the muscle's largest region, away from the `taken` points. Null when the view does
 * not draw that muscle and side.
 */
export function pointOnMuscle(view: AtlasView, point: Point, muscleId: string, side: Side, taken: readonly Point[]): Point | null {
  const distance = distanceToMuscle(view, point, muscleId, side);
  if (distance === Infinity) return null;
  if (distance <= SITE_REGION_TOLERANCE) return point;
  const region = regionsOf(view, muscleId, side)[0];
  return region ? freePointInRegion(region, taken, spreadDistance(view)) : null;
}
