import { z } from 'zod';
import { INDICATION_IDS } from '../indications.ts';
import { PRODUCT_IDS } from '../clinical/products.ts';

/** A calendar date (YYYY-MM-DD) that really exists: 2025-02-30 is refused. */
export const isoDate = z.iso.date({ error: 'must be a real date written YYYY-MM-DD' });

/** An instant with an explicit offset, e.g. 2026-11-25T09:30:00.000Z. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be a date and time in ISO 8601 form' });

export const id = z.uuid({ error: 'must be an id (UUID)' });

/** Control characters other than tab and line breaks (a NUL, an escape, a bell) are never text a clinician typed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates can make a name display as something else than what is stored. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** At least one character that shows: not only spaces, zero-width or other invisible format characters. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\u115f\u1160\u3164\uffa0\u2800]/u;

export function boundedText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} is longer than ${max} characters` })
    .refine((s) => !CONTROL.test(s), { error: `${label} contains a control character` })
    .refine((s) => !BIDI.test(s), { error: `${label} contains a text-direction override` });
}

export function requiredText(label: string, max: number) {
  return boundedText(label, max)
    .refine((s) => s.length > 0, { error: `${label} is required` })
    .refine((s) => s.length === 0 || VISIBLE.test(s), { error: `${label} must contain visible characters` });
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function yearsFromNow(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDay(d);
}

/**
 * A real date inside a sensible range: `from` (YYYY-MM-DD) to today plus `yearsAhead` (0: not after today).
 * A session dated 9999 or a vial expiring in year 0001 is a typing error, refused with the range.
 */
export function dateBetween(label: string, from: string, yearsAhead: number) {
  return isoDate.superRefine((s, ctx) => {
    const to = yearsAhead === 0 ? isoDay(new Date()) : yearsFromNow(yearsAhead);
    if (s < from) ctx.addIssue({ code: 'custom', message: `${label} is before ${from}` });
    else if (s > to) ctx.addIssue({ code: 'custom', message: yearsAhead === 0 ? `${label} is in the future` : `${label} is after ${to}` });
  });
}

/** Dates of the record, each with its plausible range. */
export const birthDate = dateBetween('Date of birth', '1900-01-01', 0);
export const sessionDate = dateBetween('Session date', '1980-01-01', 1);
export const eventDate = dateBetween('Date', '1990-01-01', 1);
export const expiryDate = dateBetween('Expiry', '2000-01-01', 10);
export const dueDate = dateBetween('Next due date', '1990-01-01', 5);
export const authorizationDate = dateBetween('Authorization date', '2000-01-01', 10);
export const pastDate = dateBetween('Date', '1900-01-01', 0);

/**
 * Medical record number: letters, digits and - / . separators, 1–32 characters.
 * Site-specific formats vary too much to be stricter without configuration.
 */
export const mrn = z
  .string({ error: 'MRN must be text' })
  .trim()
  .min(1, { error: 'MRN is required' })
  .max(32, { error: 'MRN is longer than 32 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, { error: 'MRN may contain only letters, digits, "-", "/" and "."' });

/**
 * Units of toxin at one site: more than 0, at most two decimals (blepharospasm needs 1.25 U),
 * and below an absurd ceiling that can only be a typing error (Myobloc sessions reach 10,000 U).
 */
export const units = z
  .number({ error: 'units must be a number' })
  .finite({ error: 'units must be a finite number' })
  // 0.01 U is the smallest amount two decimals can express; anything smaller is a typing error.
  .min(0.01, { error: 'units must be at least 0.01' })
  .max(20_000, { error: 'units above 20,000 at one site cannot be right' })
  .refine((u) => Math.abs(Math.round(u * 100) - u * 100) < 1e-6, { error: 'units allow at most two decimals' })
  // Stored at exactly two decimals: 5.000000001 (a float artefact) is kept as 5.
  .transform((u) => Math.round(u * 100) / 100);

export const indication = z.enum(INDICATION_IDS, { error: 'must be one of the listed indications' });

export const side = z.enum(['left', 'right', 'midline'], { error: "side must be 'left', 'right' or 'midline'" });

/** A coordinate in a diagram's own units; diagrams are a few thousand units across at most. */
export const coordinate = z
  .number({ error: 'coordinate must be a number' })
  .finite({ error: 'coordinate must be finite' })
  .min(-10_000)
  .max(10_000);

/** Sum unit figures without binary floating-point drift (1.25 + 1.25 + 2.5 is 5, not 4.999999). */
export function sumUnits(values: readonly number[]): number {
  return values.reduce((acc, v) => acc + Math.round(v * 100), 0) / 100;
}

/** A patient's weight in kg: from a premature newborn to the heaviest adults; anything else is a typing error. */
export const weightKg = z
  .number({ error: 'weight must be a number (kg)' })
  .finite({ error: 'weight must be a finite number' })
  .min(0.5, { error: 'weight is at least 0.5 kg' })
  .max(400, { error: 'weight is at most 400 kg' });

export const sex = z.enum(['female', 'male', 'other', 'unknown'], { error: "sex must be 'female', 'male', 'other' or 'unknown'" });
export const conditionSide = z.enum(['left', 'right', 'bilateral', 'none'], { error: "side must be 'left', 'right', 'bilateral' or 'none'" });
export const guidance = z.enum(['none', 'emg', 'estim', 'ultrasound'], { error: "guidance must be 'none', 'emg', 'estim' or 'ultrasound'" });
export const severity = z.enum(['mild', 'moderate', 'severe'], { error: "severity must be 'mild', 'moderate' or 'severe'" });

export const productId = z.enum(PRODUCT_IDS, { error: 'must be one of the listed toxin products' });
