/**
 * CPT lines from where the sites are, following the reference's cpt_rules and conventions (encoded in
 * limits.json `cpt`): 64615 once for chronic migraine; 64612 and 64616 one unit per side; limbs by
 * distinct muscles per extremity (the extremity with most muscles takes the base code, each other an
 * add-on); trunk by muscle count; one guidance code for the day. One line per code.
 */
import rawLimits from '../../resources/reference/limits.json' with { type: 'json' };
import { getMuscle, hasMuscle } from '../atlas/catalogue.ts';
import { isFromMemory } from '../clinical/reference.ts';
import type { Guidance } from '../domain/types.ts';
import type { IndicationId } from '../indications.ts';
import { conventionText } from './limits.ts';
import { muscleLabel } from './format.ts';
import { bodyArea } from './totals.ts';
import type { CptLine, DeriveSite, Finding } from './types.ts';

interface Sourced {
  sources: string[];
  from_memory?: boolean;
}

interface CptRules {
  chronic_migraine: Sourced & { code: string; indications: string[]; covers_body_areas: string[]; text: string; excludes: Sourced & { codes: string[]; text: string } };
  per_side: Array<Sourced & { body_area: string; code: string; text: string; bilateral_from_memory?: boolean }>;
  extremity: Sourced & { body_areas: string[]; threshold_muscles: number; base_small: string; base_large: string; addon_small: string; addon_large: string; text: string };
  trunk: Sourced & { body_area: string; threshold_muscles: number; small: string; large: string; text: string };
  guidance: Sourced & { emg: string; estim: string; text: string };
  ultrasound: Sourced & { code: string; text: string };
  uncoded_body_areas: Sourced & { body_areas: string[]; question: string };
}

export const CPT_RULES = rawLimits.cpt as unknown as CptRules;

/** Muscles as counted for 64642-64647: ids sharing a cpt_count_as value count once (conventions.cpt_limb_muscle_counting). */
export function countKey(muscleId: string): string {
  return hasMuscle(muscleId) ? (getMuscle(muscleId).cptCountAs ?? muscleId) : muscleId;
}

function distinctMuscles(sites: readonly DeriveSite[]): string[] {
  return [...new Set(sites.map((s) => countKey(s.muscleId)))];
}

