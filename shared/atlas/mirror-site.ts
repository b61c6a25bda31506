/**
 * The mirror image of a charted site: the same place on the patient's other side. On a view that shows both sides
 * (face, neck, back) that is the same view reflected about its middle; on a view of one side (head lateral, a limb)
 * it is the same point on the other side's view, which is that view's mirror drawing. The mirrored point must land
 * in the same muscle on the other side; where the drawing is not symmetric enough for that, the site goes inside
 * that muscle's region instead, away from the sites already there.
 */
import { getMuscle } from './catalogue.ts';
import { pointInPolygon } from './geometry.ts';
import { mirrorId, mirrorSide } from './mirror.ts';
import { hasView } from './registry.ts';
import { freePointInRegion, regionsOf, spreadDistance } from './spread.ts';
import type { AtlasView, Point, Side } from './types.ts';

export interface SiteLike {
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: Side;
}

export type MirrorResult =
  | { ok: true; site: SiteLike }
  | { ok: false; reason: 'midline' | 'no-view' | 'no-muscle' };

/**
 * `viewFor` gives the drawing a site on a view would use (the version already charted on it in this session, or
 * the latest); `taken` gives the points already used on a view, so mirrored sites do not stack.
 */
export function mirrorSite(site: SiteLike, viewFor: (viewId: string) => AtlasView | null, taken: (viewId: string) => readonly Point[] = () => []): MirrorResult {
  if (getMuscle(site.muscleId).sideMode === 'midline' || site.side === 'midline') return { ok: false, reason: 'midline' };
  const source = viewFor(site.viewId);
  if (!source) return { ok: false, reason: 'no-view' };
  const targetId = source.side === null ? source.id : mirrorId(source.id);
  if (targetId !== source.id && !hasView(targetId)) return { ok: false, reason: 'no-view' };
  const target = targetId === source.id ? source : viewFor(targetId);
  if (!target) return { ok: false, reason: 'no-view' };
  const side = mirrorSide(site.side);
  const reflected: Point = { x: Math.round((target.width - site.x) * 10) / 10, y: site.y };
  const regions = regionsOf(target, site.muscleId, side);
  if (regions.some((r) => pointInPolygon(r.polygon, reflected.x, reflected.y))) {
    return { ok: true, site: { viewId: target.id, viewVersion: target.version, ...reflected, muscleId: site.muscleId, side } };
  }
  const region = regions[0];
  if (!region) return { ok: false, reason: 'no-muscle' };
  const p = freePointInRegion(region, taken(target.id), spreadDistance(target));
  return { ok: true, site: { viewId: target.id, viewVersion: target.version, ...p, muscleId: site.muscleId, side } };
}
