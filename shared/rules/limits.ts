/**
 * The structured limits (resources/reference/limits.json: what the reference states in prose) and the
 * limits the reference already states as data (PREEMPT, the SCM limit, billing, per-muscle tables),
 * read once into typed form. No number here is typed in code: each comes from one of the two files.
 */
import rawLimits from '../../resources/reference/limits.json' with { type: 'json' };
import { reference, isFromMemory, readDoseText, referenceAt } from '../clinical/reference.ts';
import type { IndicationId } from '../indications.ts';

export type Population = 'adult' | 'pediatric';

export interface Limit {
  id: string;
  kind: 'rolling_window_max' | 'session_label_max' | 'per_site_max' | 'per_muscle_max' | 'min_interval' | 'off_label';
  productId: string | null;
  population: Population | null;
  indications: readonly IndicationId[] | null;
  bodyAreas: readonly string[] | null;
  muscleGroup: string | null;
  windowDays: number | null;
  windowConvention: string | null;
  intervalConvention: string | null;
  maxU: number | null;
  maxUPerKg: number | null;
  maxMl: number | null;
  minDays: number | null;
  text: string;
  labelVersion: string | null;
  ref: string;
  sources: readonly string[];
  fromMemory: boolean;
}

interface RawLimit {
  id: string;
  kind: Limit['kind'];
  product_id?: string;
  population?: Population;
  indications?: string[];
  body_areas?: string[];
  muscle_group?: string;
  window_days?: number;
  window_convention?: string;
  interval_convention?: string;
  max_U?: number;
  max_U_per_kg?: number;
  max_mL?: number;
  min_days?: number | null;
  text: string;
  label_version?: string;
  ref: string;
  sources: string[];
  from_memory?: boolean;
}

function toLimit(r: RawLimit): Limit {
  return {
    id: r.id,
    kind: r.kind,
    productId: r.product_id ?? null,
    population: r.population ?? null,
    indications: (r.indications as IndicationId[] | undefined) ?? null,
    bodyAreas: r.body_areas ?? null,
    muscleGroup: r.muscle_group ?? null,
    windowDays: r.window_days ?? null,
    windowConvention: r.window_convention ?? null,
    intervalConvention: r.interval_convention ?? null,
    maxU: r.max_U ?? null,
    maxUPerKg: r.max_U_per_kg ?? null,
    maxMl: r.max_mL ?? null,
    minDays: r.min_days ?? null,
    text: r.text,
    labelVersion: r.label_version ?? null,
    ref: r.ref,
    sources: r.sources,
    fromMemory: isFromMemory(r),
  };
}

export const LIMITS: readonly Limit[] = (rawLimits.limits as RawLimit[]).map(toLimit);

/** Does a limit apply to this product, population and set of indications? */
export function limitApplies(l: Limit, productId: string | null, population: Population, indications: readonly IndicationId[]): boolean {
  if (l.productId !== null && l.productId !== productId) return false;
  if (l.population !== null && l.population !== population) return false;
  if (l.indications !== null && !l.indications.some((i) => indications.includes(i))) return false;
  return true;
}

export function limitsOf(kind: Limit['kind']): Limit[] {
  return LIMITS.filter((l) => l.kind === kind);
}

// ---- Conventions (the reference's own wording, shown beside the warnings they drive) ----

type ConventionKey = 'rolling_3_months' | 'rolling_30_days' | 'under_12_weeks' | 'interval_rule_scope' | 'cumulative_dose_scope' | 'pediatric_limits' | 'bilateral_64612_64616' | 'cpt_limb_muscle_counting' | 'guidance_codes';

export function conventionText(key: ConventionKey | string): string {
  const c = (reference.conventions as Record<string, { rule?: string; sourced_rule?: string }>)[key];
  return c?.rule ?? c?.sourced_rule ?? '';
}

// ---- Per-muscle dose tables (reference rows with muscle ids and a dose text such as "60-200" or "5-10 each") ----

export interface MuscleDoseRow {
  tableId: string;
  label: string;
  muscleIds: readonly string[];
  maxU: number;
  /** 'each': the dose applies to every listed muscle on its own; 'combined': to the listed muscles together. */
  basis: 'each' | 'combined';
  doseText: string;
}

