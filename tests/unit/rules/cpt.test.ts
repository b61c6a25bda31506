import { describe, expect, it } from 'vitest';
import { reference } from '../../../shared/clinical/reference.ts';
import { deriveSession } from '../../../shared/rules/index.ts';
import { input, repeat, site } from './build.ts';

const cpt = (b: Parameters<typeof input>[0]) => deriveSession(input(b)).cpt.map((l) => [l.code, l.units]);

describe('CPT lines (cpt_rules, conventions)', () => {
  it('chronic migraine: 64615 once, whatever the number of sites and sides', () => {
    expect(cpt({ indication: 'chronic_migraine', sites: [...repeat(4, 'frontalis', 'left', 5), ...repeat(4, 'trapezius_upper', 'right', 5), site('procerus', 'midline', 5)] })).toEqual([['64615', 1]]);
  });

  it('facial-nerve muscles: 64612 per side (blepharospasm both eyes = 2, hemifacial spasm one side = 1)', () => {
    expect(cpt({ indication: 'blepharospasm', sites: [...repeat(3, 'orbicularis_oculi_pretarsal', 'left', 2.5), ...repeat(3, 'orbicularis_oculi_pretarsal', 'right', 2.5)] })).toEqual([['64612', 2]]);
    expect(cpt({ indication: 'hemifacial_spasm', sites: [site('orbicularis_oculi_orbital', 'left', 2.5), site('zygomaticus_major', 'left', 2.5)] })).toEqual([['64612', 1]]);
    expect(cpt({ indication: 'blepharospasm', sites: [site('procerus', 'midline', 2.5)] })).toEqual([['64612', 1]]);
  });

  it('neck muscles: 64616 per side', () => {
    expect(cpt({ sites: [site('sternocleidomastoid', 'left', 50), site('splenius_capitis', 'right', 50)] })).toEqual([['64616', 2]]);
    expect(cpt({ sites: [site('sternocleidomastoid', 'left', 50), site('splenius_capitis', 'left', 50)] })).toEqual([['64616', 1]]);
  });

  it('limbs: the extremity with most muscles takes the base code, each other extremity an add-on', () => {
    const fiveLeftArm = ['biceps_brachii', 'brachialis', 'brachioradialis', 'flexor_carpi_radialis', 'flexor_carpi_ulnaris'].map((m) => site(m, 'left', 20));
    const twoLeftLeg = ['soleus', 'tibialis_posterior'].map((m) => site(m, 'left', 50));
    const fiveRightLeg = ['soleus', 'tibialis_posterior', 'flexor_digitorum_longus', 'flexor_hallucis_longus', 'hip_adductors'].map((m) => site(m, 'right', 20));
    expect(cpt({ indication: 'upper_limb_spasticity', sites: fiveLeftArm.slice(0, 4) })).toEqual([['64642', 1]]);
    expect(cpt({ indication: 'upper_limb_spasticity', sites: fiveLeftArm })).toEqual([['64644', 1]]);
    expect(cpt({ indication: 'upper_limb_spasticity', otherIndications: ['lower_limb_spasticity'], sites: [...fiveLeftArm, ...twoLeftLeg] })).toEqual([['64644', 1], ['64643', 1]]);
    expect(cpt({ indication: 'upper_limb_spasticity', otherIndications: ['lower_limb_spasticity'], sites: [...twoLeftLeg, ...fiveLeftArm, ...fiveRightLeg] })).toEqual([['64644', 1], ['64643', 1], ['64645', 1]]);
    expect(cpt({ indication: 'lower_limb_spasticity', sites: [...twoLeftLeg, ...['soleus', 'tibialis_posterior'].map((m) => site(m, 'right', 50))] })).toEqual([['64642', 1], ['64643', 1]]);
  });

  it('counts muscles, not sites, and both gastrocnemius heads as one (cpt_count_as)', () => {
    const sites = [...repeat(3, 'gastrocnemius_medial', 'left', 25), ...repeat(3, 'gastrocnemius_lateral', 'left', 25), site('soleus', 'left', 75), site('tibialis_posterior', 'left', 75), site('flexor_digitorum_longus', 'left', 50)];
    const d = deriveSession(input({ indication: 'lower_limb_spasticity', sites }));
    expect(d.cpt.map((l) => [l.code, l.units])).toEqual([['64642', 1]]);
    expect(d.cpt[0]!.muscles).toHaveLength(4);
    expect(d.cpt[0]!.review).toBe(true);
    expect(d.findings.some((f) => f.key === 'cpt_open_question:muscle_count')).toBe(true);
  });

  it('guidance: 95874 once if any site or the session used EMG, else 95873 once for electrical stimulation', () => {
    const arm = ['biceps_brachii', 'brachialis'].map((m) => site(m, 'left', 50));
    expect(cpt({ indication: 'upper_limb_spasticity', sites: [site('biceps_brachii', 'left', 50, { guidance: 'emg' }), site('brachialis', 'left', 50, { guidance: 'emg' })] })).toEqual([['64642', 1], ['95874', 1]]);
    expect(cpt({ indication: 'upper_limb_spasticity', sites: arm, guidance: ['estim'] })).toEqual([['64642', 1], ['95873', 1]]);
    const both = deriveSession(input({ indication: 'upper_limb_spasticity', sites: [site('biceps_brachii', 'left', 50, { guidance: 'estim' })], guidance: ['emg'] }));
    expect(both.cpt.map((l) => l.code)).toEqual(['64642', '95874']);
    expect(both.findings.some((f) => f.key === 'cpt_open_question:guidance_both')).toBe(true);
    const us = deriveSession(input({ indication: 'upper_limb_spasticity', sites: [site('biceps_brachii', 'left', 50, { guidance: 'ultrasound' })] }));
    expect(us.cpt.map((l) => l.code)).toEqual(['64642']);
    expect(us.findings.find((f) => f.key === 'cpt_open_question:ultrasound')!.unverified).toBe(true);
  });

  it('jaw muscles outside chronic migraine: no code is guessed, the open question is shown', () => {
    const d = deriveSession(input({ indication: 'oromandibular_dystonia', sites: [site('masseter', 'left', 30), site('masseter', 'right', 30)] }));
    expect(d.cpt).toEqual([]);
    expect(d.findings.some((f) => f.kind === 'cpt_open_question')).toBe(true);
  });

  it('suggests only codes the reference lists', () => {
    const known = new Set((reference.cpt_procedure_codes as Array<{ code: string }>).map((c) => c.code));
    const sessions = [
      input({ indication: 'chronic_migraine', sites: [site('frontalis', 'left', 5)], guidance: ['emg'] }),
      input({ indication: 'upper_limb_spasticity', otherIndications: ['lower_limb_spasticity'], sites: [site('biceps_brachii', 'left', 5), site('soleus', 'right', 5), site('erector_spinae', 'left', 5)], guidance: ['estim'] }),
    ];
    for (const s of sessions) for (const l of deriveSession(s).cpt) expect(known.has(l.code)).toBe(true);
  });
});
