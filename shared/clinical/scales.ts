import supplement from '../../resources/reference/scales-supplement.json' with { type: 'json' };
import { reference, sourceRef, type SourceRef } from './reference.ts';

/**
 * Outcome scales recorded at a visit. Each is tied by `referenceName` to an entry of the reference's
 * outcome_scales (a test checks the name exists and that the bounds appear in its range text).
 * Where the reference has no range ("not retrieved") the value is accepted as any number ≥ 0 and the
 * scale is shown as unverified.
 */
export type ScaleKind =
  | { kind: 'numeric'; min: number; max: number | null; integer: boolean }
  | { kind: 'ordinal'; grades: readonly string[]; labels?: Readonly<Record<string, string>> };

export interface Scale {
  id: string;
  referenceName: string;
  label: string;
  kind: ScaleKind;
  /** A conflict or caveat the reference records about the range. */
  caveat: string | null;
  ref: SourceRef;
}

interface RawScale {
  name: string;
  range: string;
  note?: string;
  sources?: string[];
  from_memory?: boolean;
  grades?: Record<string, string>;
}

/** The reference's scales, then those it lacks (resources/reference/scales-supplement.json, marked unverified). */
const RAW = [...(reference.outcome_scales as unknown as RawScale[]), ...(supplement.outcome_scales as RawScale[])];

function def(id: string, referenceName: string, label: string, kind: ScaleKind): Scale {
  const raw = RAW.find((s) => s.name === referenceName);
  if (!raw) throw new Error(`scales: '${referenceName}' is not in the reference's outcome_scales`);
  return { id, referenceName, label, kind, caveat: raw.note ?? null, ref: sourceRef(raw) };
}

/** An ordinal scale whose grades (and their wording) are listed with the scale in the supplement. */
function graded(referenceName: string): ScaleKind {
  const grades = RAW.find((s) => s.name === referenceName)?.grades;
  if (!grades) throw new Error(`scales: '${referenceName}' lists no grades`);
  return { kind: 'ordinal', grades: Object.keys(grades), labels: grades };
}

const num = (min: number, max: number | null, integer = true): ScaleKind => ({ kind: 'numeric', min, max, integer });

export const SCALES: readonly Scale[] = [
  // TWSTRS: S48 says 0-85, another description 0-87; both versions are accepted and the caveat shown.
  def('twstrs', 'TWSTRS', 'TWSTRS total', num(0, 87, false)),
  def('tsui', 'Tsui scale', 'Tsui', num(0, 25)),
  def('jrs', 'Jankovic Rating Scale (JRS)', 'Jankovic Rating Scale', num(0, 8)),
  def('bsdi', 'Blepharospasm Disability Index (BSDI/BDI)', 'Blepharospasm Disability Index', num(0, 30, false)),
  def('bfmdrs', 'Burke-Fahn-Marsden Dystonia Rating Scale', 'Burke-Fahn-Marsden', num(0, 120, false)),
  def('wcrs', "Writer's Cramp Rating Scale (WCRS)", "Writer's Cramp Rating Scale", num(0, 30)),
  def('hfs30', 'HFS-30 (Hemifacial Spasm Questionnaire-30)', 'HFS-30 (range recalled)', num(0, 120)),
  def('hit6', 'HIT-6', 'HIT-6', num(36, 78)),
  // The reference gives MIDAS grades but no maximum, so none is enforced.
  def('midas', 'MIDAS', 'MIDAS (days lost, 3 months)', num(0, null)),
  def('headache_days', 'Monthly headache days (headache diary)', 'Headache days per month', num(0, 31)),
  def('mas', 'Modified Ashworth Scale', 'Modified Ashworth', { kind: 'ordinal', grades: ['0', '1', '1+', '2', '3', '4'] }),
  def('das', 'Disability Assessment Scale (DAS)', 'Disability Assessment Scale (per domain, recalled)', num(0, 3)),
  def('gas', 'Goal Attainment Scaling (GAS)', 'Goal Attainment Scaling (per goal, recalled)', num(-2, 2)),
  def('omdq25', 'Oromandibular Dystonia Questionnaire (OMDQ-25)', 'OMDQ-25 (range recalled)', num(0, 100)),
  def('cgi_i', 'Clinical Global Impression - Improvement (CGI-I)', 'CGI-I, clinician (recalled)', graded('Clinical Global Impression - Improvement (CGI-I)')),
  def('pgi_i', 'Patient Global Impression of Improvement (PGI-I)', 'PGI-I, patient (recalled)', graded('Patient Global Impression of Improvement (PGI-I)')),
];

export function getScale(id: string): Scale {
  const found = SCALES.find((s) => s.id === id);
  if (!found) throw new Error(`getScale: unknown outcome scale '${id}'`);
  return found;
}

/** Checks a recorded value against its scale; returns the normalised value or a message. */
export function checkScaleValue(scale: Scale, value: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = value.trim();
  if (scale.kind.kind === 'ordinal') {
    return scale.kind.grades.includes(v)
      ? { ok: true, value: v }
      : { ok: false, message: `${scale.label} is one of ${scale.kind.grades.join(', ')}` };
  }
  // Written as a clinician writes a score: digits, an optional sign and decimals. Number() alone would
  // also take "0x1F" (31), "1e1" (10) or "Infinity".
  const n = /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  const { min, max, integer } = scale.kind;
  if (v === '' || !Number.isFinite(n)) return { ok: false, message: `${scale.label} must be a number` };
  if (n < min || (max !== null && n > max)) {
    return { ok: false, message: max === null ? `${scale.label} is at least ${min}` : `${scale.label} ranges from ${min} to ${max}` };
  }
  if (integer && !Number.isInteger(n)) return { ok: false, message: `${scale.label} is a whole number` };
  return { ok: true, value: String(n) };
}