function countedNames(sites: readonly DeriveSite[]): string[] {
  const byKey = new Map<string, Set<string>>();
  for (const s of sites) {
    const k = countKey(s.muscleId);
    (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(muscleLabel(s.muscleId));
  }
  return [...byKey.values()].map((names) => [...names].join(' + '));
}

interface Extremity {
  name: string;
  sites: DeriveSite[];
  muscles: number;
}

function extremityLines(sites: readonly DeriveSite[]): CptLine[] {
  const rule = CPT_RULES.extremity;
  const limbs: Extremity[] = [];
  for (const area of rule.body_areas) {
    for (const side of ['left', 'right'] as const) {
      const list = sites.filter((s) => bodyArea(s.muscleId) === area && s.side === side);
      if (list.length > 0) limbs.push({ name: `${side} ${area.replace('_', ' ')}`, sites: list, muscles: distinctMuscles(list).length });
    }
  }
  if (limbs.length === 0) return [];
  // The extremity with the most muscles is primary; on a tie the first in order (upper before lower, left before right).
  const primary = limbs.reduce((best, l) => (l.muscles > best.muscles ? l : best));
  const lines = new Map<string, { units: number; parts: string[]; muscles: string[] }>();
  const add = (code: string, limb: Extremity) => {
    const line = lines.get(code) ?? { units: 0, parts: [], muscles: [] };
    line.units += 1;
    line.parts.push(`${limb.name}: ${limb.muscles} muscle${limb.muscles === 1 ? '' : 's'}`);
    line.muscles.push(...countedNames(limb.sites).map((n) => `${limb.name}: ${n}`));
    lines.set(code, line);
  };
  const large = (l: Extremity) => l.muscles >= rule.threshold_muscles;
  add(large(primary) ? rule.base_large : rule.base_small, primary);
  for (const l of limbs) if (l !== primary) add(large(l) ? rule.addon_large : rule.addon_small, l);
  return [...lines.entries()].map(([code, l]) => ({
    code,
    units: l.units,
    note: `${l.parts.join('; ')}. Muscles counted by the app convention (ids that share a count-as value count once); pending authoritative guidance.`,
    muscles: l.muscles,
    review: true,
  }));
}

function sideLine(code: string, sites: readonly DeriveSite[], fromMemory: boolean): CptLine | null {
  if (sites.length === 0) return null;
  const sides = new Set(sites.map((s) => s.side).filter((s) => s !== 'midline'));
  const units = Math.max(1, sides.size);
  const note =
    sides.size === 0
      ? 'Midline muscles only: counted as one side.'
      : sides.size === 2
        ? 'Both sides: one unit per side in the app (on the claim -50 x1 or RT and LT lines, by payer).'
        : `${[...sides][0]} side.`;
  return { code, units, note: fromMemory ? `${note} Bilateral reporting of this code is from memory, unverified.` : note, ...(fromMemory && sides.size === 2 ? { review: true } : {}) };
}

export interface CptResult {
  lines: CptLine[];
  findings: Finding[];
}

export function deriveCpt(sites: readonly DeriveSite[], indications: readonly IndicationId[], sessionGuidance: readonly Guidance[]): CptResult {
  const lines: CptLine[] = [];
  const findings: Finding[] = [];
  if (sites.length === 0) return { lines, findings };
  const cm = CPT_RULES.chronic_migraine;
  const migraine = cm.indications.some((i) => indications.includes(i as IndicationId));
  let families = 0;

  if (migraine) {
    lines.push({ code: cm.code, units: 1, note: `Chronic migraine: ${cm.text}.` });
    families += 1;
  } else {
    for (const rule of CPT_RULES.per_side) {
      const line = sideLine(rule.code, sites.filter((s) => bodyArea(s.muscleId) === rule.body_area), rule.bilateral_from_memory === true);
      if (line) {
        lines.push(line);
        families += 1;
      }
    }
    const uncoded = sites.filter((s) => CPT_RULES.uncoded_body_areas.body_areas.includes(bodyArea(s.muscleId)));
    if (uncoded.length > 0) {
      findings.push({
        key: 'cpt_open_question:uncoded',
        kind: 'cpt_open_question',
        severity: 'info',
        message: `${[...new Set(uncoded.map((s) => muscleLabel(s.muscleId)))].join(', ')}: ${CPT_RULES.uncoded_body_areas.question}`,
        sources: [...CPT_RULES.uncoded_body_areas.sources],
        siteIds: uncoded.map((s) => s.id),
      });
    }
  }

  const limbLines = extremityLines(sites);
  const trunk = sites.filter((s) => bodyArea(s.muscleId) === CPT_RULES.trunk.body_area);
  const trunkMuscles = distinctMuscles(trunk);
  const trunkLine: CptLine[] =
    trunk.length > 0
      ? [{
          code: trunkMuscles.length >= CPT_RULES.trunk.threshold_muscles ? CPT_RULES.trunk.large : CPT_RULES.trunk.small,
          units: 1,
          note: `Trunk: ${trunkMuscles.length} muscle${trunkMuscles.length === 1 ? '' : 's'} by the app convention.`,
          muscles: countedNames(trunk),
          review: true,
        }]
      : [];
  lines.push(...limbLines, ...trunkLine);
  if (limbLines.length > 0) families += 1;
  if (trunkLine.length > 0) families += 1;

  if (migraine && limbLines.length + trunkLine.length > 0) {
    findings.push({
      key: 'cpt_open_question:64615_with_limbs',
      kind: 'cpt_open_question',
      severity: 'info',
      message: `${cm.code} is reported with limb or trunk codes in this session; the reference recalls (unverified) that it is ${cm.excludes.text}. The coder decides.`,
      sources: [...cm.excludes.sources],
      unverified: isFromMemory(cm.excludes),
    });
  }
  if (limbLines.length > 0) {
    findings.push({
      key: 'cpt_open_question:muscle_count',
      kind: 'cpt_open_question',
      severity: 'info',
      message: 'Limb muscles are counted by an app convention (for example both gastrocnemius heads count as one muscle); the count and the muscles behind it are shown with each code so the coder can check them.',
      sources: [],
      convention: conventionText('cpt_limb_muscle_counting'),
    });
  }

  lines.push(...guidanceLines(sites, sessionGuidance, families, findings));
  return { lines, findings };
}

function guidanceLines(sites: readonly DeriveSite[], sessionGuidance: readonly Guidance[], families: number, findings: Finding[]): CptLine[] {
  const used = new Set<Guidance>([...sessionGuidance, ...sites.map((s) => s.guidance)]);
  const g = CPT_RULES.guidance;
  const out: CptLine[] = [];
  if (used.has('emg')) out.push({ code: g.emg, units: 1, note: `Needle EMG guidance: ${g.text}.` });
  else if (used.has('estim')) out.push({ code: g.estim, units: 1, note: `Electrical stimulation guidance: ${g.text}.` });
  if (used.has('emg') && used.has('estim')) {
    findings.push({
      key: 'cpt_open_question:guidance_both',
      kind: 'cpt_open_question',
      severity: 'info',
      message: `Both needle EMG and electrical stimulation were used; only ${g.emg} is suggested. Whether ${g.estim} may also be reported is unresolved in the reference.`,
      sources: [...g.sources],
      convention: conventionText('guidance_codes'),
    });
  }
  if (out.length > 0 && families > 1) {
    findings.push({
      key: 'cpt_open_question:guidance_families',
      kind: 'cpt_open_question',
      severity: 'info',
      message: 'Guided injections in more than one chemodenervation family today: whether guidance is one unit per day or one per family is unresolved in the reference; one unit is suggested.',
      sources: [...g.sources],
      convention: conventionText('guidance_codes'),
    });
  }
  if (used.has('ultrasound')) {
    const u = CPT_RULES.ultrasound;
    findings.push({
      key: 'cpt_open_question:ultrasound',
      kind: 'cpt_open_question',
      severity: 'info',
      message: `Ultrasound guidance was used: the reference lists ${u.code} only from memory (${u.text}); no line is suggested.`,
      sources: [...u.sources],
      unverified: true,
    });
  }
  return out;
}
