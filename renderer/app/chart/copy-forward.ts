/**
 * A session started from the last one: each site is shown as it was last time, changed (units, position or
 * muscle, and from what) or new, and the sites of last time no longer charted are listed as removed. Pure, from
 * the two sessions' sites and the link each carried site keeps to the one it came from.
 */
import { muscleName } from '../../../shared/atlas/index.ts';
import type { Site } from '../../../shared/domain/types.ts';
import { sideLabel } from './site-text.ts';

export type SiteStatus = { kind: 'unchanged' } | { kind: 'new' } | { kind: 'changed'; what: string[] };

export interface CopyForwardView {
  status: Map<string, SiteStatus>;
  /** Sites of the earlier session that no site of this one carries forward, in their order. */
  removed: Site[];
}

/** What differs between a carried site and the site it came from, in words ("units 25 → 30 U"). */
export function differences(earlier: Site, now: Site): string[] {
  const what: string[] = [];
  if (earlier.units !== now.units) what.push(`units ${earlier.units} → ${now.units} U`);
  if (earlier.muscleId !== now.muscleId || earlier.side !== now.side) what.push(`muscle (was ${muscleName(earlier.muscleId)} ${sideLabel(earlier.side)})`);
  else if (earlier.viewId !== now.viewId || Math.abs(earlier.x - now.x) > 0.05 || Math.abs(earlier.y - now.y) > 0.05) what.push('position');
  return what;
}

export function compareWithEarlier(current: readonly Site[], earlier: readonly Site[]): CopyForwardView {
  const byId = new Map(earlier.map((s) => [s.id, s]));
  const carried = new Set<string>();
  const status = new Map<string, SiteStatus>();
  for (const s of current) {
    const from = s.copiedFrom ? byId.get(s.copiedFrom) : undefined;
    if (!from) {
      status.set(s.id, { kind: 'new' });
      continue;
    }
    carried.add(from.id);
    const what = differences(from, s);
    status.set(s.id, what.length === 0 ? { kind: 'unchanged' } : { kind: 'changed', what });
  }
  return { status, removed: earlier.filter((s) => !carried.has(s.id)) };
}

/** Colour of the ring drawn around a marker: changed and new sites stand out on the diagram. */
export function statusRing(status: SiteStatus | undefined, colours: { changed: string; added: string }): string | null {
  if (!status || status.kind === 'unchanged') return null;
  return status.kind === 'new' ? colours.added : colours.changed;
}
