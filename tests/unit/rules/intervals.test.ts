import { describe, expect, it } from 'vitest';
import { addDays, format, parseISO } from 'date-fns';
import { deriveSession } from '../../../shared/rules/index.ts';
import { input, prior, repeat, site } from './build.ts';

const DATE = '2026-11-30';
const daysBefore = (n: number) => format(addDays(parseISO(DATE), -n), 'yyyy-MM-dd');
const kinds = (d: ReturnType<typeof deriveSession>) => d.findings.map((f) => f.kind);

describe('interval since the last toxin dose (conventions.under_12_weeks)', () => {
  it.each([
    [83, true],
    [84, false],
    [85, false],
    [14, true],
    [0, true],
  ])('%i days → warns: %s', (days, warns) => {
    const d = deriveSession(input({ date: DATE, sites: [site('splenius_capitis', 'left', 50)], earlier: [prior(daysBefore(days), 'onabotulinumtoxinA', 100)] }));
    expect(kinds(d).includes('interval_under_12_weeks')).toBe(warns);
  });

  it('counts the last dose of any product, and a dose given elsewhere', () => {
    const d = deriveSession(input({ date: DATE, sites: [site('splenius_capitis', 'left', 50)], earlier: [prior(daysBefore(200), 'onabotulinumtoxinA', 100), prior(daysBefore(30), 'abobotulinumtoxinA', 300, { origin: 'elsewhere', where: 'cosmetic clinic' })] }));
    const f = d.findings.find((x) => x.kind === 'interval_under_12_weeks')!;
    expect(f.message).toMatch(/30 days/);
    expect(f.message).toMatch(/given elsewhere: cosmetic clinic/);
  });

  it('ignores doses dated after the session', () => {
    const d = deriveSession(input({ date: DATE, sites: [site('splenius_capitis', 'left', 50)], earlier: [prior('2026-12-10', 'onabotulinumtoxinA', 100)] }));
    expect(kinds(d)).not.toContain('interval_under_12_weeks');
    expect(d.rolling[0]!.units).toBe(50);
  });

  it('Daxxify: says no label interval was found, and applies only the previous product’s own interval', () => {
    const recentBotox = deriveSession(input({ date: DATE, productId: 'daxibotulinumtoxinA-lanm', sites: [site('splenius_capitis', 'left', 50)], earlier: [prior(daysBefore(40), 'onabotulinumtoxinA', 100)] }));
    expect(kinds(recentBotox)).toEqual(expect.arrayContaining(['no_label_interval', 'interval_under_12_weeks', 'product_changed']));
    const recentDaxxify = deriveSession(input({ date: DATE, productId: 'daxibotulinumtoxinA-lanm', sites: [site('splenius_capitis', 'left', 50)], earlier: [prior(daysBefore(40), 'daxibotulinumtoxinA-lanm', 100)] }));
    expect(kinds(recentDaxxify)).toContain('no_label_interval');
    expect(kinds(recentDaxxify)).not.toContain('interval_under_12_weeks');
  });
});

