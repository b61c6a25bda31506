import { muscleName } from '../../../shared/atlas/index.ts';
import type { HistorySession } from '../../../shared/domain/review.ts';
import { sumUnits } from '../../../shared/domain/values.ts';

export interface CompareRow {
  muscleId: string;
  side: string;
  label: string;
  earlier: number | null;
  later: number | null;
  earlierSites: number;
  laterSites: number;
  /** later − earlier; null when the two sessions used different products (units are not convertible). */
  difference: number | null;
  change: 'added' | 'removed' | 'more' | 'less' | 'same';
}

function perMuscle(s: HistorySession): Map<string, { units: number; sites: number }> {
  const map = new Map<string, { units: number; sites: number }>();
  for (const site of s.sites) {
    const key = `${site.muscleId}|${site.side}`;
    const e = map.get(key) ?? { units: 0, sites: 0 };
    map.set(key, { units: sumUnits([e.units, site.units]), sites: e.sites + 1 });
  }
  return map;
}

/** Units per muscle and side in two sessions and what changed, largest change first. */
export function compareSessions(earlier: HistorySession, later: HistorySession): { rows: CompareRow[]; sameProduct: boolean } {
  const a = perMuscle(earlier);
  const b = perMuscle(later);
  const sameProduct = earlier.productId !== null && earlier.productId === later.productId;
  const rows = [...new Set([...a.keys(), ...b.keys()])].map((key): CompareRow => {
    const [muscleId, side] = key.split('|') as [string, string];
    const x = a.get(key);
    const y = b.get(key);
    const change = !x ? 'added' : !y ? 'removed' : y.units > x.units ? 'more' : y.units < x.units ? 'less' : 'same';
    return {
      muscleId, side, label: `${muscleName(muscleId)}${side === 'midline' ? '' : ` (${side})`}`,
      earlier: x?.units ?? null, later: y?.units ?? null, earlierSites: x?.sites ?? 0, laterSites: y?.sites ?? 0,
      difference: sameProduct ? sumUnits([y?.units ?? 0, -(x?.units ?? 0)]) : null,
      change,
    };
  });
  rows.sort((p, q) => Math.abs(q.difference ?? 0) - Math.abs(p.difference ?? 0) || p.label.localeCompare(q.label));
  return { rows, sameProduct };
}
