/** Totals of one session: per muscle and side, per side, per region and limb, and in all. */
import { getMuscle, hasMuscle } from '../atlas/catalogue.ts';
import { sumUnits } from '../domain/values.ts';
import type { DeriveSite, RegionTotal, SessionDerived, SiteSide } from './types.ts';

/** Coarse body area of a muscle (face, head, jaw, neck, trunk, upper_limb, lower_limb), from the reference. */
export function bodyArea(muscleId: string): string {
  return hasMuscle(muscleId) ? getMuscle(muscleId).bodyArea : 'unknown';
}

const LIMB_AREAS = new Set(['upper_limb', 'lower_limb']);
const REGION_ORDER = ['face', 'head', 'jaw', 'neck', 'trunk', 'upper_limb_left', 'upper_limb_right', 'lower_limb_left', 'lower_limb_right', 'unknown'];

/** The region a site counts in: its body area, and for a limb the side too (each limb is its own region). */
export function regionOf(site: Pick<DeriveSite, 'muscleId' | 'side'>): string {
  const area = bodyArea(site.muscleId);
  return LIMB_AREAS.has(area) ? `${area}_${site.side}` : area;
}

function grouped<K>(sites: readonly DeriveSite[], key: (s: DeriveSite) => K): Map<K, DeriveSite[]> {
  const out = new Map<K, DeriveSite[]>();
  for (const s of sites) {
    const k = key(s);
    const list = out.get(k);
    if (list) list.push(s);
    else out.set(k, [s]);
  }
  return out;
}

export function unitsOf(sites: readonly DeriveSite[]): number {
  return sumUnits(sites.map((s) => s.units));
}

export function deriveTotals(sites: readonly DeriveSite[]): SessionDerived['totals'] {
  const byMuscleSide = [...grouped(sites, (s) => `${s.muscleId}|${s.side}`).values()].map((list) => ({
    muscleId: list[0]!.muscleId,
    side: list[0]!.side,
    units: unitsOf(list),
    sites: list.length,
  }));
  const side = (which: SiteSide) => unitsOf(sites.filter((s) => s.side === which));
  const byRegion: RegionTotal[] = [...grouped(sites, regionOf).entries()]
    .map(([region, list]) => ({ region, units: unitsOf(list), sites: list.length }))
    .sort((a, b) => REGION_ORDER.indexOf(a.region) - REGION_ORDER.indexOf(b.region));
  return {
    units: unitsOf(sites),
    sites: sites.length,
    byMuscleSide,
    bySide: { left: side('left'), right: side('right'), midline: side('midline') },
    byRegion,
  };
}
