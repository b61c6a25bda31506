import { getView, latestVersion, muscleName, viewsForIndication, type AtlasView, type Side } from '../../../shared/atlas/index.ts';
import type { SessionDetail, Site } from '../../../shared/domain/types.ts';

/**
 * The views of this session: those of its indication, then of every other indication treated at this visit
 * (arm and leg spasticity in one session), plus any other view a site was charted on.
 */
export function sessionViews(session: Pick<SessionDetail, 'indication' | 'otherIndications'> & { sites: readonly Pick<Site, 'viewId'>[] }): string[] {
  const ids: string[] = [];
  for (const indication of [session.indication, ...session.otherIndications]) {
    for (const id of viewsForIndication(indication)) if (!ids.includes(id)) ids.push(id);
  }
  for (const s of session.sites) if (!ids.includes(s.viewId)) ids.push(s.viewId);
  return ids;
}

/** Every muscle and side drawn on a view (deep ones only when shown), sorted by name. */
export function viewMuscleChoices(view: AtlasView, showDeep = true): Array<{ muscleId: string; side: Side }> {
  const seen = new Map<string, { muscleId: string; side: Side }>();
  for (const r of view.regions) {
    if (showDeep || r.layer === 'superficial') seen.set(`${r.muscleId}|${r.side}`, { muscleId: r.muscleId, side: r.side });
  }
  return [...seen.values()].sort((a, b) => muscleName(a.muscleId).localeCompare(muscleName(b.muscleId)) || a.side.localeCompare(b.side));
}

export function isDeepSite(site: Site): boolean {
  const regions = getView(site.viewId, site.viewVersion).regions.filter((r) => r.muscleId === site.muscleId && r.side === site.side);
  return regions.length > 0 && regions.every((r) => r.layer === 'deep');
}

/** What a placed site may be reassigned to: the muscles drawn on its diagram. */
export function muscleChoices(site: Site): Array<{ muscleId: string; side: Side }> {
  return viewMuscleChoices(getView(site.viewId, site.viewVersion));
}

/** A view is shown in the version its sites were charted on, so an old map reads exactly as charted. */
export function viewForSession(viewId: string, sites: readonly Site[]): AtlasView {
  const charted = sites.find((s) => s.viewId === viewId);
  return getView(viewId, charted?.viewVersion ?? latestVersion(viewId));
}
