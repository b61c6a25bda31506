import { DEFAULT_STEPS, stepUnits, unitsStep } from '../../shared/clinical/units-step.ts';

describe('the units stepper', () => {
  it('steps by 0.25 U on eyelids, whatever the indication, and by the indication default elsewhere', () => {
    expect(unitsStep('blepharospasm', 'orbicularis_oculi_pretarsal')).toBe(0.25);
    expect(unitsStep('hemifacial_spasm', 'orbicularis_oculi_orbital')).toBe(0.25);
    expect(unitsStep('chronic_migraine', 'orbicularis_oculi_orbital')).toBe(0.25);
    expect(unitsStep('cervical_dystonia', 'sternocleidomastoid')).toBe(DEFAULT_STEPS.cervical_dystonia);
    expect(unitsStep('chronic_migraine', 'frontalis')).toBe(1);
  });

  it('follows the clinic settings per indication, still at most 0.25 U on an eyelid', () => {
    expect(unitsStep('cervical_dystonia', 'splenius_capitis', { cervical_dystonia: 2.5 })).toBe(2.5);
    expect(unitsStep('blepharospasm', 'orbicularis_oculi_pretarsal', { blepharospasm: 0.5 })).toBe(0.25);
    expect(unitsStep('blepharospasm', 'procerus', { blepharospasm: 0.5 })).toBe(0.5);
  });

  it('moves onto the step grid, never below one step, and starts from the last units when empty', () => {
    expect(stepUnits('1.25', 0.25, 1)).toBe(1.5);
    expect(stepUnits('1.3', 0.25, 1)).toBe(1.5);
    expect(stepUnits('1.3', 0.25, -1)).toBe(1.25);
    expect(stepUnits('0.25', 0.25, -1)).toBe(0.25);
    expect(stepUnits('25', 5, 1)).toBe(30);
    expect(stepUnits('', 5, 1, 25)).toBe(25);
    expect(stepUnits('abc', 1, 1)).toBe(1);
    expect(stepUnits('2,5', 0.25, 1)).toBe(2.75);
  });
});
