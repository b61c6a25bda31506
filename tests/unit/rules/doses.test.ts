import { describe, expect, it } from 'vitest';
import { deriveSession } from '../../../shared/rules/index.ts';
import { input, repeat, site, vial } from './build.ts';

const find = (d: ReturnType<typeof deriveSession>, kind: string) => d.findings.filter((f) => f.kind === kind);

describe('per-site and per-muscle findings', () => {
  it('Botox cervical dystonia: 50 U per site is fine, 50.25 U warns', () => {
    expect(find(deriveSession(input({ sites: [site('splenius_capitis', 'left', 50)] })), 'per_site_max')).toHaveLength(0);
    const over = deriveSession(input({ sites: [site('splenius_capitis', 'left', 50.25)] }));
    expect(find(over, 'per_site_max')[0]).toMatchObject({ severity: 'warning', sources: ['S04', 'S05'] });
  });

  it('SCM: 100 U per side is fine; 100.5 warns; both sides over 100 U together warn as a convention and flag bilateral risk', () => {
    const at = (left: number, right = 0) =>
      deriveSession(input({ sites: [...repeat(Math.ceil(left / 50), 'sternocleidomastoid', 'left', left / Math.ceil(left / 50)), ...(right ? [site('sternocleidomastoid', 'right', right)] : [])] }));
    expect(find(at(100), 'per_muscle_max')).toHaveLength(0);
    expect(find(at(100.5), 'per_muscle_max').map((f) => f.key)).toEqual(['per_muscle_max:scm:left']);
    const both = at(60, 50);
    expect(find(both, 'per_muscle_max').map((f) => f.key)).toEqual(['per_muscle_max:scm:bilateral']);
    expect(find(both, 'per_muscle_max')[0]!.convention).toMatch(/bilateral/);
    expect(find(both, 'bilateral_scm')).toHaveLength(1);
  });

  it('SCM limit is a BOTOX limit: another product gets no SCM number', () => {
    const d = deriveSession(input({ productId: 'abobotulinumtoxinA', sites: [site('sternocleidomastoid', 'left', 150)] }));
    expect(find(d, 'per_muscle_max')).toHaveLength(0);
  });

  it('per-muscle label tables per limb: Dysport biceps 400 U fine, 450 U warns; Botox table is unverified', () => {
    const dys = (u: number) => deriveSession(input({ indication: 'upper_limb_spasticity', productId: 'abobotulinumtoxinA', sites: [site('biceps_brachii', 'left', u / 2), site('biceps_brachii', 'left', u / 2), site('biceps_brachii', 'right', u / 2)] }));
    expect(find(dys(400), 'per_muscle_max')).toHaveLength(0);
    expect(find(dys(450), 'per_muscle_max').map((f) => f.key)).toEqual(['per_muscle_max:dysport_uls_us_label:biceps_brachii:left']);
    const botox = deriveSession(input({ indication: 'upper_limb_spasticity', sites: [site('biceps_brachii', 'left', 50), site('biceps_brachii', 'left', 50), site('biceps_brachii', 'left', 50), site('biceps_brachii', 'left', 50), site('biceps_brachii', 'left', 5)] }));
    expect(find(botox, 'per_muscle_max')[0]).toMatchObject({ unverified: true, sources: ['MEM'] });
  });

  it('lumbricals are checked each on its own ("5-10 U each")', () => {
    const d = deriveSession(input({ indication: 'upper_limb_spasticity', sites: [site('lumbrical_1', 'left', 10), site('lumbrical_2', 'left', 10), site('lumbrical_3', 'left', 12)] }));
    expect(find(d, 'per_muscle_max').map((f) => f.key)).toEqual(['per_muscle_max:botox_uls_label_from_memory:lumbrical_3:left']);
  });

  it('Xeomin blepharospasm: 50 U per eye and 100 U per session', () => {
    const d = deriveSession(input({ indication: 'blepharospasm', productId: 'incobotulinumtoxinA', sites: [...repeat(11, 'orbicularis_oculi_pretarsal', 'left', 5), ...repeat(10, 'orbicularis_oculi_orbital', 'right', 5)] }));
    expect(find(d, 'per_muscle_max').map((f) => f.key)).toEqual(['per_muscle_max:incoA_blepharospasm_per_eye:left']);
    expect(find(d, 'session_label_max').map((f) => f.key)).toEqual(['session_label_max:incoA_blepharospasm_session']);
    expect(find(d, 'per_muscle_max')[0]!.message).toMatch(/Label version/);
  });

  it('Dysport: at most 1 mL per site (volume from the vial dilution)', () => {
    const d = deriveSession(input({ productId: 'abobotulinumtoxinA', sites: [site('splenius_capitis', 'left', 250), site('splenius_capitis', 'right', 200)], vials: [vial('abobotulinumtoxinA', 500, { diluentMl: 2.5 })] }));
    expect(d.volumes.map((v) => v.mL)).toEqual([1.25, 1]);
    expect(find(d, 'per_site_max')).toHaveLength(1);
  });

  it('session label maxima: Xeomin 400 U exactly is fine, Dysport spasticity 1500 U, Daxxify CD 250 U', () => {
    expect(find(deriveSession(input({ productId: 'incobotulinumtoxinA', indication: 'upper_limb_spasticity', sites: repeat(8, 'biceps_brachii', 'left', 50) })), 'session_label_max')).toHaveLength(0);
    expect(find(deriveSession(input({ productId: 'incobotulinumtoxinA', indication: 'upper_limb_spasticity', sites: [...repeat(8, 'biceps_brachii', 'left', 50), site('brachialis', 'left', 1)] })), 'session_label_max')).toHaveLength(1);
    expect(find(deriveSession(input({ productId: 'abobotulinumtoxinA', indication: 'lower_limb_spasticity', sites: repeat(4, 'soleus', 'left', 400) })), 'session_label_max')).toHaveLength(1);
    expect(find(deriveSession(input({ productId: 'daxibotulinumtoxinA-lanm', sites: repeat(3, 'splenius_capitis', 'left', 90) })), 'session_label_max')).toHaveLength(1);
  });

  it('off-label indications and risk muscles are information, not warnings', () => {
    const d = deriveSession(input({ indication: 'hemifacial_spasm', sites: [site('orbicularis_oculi_orbital', 'left', 2.5)] }));
    expect(find(d, 'off_label')[0]).toMatchObject({ severity: 'info' });
    const ls = deriveSession(input({ sites: [site('levator_scapulae', 'left', 25)] }));
    expect(find(ls, 'risk_muscle')[0]).toMatchObject({ severity: 'info', sources: ['S08'] });
  });
});

