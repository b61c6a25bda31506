/**
 * Which outcome measures the review draws beside the doses for each indication (the list: headache
 * days, MIDAS and HIT-6 for migraine; TWSTRS and Tsui for cervical dystonia; JRS and BSDI for blepharospasm;
 * Modified Ashworth per muscle and GAS for spasticity; the disease-specific scale elsewhere). The scales
 * themselves, their ranges and sources, are in scales.ts; the first measure listed is drawn by default.
 */
import type { IndicationId } from '../indications.ts';
import { getScale, type Scale } from './scales.ts';

const MEASURES: Readonly<Record<IndicationId, readonly string[]>> = {
  chronic_migraine: ['headache_days', 'midas', 'hit6'],
  cervical_dystonia: ['twstrs', 'tsui'],
  blepharospasm: ['jrs', 'bsdi'],
  hemifacial_spasm: ['hfs30'],
  oromandibular_dystonia: ['omdq25'],
  focal_hand_dystonia: ['wcrs'],
  upper_limb_spasticity: ['mas', 'gas', 'das'],
  lower_limb_spasticity: ['mas', 'gas'],
};

/** Scales graded per muscle and side rather than once per visit. */
export const PER_MUSCLE_SCALES: ReadonlySet<string> = new Set(['mas']);

/** Global impressions of change, recorded at the follow-up visit of every indication. */
export const GLOBAL_IMPRESSION_SCALES = ['cgi_i', 'pgi_i'] as const;

export function outcomeMeasures(indication: IndicationId): Scale[] {
  const ids = MEASURES[indication] as readonly string[] | undefined;
  if (!ids) throw new Error(`outcomeMeasures: unknown indication '${String(indication)}'`);
  return ids.map(getScale);
}

/**
 * A recorded value as a number for plotting: numeric scales as they are, ordinal grades by their position
 * (Modified Ashworth 0, 1, 1+, 2, 3, 4 → 0, 1, 1.5, 2, 3, 4 so "1+" sits between 1 and 2). Null when unreadable.
 */
export function scoreNumber(scale: Scale, value: string): number | null {
  if (scale.kind.kind === 'numeric') {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  const grades = scale.kind.grades;
  const i = grades.indexOf(value.trim());
  if (i < 0) return null;
  const plain = grades.map((g) => Number(g));
  if (plain[i] !== undefined && Number.isFinite(plain[i])) return plain[i] as number;
  // A grade such as "1+": halfway between its neighbours.
  const before = plain[i - 1];
  const after = plain[i + 1];
  return before !== undefined && after !== undefined && Number.isFinite(before) && Number.isFinite(after) ? (before + after) / 2 : i;
}
