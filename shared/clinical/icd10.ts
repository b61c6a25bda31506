import type { IndicationId } from '../indications.ts';
import { reference, sourceRef, type SourceRef } from './reference.ts';

/**
 * ICD-10-CM codes per indication, from the reference's icd10cm. Some entries are families
 * ("G81.10-G81.14", "G82.-", "S06.- with 7th character S"): a specific code typed by the clinician is
 * accepted when it falls in a listed family, and then shown as "in family, not individually verified".
 */
export interface Icd10Entry {
  /** As written in the reference. */
  code: string;
  description: string;
  ref: SourceRef;
  /** True when the entry is a family or range rather than one billable code. */
  family: boolean;
  matches: (code: string) => boolean;
}

interface RawCode {
  code: string;
  desc: string;
  sources?: string[];
  from_memory?: boolean;
}

const INDICATION_OF_GROUP: Record<string, readonly IndicationId[]> = {
  chronic_migraine: ['chronic_migraine'],
  blepharospasm: ['blepharospasm'],
  hemifacial_spasm: ['hemifacial_spasm'],
  cervical_dystonia: ['cervical_dystonia'],
  'oromandibular_dystonia / Meige': ['oromandibular_dystonia'],
  focal_hand_dystonia_writers_cramp: ['focal_hand_dystonia'],
  'spasticity (code the cause)': ['upper_limb_spasticity', 'lower_limb_spasticity'],
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a matcher from the reference's notation. Unknown notations match only themselves. */
export function matcherFor(code: string): { family: boolean; matches: (c: string) => boolean } {
  const range = /^([A-Z]\d\d\.\d*)(\d)-\1(\d)$/.exec(code); // G81.10-G81.14
  if (range) {
    const [, stem, lo, hi] = range as unknown as [string, string, string, string];
    const re = new RegExp(`^${esc(stem)}[${lo}-${hi}]$`);
    return { family: true, matches: (c) => re.test(c) };
  }
  const alternatives = /^([A-Z]\d\d)\.(\d+)((?:\/\.\d+)+)$/.exec(code); // I69.352/.353/.354
  if (alternatives) {
    const [, cat, first, rest] = alternatives as unknown as [string, string, string, string];
    const all = [first, ...rest.split('/.').filter(Boolean)].map((d) => `${cat}.${d}`);
    return { family: true, matches: (c) => all.includes(c) };
  }
  const seventh = /^([A-Z]\d\d)\.- with 7th character ([A-Z])$/.exec(code); // S06.- with 7th character S
  if (seventh) {
    const re = new RegExp(`^${seventh[1]}\\.[0-9A-Z]{3}${seventh[2]}$`);
    return { family: true, matches: (c) => re.test(c) };
  }
  const dash = /^([A-Z]\d\d(?:\.[0-9A-Z]+)?)\.?-$/.exec(code); // G82.-  G43.E-
  if (dash) {
    const stem = dash[1] ?? '';
    const re = stem.includes('.') ? new RegExp(`^${esc(stem)}[0-9A-Z]{1,3}$`) : new RegExp(`^${esc(stem)}\\.[0-9A-Z]{1,4}$`);
    return { family: true, matches: (c) => re.test(c) };
  }
  return { family: false, matches: (c) => c === code };
}

function entriesFor(indication: IndicationId): Icd10Entry[] {
  const groups = reference.icd10cm as unknown as Array<{ indication: string; codes: RawCode[] }>;
  return groups
    .filter((g) => (INDICATION_OF_GROUP[g.indication] ?? []).includes(indication))
    .flatMap((g) =>
      g.codes.map((c) => ({ code: c.code, description: c.desc, ref: sourceRef(c), ...matcherFor(c.code) })),
    );
}

export function icd10Codes(indication: IndicationId): Icd10Entry[] {
  return entriesFor(indication);
}

/** The reference entry a typed code belongs to for this indication, or null when it is not listed. */
export function findIcd10(indication: IndicationId, code: string): Icd10Entry | null {
  const normalised = code.trim().toUpperCase();
  const entries = entriesFor(indication);
  return entries.find((e) => !e.family && e.matches(normalised)) ?? entries.find((e) => e.matches(normalised)) ?? null;
}

export function icd10GroupsCovered(): string[] {
  return Object.keys(INDICATION_OF_GROUP);
}
