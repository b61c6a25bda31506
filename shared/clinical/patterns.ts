/**
 * Injection patterns (resources/reference/patterns.json): a muscle set per clinical pattern, each muscle with its
 * side relative to the pattern's direction, citing the reference's source ids. Doses are not part of a pattern:
 * they are read from the reference's per-muscle tables for the session's product (doseHints), and a muscle with
 * no table row is proposed without units.
 */
import raw from '../../resources/reference/patterns.json' with { type: 'json' };
import type { Side } from '../atlas/types.ts';
import type { IndicationId } from '../indications.ts';
import { readDoseText, referenceAt } from './reference.ts';

export type PatternSide = 'ipsilateral' | 'contralateral' | 'bilateral' | 'midline';
/** What the pattern's direction means: the side the chin turns toward, the head tilts toward, … or none. */
export type DirectionKind = 'rotation' | 'tilt' | 'shift' | 'affected' | 'limb';

export interface PatternMuscle {
  muscleId: string;
  side: PatternSide;
  /** Sites proposed in this muscle (1 unless the source names a number). */
  sites: number;
  /** Proposed unticked: the source names it as an option ("±", "(scalenes)", "secondary"). */
  optional: boolean;
  note: string | null;
  /** The side is an interpretation: the source names the muscle but not its side. */
  sideFromMemory: boolean;
  /** The muscle itself is marked recalled in the reference. */
  fromMemory: boolean;
}

export interface Pattern {
  id: string;
  familyId: string;
  name: string;
  direction: DirectionKind | null;
  /** Where in clinical-reference.json the pattern comes from, when it does. */
  ref: string | null;
  /** The reference's own wording of the muscle set, when it has one. */
  text: string | null;
  sources: readonly string[];
  /** Sources naming the pattern itself (the Col-Cap forms) when its muscle set is recalled. */
  formSources: readonly string[];
  /** The muscle set is recalled (MEM), not taken from a source: shown as unverified. */
  fromMemory: boolean;
  note: string | null;
  muscles: readonly PatternMuscle[];
}

export interface PatternFamily {
  id: string;
  name: string;
  indications: readonly IndicationId[];
  note: string | null;
  patterns: readonly Pattern[];
}

interface RawMuscle {
  muscle_id: string;
  side: string;
  sites?: number;
  optional?: boolean;
  note?: string;
  side_from_memory?: boolean;
  from_memory?: boolean;
}

interface RawPattern {
  id: string;
  family: string;
  name: string;
  direction: string | null;
  ref?: string;
  text?: string;
  sources: string[];
  form_sources?: string[];
  note?: string;
  muscles: RawMuscle[];
}

const SIDES: readonly PatternSide[] = ['ipsilateral', 'contralateral', 'bilateral', 'midline'];
const DIRECTIONS: readonly DirectionKind[] = ['rotation', 'tilt', 'shift', 'affected', 'limb'];

function toMuscle(m: RawMuscle, where: string): PatternMuscle {
  if (!SIDES.includes(m.side as PatternSide)) throw new Error(`patterns: ${where} has an unknown side '${m.side}'`);
  const sites = m.sites ?? 1;
  if (!Number.isInteger(sites) || sites < 1 || sites > 12) throw new Error(`patterns: ${where} proposes ${sites} sites`);
  return {
    muscleId: m.muscle_id,
    side: m.side as PatternSide,
    sites,
    optional: m.optional === true,
    note: m.note ?? null,
    sideFromMemory: m.side_from_memory === true,
    fromMemory: m.from_memory === true,
  };
}

function toPattern(p: RawPattern): Pattern {
  if (p.direction !== null && !DIRECTIONS.includes(p.direction as DirectionKind)) {
    throw new Error(`patterns: ${p.id} has an unknown direction '${p.direction}'`);
  }
  return {
    id: p.id,
    familyId: p.family,
    name: p.name,
    direction: p.direction as DirectionKind | null,
    ref: p.ref ?? null,
    text: p.text ?? null,
    sources: p.sources,
    formSources: p.form_sources ?? [],
    fromMemory: p.sources.includes('MEM'),
    note: p.note ?? null,
    muscles: p.muscles.map((m, i) => toMuscle(m, `${p.id} muscle ${i}`)),
  };
}

const PATTERNS: readonly Pattern[] = (raw.patterns as RawPattern[]).map(toPattern);
const BY_ID: ReadonlyMap<string, Pattern> = new Map(PATTERNS.map((p) => [p.id, p]));

export const PATTERN_FAMILIES: readonly PatternFamily[] = raw.families.map((f) => ({
  id: f.id,
  name: f.name,
  indications: f.indications as IndicationId[],
  note: 'note' in f && typeof f.note === 'string' ? f.note : null,
  patterns: PATTERNS.filter((p) => p.familyId === f.id),
}));

export function allPatterns(): readonly Pattern[] {
  return PATTERNS;
}

export function findPattern(id: string): Pattern | undefined {
  return BY_ID.get(id);
}

