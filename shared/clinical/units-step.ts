/**
 * The step of the units stepper (ArrowUp/ArrowDown and the − / + buttons): a convenience for typing, never a dose.
 * App defaults per indication live here; Settings.unitsStep overrides them per indication. An eyelid site always
 * steps by at most 0.25 U, whatever the indication (blepharospasm doses run 1.25 to 5 U per site: the reference's
 * protocols.blepharospasm_botox_label.initial_U_per_site and max_useful_U_per_site).
 */
import type { IndicationId } from '../indications.ts';
import { getMuscle, hasMuscle } from '../atlas/catalogue.ts';

export const DEFAULT_STEPS: Readonly<Record<IndicationId, number>> = {
  chronic_migraine: 1,
  blepharospasm: 0.25,
  hemifacial_spasm: 0.25,
  cervical_dystonia: 5,
  oromandibular_dystonia: 1,
  focal_hand_dystonia: 1,
  upper_limb_spasticity: 5,
  lower_limb_spasticity: 5,
};

export const EYELID_STEP = 0.25;

function isEyelid(muscleId: string | null): boolean {
  return muscleId !== null && hasMuscle(muscleId) && getMuscle(muscleId).group === 'orbicularis_oculi';
}

/** The step for a site of this muscle in a session of this indication, with the clinic's settings applied. */
export function unitsStep(indication: IndicationId, muscleId: string | null, settings?: Partial<Record<IndicationId, number>> | null): number {
  const step = settings?.[indication] ?? DEFAULT_STEPS[indication];
  return isEyelid(muscleId) ? Math.min(step, EYELID_STEP) : step;
}

/**
 * One step up or down from the typed value, onto the step's grid (1.3 + 0.25 → 1.5), never below one step.
 * An empty or unreadable field starts from `fallback` (the last units used) or from one step.
 */
export function stepUnits(text: string, step: number, direction: 1 | -1, fallback: number | null = null): number {
  const typed = Number(text.trim().replace(',', '.'));
  const current = text.trim() !== '' && Number.isFinite(typed) && typed > 0 ? typed : null;
  if (current === null) return fallback ?? step;
  const cents = Math.round(step * 100);
  const now = Math.round(current * 100);
  const next = direction > 0 ? (Math.floor(now / cents) + 1) * cents : (Math.ceil(now / cents) - 1) * cents;
  return Math.max(cents, next) / 100;
}
