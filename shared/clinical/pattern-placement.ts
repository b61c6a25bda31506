/**
 * Where the sites of an accepted pattern go: for each muscle and side, a diagram of the session that draws it (the
 * one on screen first, then the session's other diagrams in order, superficial drawings before deep ones), and
 * points inside its region(s), spread away from the sites already there. A muscle drawn as several parts (the
 * orbital part above and below the eye, medial and lateral) gets its sites spread over those parts in turn.
 */
import { freePointInRegion, regionsOf, spreadDistance } from '../atlas/spread.ts';
import type { AtlasRegion, AtlasView, Point, Side } from '../atlas/types.ts';

export interface PlacementRequest {
  muscleId: string;
  side: Side;
  /** How many sites in this muscle. */
  sites: number;
}

export interface PlacedSite {
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: Side;
}

export type PlacementResult = { ok: true; sites: PlacedSite[] } | { ok: false; missing: PlacementRequest[] };

/** The best drawing of a muscle among the given views: one with a superficial region, else a deep one. */
function viewFor(views: readonly AtlasView[], muscleId: string, side: Side): { view: AtlasView; regions: AtlasRegion[] } | null {
  for (const deepAllowed of [false, true]) {
    for (const view of views) {
      const regions = regionsOf(view, muscleId, side, deepAllowed);
      if (regions.length > 0) return { view, regions };
    }
  }
  return null;
}

/**
 * Places every requested site, or names the muscles none of the views draws (then nothing is placed).
 * `views` is in order of preference (the view on screen first); `taken` is every point already charted, per view.
 */
export function placePatternSites(
  requests: readonly PlacementRequest[],
  views: readonly AtlasView[],
  taken: (viewId: string) => readonly Point[],
): PlacementResult {
  const missing = requests.filter((r) => viewFor(views, r.muscleId, r.side) === null);
  if (missing.length > 0) return { ok: false, missing };
  const used = new Map<string, Point[]>();
  const sites: PlacedSite[] = [];
  for (const r of requests) {
    const found = viewFor(views, r.muscleId, r.side);
    if (!found) continue;
    const { view, regions } = found;
    const points = used.get(view.id) ?? [...taken(view.id)];
    used.set(view.id, points);
    for (let i = 0; i < r.sites; i++) {
      const region = regions[i % regions.length] as AtlasRegion;
      const p = freePointInRegion(region, points, spreadDistance(view));
      points.push(p);
      sites.push({ viewId: view.id, viewVersion: view.version, x: p.x, y: p.y, muscleId: r.muscleId, side: r.side });
    }
  }
  return { ok: true, sites };
}
