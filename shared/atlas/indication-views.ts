/**
 * Which diagram views each indication opens with, in order (DESIGN.md, "Indications and what each needs").
 * Neck lateral views for cervical dystonia are the head lateral views, which include the whole neck.
 */
import type { IndicationId } from '../indications.ts';

const UPPER_LIMB_AND_HAND = [
  'upper_limb_anterior_left',
  'upper_limb_anterior_right',
  'upper_limb_posterior_left',
  'upper_limb_posterior_right',
  'hand_palmar_left',
  'hand_palmar_right',
  'hand_dorsal_left',
  'hand_dorsal_right',
] as const;

export const INDICATION_VIEWS: Readonly<Record<IndicationId, readonly string[]>> = {
  chronic_migraine: ['face_front', 'head_lateral_left', 'head_lateral_right', 'head_neck_posterior'],
  // The eye detail first for blepharospasm: pretarsal, preseptal and orbital sites of each lid, placed with a pen.
  blepharospasm: ['eye_detail', 'face_front'],
  hemifacial_spasm: ['face_front', 'eye_detail'],
  cervical_dystonia: ['neck_anterior', 'head_neck_posterior', 'head_lateral_left', 'head_lateral_right'],
  oromandibular_dystonia: [
    'face_front',
    'head_lateral_left',
    'head_lateral_right',
    'jaw_lateral_left',
    'jaw_lateral_right',
    'neck_anterior',
  ],
  focal_hand_dystonia: UPPER_LIMB_AND_HAND,
  upper_limb_spasticity: UPPER_LIMB_AND_HAND,
  lower_limb_spasticity: [
    'lower_limb_anterior_left',
    'lower_limb_anterior_right',
    'lower_limb_posterior_left',
    'lower_limb_posterior_right',
    'foot_plantar_left',
    'foot_plantar_right',
  ],
};

export function viewsForIndication(indication: IndicationId): string[] {
  const views = INDICATION_VIEWS[indication] as readonly string[] | undefined;
  if (!views) throw new Error(`viewsForIndication: unknown indication '${String(indication)}'`);
  return [...views];
}
