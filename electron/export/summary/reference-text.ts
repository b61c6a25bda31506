/** Text the summary quotes from the clinical reference, each with its source ids (never paraphrased). */
import { findIcd10 } from '../../../shared/clinical/icd10.ts';
import { reference, sourceRef, sourceTitle, type SourceRef } from '../../../shared/clinical/reference.ts';
import type { Condition } from '../../../shared/domain/types.ts';
import type { IndicationId } from '../../../shared/indications.ts';

interface RawCpt {
  code: string;
  descriptor: string;
  sources?: string[];
  from_memory?: boolean;
}

export function cptDescriptor(code: string): ({ text: string } & SourceRef) | null {
  const found = (reference.cpt_procedure_codes as unknown as RawCpt[]).find((c) => c.code === code);
  return found ? { text: found.descriptor, ...sourceRef(found) } : null;
}

/** The patient's coded conditions for the session's indications, each matched against the reference. */
export interface CodedCondition {
  indication: IndicationId;
  code: string;
  description: string | null;
  /** Listed in the reference only as a family or range: the specific code is not individually verified. */
  inFamily: string | null;
  ref: SourceRef | null;
}

export function codedConditions(conditions: readonly Condition[], indications: readonly IndicationId[]): CodedCondition[] {
  return conditions
    .filter((c) => indications.includes(c.indication))
    .map((c) => {
      const entry = findIcd10(c.indication, c.icd10Code);
      return {
        indication: c.indication,
        code: c.icd10Code,
        description: entry && !entry.family ? entry.description : null,
        inFamily: entry?.family ? entry.code : null,
        ref: entry ? entry.ref : null,
      };
    });
}

/** The reference's general rule on distant spread, quoted for the patient copy. */
export function boxedWarning(): { text: string } & SourceRef {
  const rule = reference.general_rules.distant_spread_boxed_warning;
  return { text: rule.value, ...sourceRef(rule) };
}

export function sourceLabel(id: string): string {
  if (id === 'MEM') return 'Recalled, not checked against a source (unverified)';
  return sourceTitle(id) ?? 'not listed in the reference';
}
