import { describe, expect, it } from 'vitest';
import reference from '../../../resources/reference/clinical-reference.json';
import { MUSCLES, getMuscle, muscleName, protocolMuscleIds } from '../../../shared/atlas/index.ts';

describe('muscle catalogue', () => {
  it('holds every muscle of the reference, with its SNOMED code exactly as given', () => {
    expect(MUSCLES.length).toBe(reference.muscles.length);
    for (const raw of reference.muscles) {
      const m = getMuscle(raw.id);
      expect(m.name).toBe(raw.name);
      expect(m.snomedCode).toBe(raw.snomed_ct_body_structure ?? null);
    }
    expect(getMuscle('sternocleidomastoid').snomedCode).toBe('22823000');
    expect(getMuscle('frontalis').snomedCode).toBeNull();
  });

  it('knows midline muscles, groups and non-targets', () => {
    expect(getMuscle('procerus').sideMode).toBe('midline');
    expect(getMuscle('frontalis').sideMode).toBe('bilateral_pair');
    expect(getMuscle('orbicularis_oculi_pretarsal').group).toBe('orbicularis_oculi');
    expect(getMuscle('levator_palpebrae_superioris').injectionTarget).toBe(false);
    expect(getMuscle('gastrocnemius_medial').cptCountAs).toBe('gastrocnemius');
    expect(muscleName('masseter')).toBe('Masseter');
  });

  it('fails clearly on an unknown id', () => {
    expect(() => getMuscle('flexor_imaginarius')).toThrow(/flexor_imaginarius/);
  });

  it('finds the muscles named by the protocols', () => {
    const ids = protocolMuscleIds();
    expect(ids).toContain('procerus');
    expect(ids).toContain('trapezius_upper');
    for (const id of ids) expect(() => getMuscle(id)).not.toThrow();
  });
});
