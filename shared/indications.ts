/**
 * The indications the app charts (DESIGN.md, "Indications and what each needs").
 * Ids are stable: they are stored in sessions and conditions.
 */
export const INDICATIONS = [
  { id: 'chronic_migraine', label: 'Chronic migraine (PREEMPT)' },
  { id: 'blepharospasm', label: 'Blepharospasm' },
  { id: 'hemifacial_spasm', label: 'Hemifacial spasm' },
  { id: 'cervical_dystonia', label: 'Cervical dystonia' },
  { id: 'oromandibular_dystonia', label: 'Oromandibular dystonia' },
  { id: 'focal_hand_dystonia', label: "Focal hand dystonia (writer's cramp)" },
  { id: 'upper_limb_spasticity', label: 'Upper limb spasticity' },
  { id: 'lower_limb_spasticity', label: 'Lower limb spasticity' },
] as const;

export type IndicationId = (typeof INDICATIONS)[number]['id'];

export const INDICATION_IDS = INDICATIONS.map((i) => i.id) as [IndicationId, ...IndicationId[]];

export function indicationLabel(id: IndicationId): string {
  const found = INDICATIONS.find((i) => i.id === id);
  if (!found) throw new Error(`indicationLabel: unknown indication '${String(id)}'`);
  return found.label;
}