/** The families offered for a session treating these indications, in file order. */
export function familiesFor(indications: readonly IndicationId[]): PatternFamily[] {
  return PATTERN_FAMILIES.filter((f) => f.indications.some((i) => indications.includes(i)));
}

const DIRECTION_TEXT: Record<DirectionKind, string> = {
  rotation: 'Chin turns to the',
  tilt: 'Head tilts toward the',
  shift: 'Head shifted toward the',
  affected: 'Affected side',
  limb: 'Treated limb',
};

/** The question a directional pattern asks ("Chin turns to the … left / right"). */
export function directionQuestion(kind: DirectionKind): string {
  return DIRECTION_TEXT[kind];
}

export interface ProposedMuscle extends PatternMuscle {
  /** The patient's side this muscle is proposed on. */
  patientSide: Side;
}

/**
 * The muscles a pattern proposes for a direction (the patient's side the chin turns toward, the treated limb…),
 * one entry per muscle and side: a bilateral muscle gives two. A directional pattern needs its direction.
 */
export function proposeMuscles(pattern: Pattern, direction: 'left' | 'right' | null): ProposedMuscle[] {
  if (pattern.direction !== null && direction === null) throw new Error(`proposeMuscles: ${pattern.id} needs a direction`);
  const same = direction ?? 'right';
  const other = same === 'left' ? 'right' : 'left';
  return pattern.muscles.flatMap((m): ProposedMuscle[] => {
    switch (m.side) {
      case 'ipsilateral':
        return [{ ...m, patientSide: same }];
      case 'contralateral':
        return [{ ...m, patientSide: other }];
      case 'bilateral':
        return [{ ...m, patientSide: 'right' }, { ...m, patientSide: 'left' }];
      case 'midline':
        return [{ ...m, patientSide: 'midline' }];
    }
  });
}

// ---- Doses from the reference's per-muscle tables ----

interface RawDoseTable {
  id: string;
  path: string;
  value: 'range' | 'U' | 'median_U';
  product_id: string;
  indications: string[];
  text: string;
  sources: string[];
  from_memory?: boolean;
}

interface RawDoseRow {
  muscle_id?: string;
  muscle_ids?: string[];
  group_id?: string;
  label: string;
  U?: string | number;
  range?: string;
  avg?: string | number;
  median_U?: number;
  dose_basis_note?: string;
}

export interface DoseHint {
  tableId: string;
  /** What the table is, e.g. "Xeomin label, upper limb spasticity, per muscle". */
  table: string;
  /** The row's own label, e.g. "pectoralis complex". */
  label: string;
  /** As the reference writes it: "60-200", "5-10 each", 25 (a median). */
  doseText: string;
  kind: 'range' | 'dose' | 'median';
  /** The dose is for several muscles together (a group row): not a per-muscle amount. */
  combined: boolean;
  sources: readonly string[];
  fromMemory: boolean;
  /**
   * Units the proposal starts from: the lower end of a range, a single stated dose, or a median; null when the
   * row is recalled (never prefilled) or for several muscles together.
   */
  prefill: number | null;
}

const DOSE_TABLES = raw.dose_tables as RawDoseTable[];

export function doseTables(): readonly RawDoseTable[] {
  return DOSE_TABLES;
}

function hintFor(t: RawDoseTable, row: RawDoseRow, ids: readonly string[]): DoseHint | null {
  const dose = readDoseText(t.value === 'range' ? row.range : t.value === 'median_U' ? row.median_U : row.U, row.dose_basis_note);
  if (!dose) return null;
  const { text: doseText, numbers, each } = dose;
  const combined = ids.length > 1 && !each;
  const fromMemory = t.from_memory === true || t.sources.includes('MEM');
  const kind = t.value === 'median_U' ? 'median' : numbers.length > 1 ? 'range' : 'dose';
  const prefill = fromMemory || combined ? null : Math.min(...numbers);
  return {
    tableId: t.id,
    table: t.text,
    label: row.label,
    doseText,
    kind,
    combined,
    sources: t.sources,
    fromMemory,
    prefill,
  };
}

/** Every per-muscle dose the reference's tables give for this muscle, product and indication, in table order. */
export function doseHints(muscleId: string, productId: string | null, indications: readonly IndicationId[]): DoseHint[] {
  if (productId === null) return [];
  const out: DoseHint[] = [];
  for (const t of DOSE_TABLES) {
    if (t.product_id !== productId || !t.indications.some((i) => indications.includes(i as IndicationId))) continue;
    const rows = referenceAt(t.path);
    if (!Array.isArray(rows)) throw new Error(`patterns: dose table ${t.id} points at ${t.path}, which is not a table`);
    for (const row of rows as RawDoseRow[]) {
      const ids = row.muscle_ids ?? (row.muscle_id ? [row.muscle_id] : []);
      if (!ids.includes(muscleId)) continue;
      const hint = hintFor(t, row, ids);
      if (hint) out.push(hint);
    }
  }
  return out;
}

/** The units a proposal starts from for one muscle: the first prefillable hint, else none (the clinician types them). */
export function prefillUnits(hints: readonly DoseHint[]): number | null {
  return hints.find((h) => h.prefill !== null)?.prefill ?? null;
}
