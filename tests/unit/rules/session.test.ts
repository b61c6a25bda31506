import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MUSCLES } from '../../../shared/atlas/catalogue.ts';
import { PRODUCTS } from '../../../shared/clinical/products.ts';
import { deriveSession } from '../../../shared/rules/index.ts';
import { input, prior, repeat, site, vial } from './build.ts';

const kinds = (d: ReturnType<typeof deriveSession>) => d.findings.map((f) => f.kind);

describe('totals', () => {
  it('per muscle and side, per side, per region and limb', () => {
    const d = deriveSession(input({
      indication: 'upper_limb_spasticity',
      otherIndications: ['lower_limb_spasticity'],
      sites: [site('biceps_brachii', 'left', 50), site('biceps_brachii', 'left', 1.25), site('soleus', 'right', 75), site('sternocleidomastoid', 'left', 20), site('procerus', 'midline', 2.5)],
    }));
    expect(d.totals.units).toBe(148.75);
    expect(d.totals.byMuscleSide[0]).toEqual({ muscleId: 'biceps_brachii', side: 'left', units: 51.25, sites: 2 });
    expect(d.totals.bySide).toEqual({ left: 71.25, right: 75, midline: 2.5 });
    expect(d.totals.byRegion).toEqual([
      { region: 'face', units: 2.5, sites: 1 },
      { region: 'neck', units: 20, sites: 1 },
      { region: 'upper_limb_left', units: 51.25, sites: 2 },
      { region: 'lower_limb_right', units: 75, sites: 1 },
    ]);
  });

  it('property: every total is the exact sum of its sites, and the rolling totals never include another product', () => {
    const muscles = MUSCLES.filter((m) => m.injectionTarget);
    fc.assert(
      fc.property(
        fc.array(fc.record({ m: fc.integer({ min: 0, max: muscles.length - 1 }), cents: fc.integer({ min: 1, max: 10_000 }), right: fc.boolean() }), { maxLength: 60 }),
        fc.constantFrom(...PRODUCTS.map((p) => p.id)),
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 200 }), p: fc.constantFrom(...PRODUCTS.map((p) => p.id)), u: fc.integer({ min: 1, max: 500 }) }), { maxLength: 6 }),
        (raw, productId, priors) => {
          const sites = raw.map((r) => {
            const m = muscles[r.m]!;
            return site(m.id, m.sideMode === 'midline' ? 'midline' : r.right ? 'right' : 'left', r.cents / 100);
          });
          const earlier = priors.map((p) => prior(`2026-${String(1 + Math.floor(p.days / 31) % 11).padStart(2, '0')}-${String(1 + (p.days % 28)).padStart(2, '0')}`, p.p, p.u));
          const d = deriveSession(input({ productId, sites, earlier, date: '2026-11-30' }));
          const cents = (u: number) => Math.round(u * 100);
          const sum = raw.reduce((a, r) => a + r.cents, 0);
          expect(cents(d.totals.units)).toBe(sum);
          expect(cents(d.totals.byMuscleSide.reduce((a, t) => a + t.units, 0))).toBe(sum);
          expect(cents(d.totals.byRegion.reduce((a, t) => a + t.units, 0))).toBe(sum);
          expect(cents(d.totals.bySide.left + d.totals.bySide.right + d.totals.bySide.midline)).toBe(sum);
          expect(d.totals.byMuscleSide.reduce((a, t) => a + t.sites, 0)).toBe(sites.length);
          for (const r of d.rolling) {
            expect(r.product).toBe(productId);
            const same = earlier.filter((e) => e.productId === productId && e.date <= '2026-11-30');
            expect(cents(r.units)).toBeLessThanOrEqual(sum + cents(same.reduce((a, e) => a + e.units, 0)));
            expect(cents(r.units)).toBeGreaterThanOrEqual(sum);
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('vials', () => {
  it('uses vials in the order they were opened: the first is used up before the next', () => {
    const a = vial('onabotulinumtoxinA', 100, { reconstitutedAt: '2026-11-30T09:00:00Z' });
    const b = vial('onabotulinumtoxinA', 100, { reconstitutedAt: '2026-11-30T08:00:00Z' });
    const d = deriveSession(input({ startedAt: '2026-11-30T08:00:00Z', sites: repeat(3, 'splenius_capitis', 'left', 50), vials: [a, b] }));
    expect(d.vials.byVial).toEqual([
      { vialId: b.id, labelledUnits: 100, usedUnits: 100, wastedUnits: 0 },
      { vialId: a.id, labelledUnits: 100, usedUnits: 50, wastedUnits: 50 },
    ]);
    expect(d.vials.wastedUnits).toBe(50);
  });

  it('gives each site its volume from the vial it was drawn from when dilutions differ', () => {
    const d = deriveSession(input({ sites: [site('splenius_capitis', 'left', 50), site('splenius_capitis', 'left', 50)], vials: [vial('onabotulinumtoxinA', 50, { diluentMl: 1, createdAt: '2026-11-30T08:00:00Z' }), vial('onabotulinumtoxinA', 100, { diluentMl: 4, createdAt: '2026-11-30T08:01:00Z' })] }));
    expect(d.concentrationPer01mL).toBeNull();
    expect(d.volumes.map((v) => v.mL)).toEqual([1, 2]);
  });

  it('Myobloc as supplied is 500 U per 0.1 mL', () => {
    const d = deriveSession(input({ productId: 'rimabotulinumtoxinB', sites: [site('splenius_capitis', 'left', 2500)], vials: [vial('rimabotulinumtoxinB', 5000, { diluentMl: null })] }));
    expect(d.concentrationPer01mL).toBe(500);
    expect(d.volumes[0]!.mL).toBe(0.5);
  });

  it('expired lot: the expiry day itself is fine, the day after is not', () => {
    expect(kinds(deriveSession(input({ date: '2026-11-30', sites: [site('splenius_capitis', 'left', 50)], vials: [vial('onabotulinumtoxinA', 100, { expiry: '2026-11-30' })] })))).not.toContain('expired_lot');
    expect(kinds(deriveSession(input({ date: '2026-11-30', sites: [site('splenius_capitis', 'left', 50)], vials: [vial('onabotulinumtoxinA', 100, { expiry: '2026-11-29' })] })))).toContain('expired_lot');
  });

  it('reconstitution window: 24 h is fine, 24 h 1 min is not; a from-memory window is unverified', () => {
    const at = (used: string, productId = 'onabotulinumtoxinA') =>
      deriveSession(input({ productId, startedAt: used, sites: [site('splenius_capitis', 'left', 50)], vials: [vial(productId, 300, { reconstitutedAt: '2026-11-29T09:00:00Z' })] }));
    expect(kinds(at('2026-11-30T09:00:00Z'))).not.toContain('reconstitution_window');
    const late = at('2026-11-30T09:01:00Z').findings.find((f) => f.kind === 'reconstitution_window')!;
    expect(late.sources).toEqual(['S03', 'S43']);
    expect(late.unverified).toBeUndefined();
    expect(at('2026-11-30T09:01:00Z', 'abobotulinumtoxinA').findings.find((f) => f.kind === 'reconstitution_window')!.unverified).toBe(true);
  });

  it('warns when the sites hold more units than the recorded vials', () => {
    expect(kinds(deriveSession(input({ sites: repeat(3, 'splenius_capitis', 'left', 50), vials: [vial('onabotulinumtoxinA', 100)] })))).toContain('units_exceed_vials');
  });
});

describe('completeness, template departure and acknowledgements', () => {
  it('asks for product, a vial with lot and expiry, and sites', () => {
    expect(deriveSession(input({ productId: null })).completeness.map((c) => c.kind)).toEqual(['sites', 'product']);
    expect(deriveSession(input({ sites: [site('splenius_capitis', 'left', 50)] })).completeness.map((c) => c.kind)).toEqual(['vial']);
    expect(deriveSession(input({ sites: [site('splenius_capitis', 'left', 50)], vials: [vial('onabotulinumtoxinA', 100)] })).completeness).toEqual([]);
  });

  it('a session that departs from its template needs a reason, given by acknowledging the departure', () => {
    const template = { id: 't', name: 'PREEMPT', sites: [{ muscleId: 'frontalis', side: 'left' as const, units: 5 }] };
    const same = deriveSession(input({ template, sites: [site('frontalis', 'left', 5)], vials: [vial('onabotulinumtoxinA', 100)] }));
    expect(same.completeness).toEqual([]);
    const more = input({ template, sites: [site('frontalis', 'left', 10)], vials: [vial('onabotulinumtoxinA', 100)] });
    expect(deriveSession(more).completeness.map((c) => c.kind)).toEqual(['template_departure']);
    const acked = deriveSession({ ...more, acknowledgements: [{ key: 'template_departure', by: 'Dr A', at: '2026-11-30T10:00:00Z', reason: 'more pain this cycle' }] });
    expect(acked.completeness).toEqual([]);
    expect(acked.findings.find((f) => f.kind === 'template_departure')!.acknowledgement).toEqual({ by: 'Dr A', at: '2026-11-30T10:00:00Z', reason: 'more pain this cycle' });
  });

  it('an acknowledged warning stays a warning, with the decision attached to it and to nothing else', () => {
    const base = input({ sites: [site('splenius_capitis', 'left', 60), site('splenius_capitis', 'right', 70)] });
    const keys = deriveSession(base).findings.filter((x) => x.kind === 'per_site_max').map((f) => f.key);
    expect(keys).toHaveLength(2);
    const acked = deriveSession({ ...base, acknowledgements: [{ key: keys[0]!, by: 'Dr A', at: '2026-11-30T10:00:00Z', reason: 'large muscle' }] });
    const [first, second] = acked.findings.filter((x) => x.kind === 'per_site_max');
    expect(first).toMatchObject({ severity: 'warning', acknowledgement: { by: 'Dr A', reason: 'large muscle' } });
    expect(second!.acknowledgement).toBeUndefined();
  });

  it('every finding has a stable unique key, a plain message and a list of sources', () => {
    const d = deriveSession(input({ sites: [site('sternocleidomastoid', 'left', 120), site('sternocleidomastoid', 'right', 60), ...repeat(6, 'splenius_capitis', 'right', 50)], earlier: [prior('2026-11-16', 'abobotulinumtoxinA', 500)], vials: [vial('onabotulinumtoxinA', 100, { expiry: '2026-01-01' })] }));
    expect(d.findings.length).toBeGreaterThan(5);
    expect(new Set(d.findings.map((f) => f.key)).size).toBe(d.findings.length);
    for (const f of d.findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(Array.isArray(f.sources)).toBe(true);
    }
  });
});

describe('the session date against today', () => {
  it('warns when the session is dated after today, not on today', () => {
    expect(deriveSession(input({ date: '2026-11-30' })).findings.map((f) => f.kind)).not.toContain('future_date');
    expect(deriveSession(input({ date: '2026-12-01' })).findings.find((f) => f.kind === 'future_date')!.message).toMatch(/1 day after today/);
  });
});