export interface MuscleDoseTable {
  id: string;
  productId: string;
  indications: readonly IndicationId[];
  population: Population;
  text: string;
  sources: readonly string[];
  fromMemory: boolean;
  rows: readonly MuscleDoseRow[];
}

interface RawTableRef {
  id: string;
  path: string;
  product_id: string;
  indications: string[];
  population: Population;
  text: string;
  sources: string[];
  from_memory?: boolean;
}

interface RawDoseRow {
  muscle_id?: string;
  muscle_ids?: string[];
  label: string;
  U?: string | number;
  dose_basis_note?: string;
}

/** "60-200" → 200, "20" → 20, 75 → 75, "5-10 each" → 10 (each). Null when the text holds no number. */
export function parseDose(u: string | number | undefined, note: string | undefined): { maxU: number; basis: 'each' | 'combined' } | null {
  const dose = readDoseText(u, note);
  return dose && { maxU: Math.max(...dose.numbers), basis: dose.each ? 'each' : 'combined' };
}

function toTable(t: RawTableRef): MuscleDoseTable {
  const rows = referenceAt(t.path);
  if (!Array.isArray(rows)) throw new Error(`limits: muscle dose table ${t.id} points at ${t.path}, which is not a table`);
  return {
    id: t.id,
    productId: t.product_id,
    indications: t.indications as IndicationId[],
    population: t.population,
    text: t.text,
    sources: t.sources,
    fromMemory: isFromMemory(t),
    rows: (rows as RawDoseRow[]).flatMap((r) => {
      const dose = parseDose(r.U, r.dose_basis_note);
      const ids = r.muscle_ids ?? (r.muscle_id ? [r.muscle_id] : []);
      return dose && ids.length > 0 ? [{ tableId: t.id, label: r.label, muscleIds: ids, maxU: dose.maxU, basis: ids.length === 1 ? 'combined' : dose.basis, doseText: String(r.U) }] : [];
    }),
  };
}

export const MUSCLE_DOSE_TABLES: readonly MuscleDoseTable[] = (rawLimits.muscle_dose_tables as RawTableRef[]).map(toTable);

// ---- Limits the reference states as data ----

interface RawScmLimit {
  product_id: string;
  muscle_id: string;
  max_U: number;
  how_the_app_checks: { per_scm: string; bilateral_sum: string; status: string };
  other_products: string;
  sources: string[];
}

export const SCM_LIMIT = reference.protocols.cervical_dystonia.scm_limit as RawScmLimit;
export const LEVATOR_SCAPULAE_RISK = {
  muscleId: reference.protocols.cervical_dystonia.levator_scapulae_risk_muscle_id,
  text: reference.protocols.cervical_dystonia.general,
  // The general note cites the levator scapulae risk to S08 (label_doses_sources).
  sources: ['S08'],
};

interface RawPreempt {
  fixed_sites: Array<{ muscle_id: string; label: string; sites: number; U_per_site: number; total_U: number }>;
  fixed_total_sites: number;
  fixed_total_U: number;
  follow_the_pain: { max_additional_U: number; max_total_U: number; max_total_sites: number; allowed_muscle_ids: string[]; not_allowed_muscle_ids: string[]; not_allowed: string };
  sources: string[];
}

export const PREEMPT = reference.protocols.chronic_migraine_PREEMPT as unknown as RawPreempt;
/** PREEMPT is the BOTOX (onabotulinumtoxinA) paradigm: the product of its fixed sites and dose. */
export const PREEMPT_PRODUCT_ID = 'onabotulinumtoxinA';

export const UNITS_NOT_INTERCHANGEABLE = reference.general_rules.units_not_interchangeable;
export const CUMULATIVE_ACROSS_PRODUCTS = reference.general_rules.consider_cumulative_across_products;

interface RawBillingRule {
  id: string;
  rule?: string;
  question?: string;
  status?: string;
  sources: string[];
}

export function billingRule(id: string): RawBillingRule {
  const found = (reference.billing_rules.rules as RawBillingRule[]).find((r) => r.id === id);
  if (!found) throw new Error(`limits: billing rule '${id}' is not in the reference`);
  return found;
}

export const BILLING_UNIT_SIZE: Readonly<Record<string, number>> = reference.billing_rules.billing_unit_size_U;