describe('PREEMPT (protocols.chronic_migraine_PREEMPT)', () => {
  const fixed = () => [
    site('procerus', 'midline', 5),
    ...repeat(1, 'corrugator_supercilii', 'left', 5), ...repeat(1, 'corrugator_supercilii', 'right', 5),
    ...repeat(2, 'frontalis', 'left', 5), ...repeat(2, 'frontalis', 'right', 5),
    ...repeat(4, 'temporalis', 'left', 5), ...repeat(4, 'temporalis', 'right', 5),
    ...repeat(3, 'occipitalis', 'left', 5), ...repeat(3, 'occipitalis', 'right', 5),
    ...repeat(2, 'cervical_paraspinals', 'left', 5), ...repeat(2, 'cervical_paraspinals', 'right', 5),
    ...repeat(3, 'trapezius_upper', 'left', 5), ...repeat(3, 'trapezius_upper', 'right', 5),
  ];
  it('the fixed 31 sites / 155 U raise nothing', () => {
    const d = deriveSession(input({ indication: 'chronic_migraine', sites: fixed() }));
    expect(d.totals).toMatchObject({ units: 155, sites: 31 });
    expect(find(d, 'preempt_ftp_site_not_allowed')).toHaveLength(0);
  });
  it('follow-the-pain in temporalis is allowed; in the paraspinals it is not; past 195 U or 39 sites warns', () => {
    expect(find(deriveSession(input({ indication: 'chronic_migraine', sites: [...fixed(), ...repeat(2, 'temporalis', 'left', 5)] })), 'preempt_ftp_site_not_allowed')).toHaveLength(0);
    expect(find(deriveSession(input({ indication: 'chronic_migraine', sites: [...fixed(), site('cervical_paraspinals', 'left', 5)] })), 'preempt_ftp_site_not_allowed').map((f) => f.key)).toEqual(['preempt_ftp_site_not_allowed:cervical_paraspinals']);
    const many = find(deriveSession(input({ indication: 'chronic_migraine', sites: [...fixed(), ...repeat(9, 'occipitalis', 'left', 5)] })), 'preempt_ftp_site_not_allowed').map((f) => f.key);
    expect(many).toEqual(['preempt_ftp_site_not_allowed:total', 'preempt_ftp_site_not_allowed:sites']);
    expect(find(deriveSession(input({ indication: 'chronic_migraine', sites: [...fixed(), ...repeat(8, 'occipitalis', 'left', 5)] })), 'preempt_ftp_site_not_allowed')).toHaveLength(0);
  });
});