describe('rolling windows (conventions.rolling_3_months, rolling_30_days)', () => {
  it.each([
    [89, 450, true],
    [90, 200, false],
  ])('a dose %i days earlier is summed: %s', (days, expected, warns) => {
    const d = deriveSession(input({ date: DATE, sites: repeat(5, 'splenius_capitis', 'left', 40), earlier: [prior(daysBefore(days), 'onabotulinumtoxinA', 250)] }));
    expect(d.rolling.find((r) => r.windowDays === 90)!.units).toBe(expected);
    expect(kinds(d).includes('rolling_window_max')).toBe(warns);
  });

  it('exactly 400 U in 90 days does not warn; 400.25 U does', () => {
    const at = (u: number) => deriveSession(input({ date: DATE, sites: [site('splenius_capitis', 'left', u)], earlier: [prior(daysBefore(10), 'onabotulinumtoxinA', 350)] }));
    expect(kinds(at(50))).not.toContain('rolling_window_max');
    expect(kinds(at(50.25))).toContain('rolling_window_max');
  });

  it('blepharospasm: 200 U per 30 days, 29 days summed, 30 days not', () => {
    const at = (days: number) =>
      deriveSession(input({ date: DATE, indication: 'blepharospasm', sites: repeat(4, 'orbicularis_oculi_pretarsal', 'left', 5), earlier: [prior(daysBefore(days), 'onabotulinumtoxinA', 190, { indications: ['blepharospasm'] })] }));
    expect(at(29).rolling).toEqual([{ product: 'onabotulinumtoxinA', windowDays: 30, units: 210 }, { product: 'onabotulinumtoxinA', windowDays: 90, units: 210 }]);
    expect(at(29).findings.some((f) => f.key === 'rolling_window_max:onaA_blepharospasm_rolling_30_days')).toBe(true);
    expect(at(30).findings.some((f) => f.key === 'rolling_window_max:onaA_blepharospasm_rolling_30_days')).toBe(false);
  });

  it('never adds units of another product; lists them beside instead', () => {
    const d = deriveSession(input({ date: DATE, sites: [site('splenius_capitis', 'left', 50)], earlier: [prior(daysBefore(20), 'abobotulinumtoxinA', 500), prior(daysBefore(20), null, 100)] }));
    expect(d.rolling).toEqual([{ product: 'onabotulinumtoxinA', windowDays: 90, units: 50 }]);
    const cross = d.findings.find((f) => f.kind === 'cross_product_units')!;
    expect(cross.message).toMatch(/Dysport 500 U/);
    expect(kinds(d)).not.toContain('rolling_window_max');
  });

  it('flags a product change against the last dose with a product', () => {
    const d = deriveSession(input({ date: DATE, productId: 'abobotulinumtoxinA', sites: [site('splenius_capitis', 'left', 250)], earlier: [prior(daysBefore(100), 'onabotulinumtoxinA', 200)] }));
    expect(kinds(d)).toContain('product_changed');
    expect(kinds(d)).not.toContain('cross_product_units');
  });
});

describe('pediatric limits (conventions.pediatric_limits)', () => {
  const child = { birthDate: '2016-06-01', indication: 'upper_limb_spasticity' as const };
  it('caps the upper limb at the lower of 6 U/kg or 200 U, and says so when no weight is recorded', () => {
    const sites = repeat(4, 'biceps_brachii', 'left', 40);
    const noWeight = deriveSession(input({ ...child, sites }));
    expect(noWeight.pediatric).toBe(true);
    expect(noWeight.findings.find((f) => f.key === 'per_kg_unchecked:onaA_pediatric_upper_limb_session')).toBeTruthy();
    const light = deriveSession(input({ ...child, sites, weightKg: 25 }));
    expect(light.findings.find((f) => f.kind === 'per_kg_max')!.message).toMatch(/150 U for 25 kg/);
    const heavy = deriveSession(input({ ...child, sites, weightKg: 40 }));
    expect(heavy.findings.some((f) => f.kind === 'per_kg_max' || f.kind === 'session_label_max')).toBe(false);
  });

  it('turns adult on the 18th birthday', () => {
    expect(deriveSession(input({ birthDate: '2008-11-30', date: DATE })).pediatric).toBe(false);
    expect(deriveSession(input({ birthDate: '2008-12-01', date: DATE })).pediatric).toBe(true);
  });

  it('marks the from-memory pediatric cumulative cap as unverified', () => {
    const d = deriveSession(input({ ...child, sites: repeat(4, 'biceps_brachii', 'left', 40), weightKg: 10 }));
    const f = d.findings.find((x) => x.key === 'rolling_window_max:onaA_pediatric_rolling_3_months')!;
    expect(f.unverified).toBe(true);
    expect(f.sources).toEqual(['MEM']);
  });
});
