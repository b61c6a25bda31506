/**
 * The proposal shown when patterns are chosen: one row per muscle and side, merged across the chosen patterns
 * (torticollis and laterocollis to the same side share the splenius), each with the reference's doses for the
 * session's product and the units it starts from (none where the reference has no dose).
 */
import type { Side } from '../../../../shared/atlas/types.ts';
import { doseHints, findPattern, prefillUnits, proposeMuscles, type DoseHint, type Pattern } from '../../../../shared/clinical/patterns.ts';
import type { IndicationId } from '../../../../shared/indications.ts';
import { SCM_LIMIT } from '../../../../shared/rules/limits.ts';

export interface ChosenPattern {
  patternId: string;
  /** The patient's side the pattern goes toward; null for a pattern without direction (or not chosen yet). */
  direction: 'left' | 'right' | null;
}

export interface ProposalRow {
  key: string;
  muscleId: string;
  side: Side;
  sites: number;
  /** Every chosen pattern proposing it. */
  patternIds: string[];
  /** Proposed unticked: every pattern naming it marks it optional. */
  optional: boolean;
  notes: string[];
  /** The side is an interpretation, or the muscle is recalled, in every pattern naming it. */
  sideFromMemory: boolean;
  fromMemory: boolean;
  hints: DoseHint[];
  /** Label limits that bear on this muscle with this product, in words with their sources. */
  limits: string[];
  prefill: number | null;
}

/** The SCM limit of the label (dysphagia), for the product it is stated for. */
function limitsFor(muscleId: string, productId: string | null): string[] {
  if (muscleId !== SCM_LIMIT.muscle_id || productId !== SCM_LIMIT.product_id) return [];
  return [`Label: SCM ${SCM_LIMIT.max_U} U or less (dysphagia; bilateral SCM and smaller necks at higher risk). Sources ${SCM_LIMIT.sources.join(', ')}.`];
}

/** Patterns that still need their direction before anything can be proposed. */
export function missingDirections(chosen: readonly ChosenPattern[]): Pattern[] {
  return chosen.flatMap((c) => {
    const p = findPattern(c.patternId);
    return p && p.direction !== null && c.direction === null ? [p] : [];
  });
}

export function proposalRows(chosen: readonly ChosenPattern[], productId: string | null, indications: readonly IndicationId[]): ProposalRow[] {
  const rows = new Map<string, ProposalRow>();
  for (const c of chosen) {
    const pattern = findPattern(c.patternId);
    if (!pattern || (pattern.direction !== null && c.direction === null)) continue;
    for (const m of proposeMuscles(pattern, c.direction)) {
      const key = `${m.muscleId}|${m.patientSide}`;
      const row = rows.get(key);
      const note = m.note ? `${pattern.name}: ${m.note}` : null;
      if (row) {
        row.patternIds.push(pattern.id);
        row.optional = row.optional && m.optional;
        row.sites = Math.max(row.sites, m.sites);
        row.sideFromMemory = row.sideFromMemory && m.sideFromMemory;
        row.fromMemory = row.fromMemory && (m.fromMemory || pattern.fromMemory);
        if (note) row.notes.push(note);
        continue;
      }
      const hints = doseHints(m.muscleId, productId, indications);
      rows.set(key, {
        key,
        muscleId: m.muscleId,
        side: m.patientSide,
        sites: m.sites,
        patternIds: [pattern.id],
        optional: m.optional,
        notes: note ? [note] : [],
        sideFromMemory: m.sideFromMemory,
        fromMemory: m.fromMemory || pattern.fromMemory,
        hints,
        limits: limitsFor(m.muscleId, productId),
        // A pattern of several sites in one muscle has no per-site dose in the reference.
        prefill: m.sites === 1 ? prefillUnits(hints) : null,
      });
    }
  }
  return [...rows.values()];
}

export interface AcceptedRow {
  muscleId: string;
  side: Side;
  sites: number;
  units: number;
}

/** What each chosen pattern contributed to the accepted rows, for the record of patterns applied. */
export function patternUses(chosen: readonly ChosenPattern[], accepted: readonly AcceptedRow[], rows: readonly ProposalRow[]) {
  return chosen.flatMap((c) => {
    const mine = accepted.filter((a) => rows.find((r) => r.muscleId === a.muscleId && r.side === a.side)?.patternIds.includes(c.patternId));
    if (mine.length === 0) return [];
    return [{ patternId: c.patternId, direction: c.direction, accepted: mine.map((a) => ({ muscleId: a.muscleId, side: a.side, units: a.units })) }];
  });
}
