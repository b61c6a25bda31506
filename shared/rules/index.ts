/** Entry point of the clinical rules: one pure function from a session and its context to every derived figure. */
import type { DeriveInput, SessionDerived } from './types.ts';

export type * from './types.ts';

export function deriveSession(input: DeriveInput): SessionDerived {
  // Placeholder while the rules are written; replaced by the real derivation.
  return {
    totals: { units: 0, sites: input.session.sites.length, byMuscleSide: [], bySide: { left: 0, right: 0, midline: 0 }, byRegion: [] },
    concentrationPer01mL: null, volumes: [], vials: { labelledUnits: 0, wastedUnits: 0, byVial: [] }, billing: null, cpt: [],
    rolling: [], findings: [], completeness: [], ageYears: 0, pediatric: false,
  };
}
