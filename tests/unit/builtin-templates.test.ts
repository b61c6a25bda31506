import { getView, hitTest, siteLocation } from '../../shared/atlas/index.ts';
import { builtinTemplates, BUILTIN_IDS } from '../../shared/clinical/builtin-templates.ts';
import { reference } from '../../shared/clinical/reference.ts';
import { sumUnits } from '../../shared/domain/values.ts';

const byId = (id: string) => {
  const t = builtinTemplates().find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};

describe('built-in protocol templates', () => {
  it('PREEMPT has the reference fixed sites: 31 sites, 155 U, per muscle and side', () => {
    const t = byId(BUILTIN_IDS.preempt);
    const protocol = reference.protocols.chronic_migraine_PREEMPT;
    expect(t.sites).toHaveLength(protocol.fixed_total_sites);
    expect(sumUnits(t.sites.map((s) => s.units))).toBe(protocol.fixed_total_U);
    for (const row of protocol.fixed_sites) {
      const mine = t.sites.filter((s) => s.muscleId === row.muscle_id);
      expect(mine, row.muscle_id).toHaveLength(row.sites);
      expect(sumUnits(mine.map((s) => s.units)), row.muscle_id).toBe(row.total_U);
      if (row.laterality !== 'midline') {
        expect(mine.filter((s) => s.side === 'left')).toHaveLength(row.sites / 2);
      }
    }
  });

  it('puts temporalis sites on the lateral views and occipital, paraspinal and trapezius sites on the posterior view', () => {
    const t = byId(BUILTIN_IDS.preempt);
    const views = (m: string) => new Set(t.sites.filter((s) => s.muscleId === m).map((s) => s.viewId));
    expect(views('temporalis')).toEqual(new Set(['head_lateral_left', 'head_lateral_right']));
    expect(views('procerus')).toEqual(new Set(['face_front']));
    expect(views('cervical_paraspinals')).toEqual(new Set(['head_neck_posterior']));
    expect(views('occipitalis')).toEqual(new Set(['head_neck_posterior']));
    expect(views('trapezius_upper')).toEqual(new Set(['head_neck_posterior']));
  });

  it('blepharospasm starts at 1.25 U on the pretarsal sites of both eyes', () => {
    const t = byId(BUILTIN_IDS.blepharospasm);
    expect(t.sites).toHaveLength(6);
    expect(new Set(t.sites.map((s) => s.muscleId))).toEqual(new Set(['orbicularis_oculi_pretarsal']));
    expect(t.sites.every((s) => s.units === 1.25)).toBe(true);
    // On the eye detail, each site lies in its lid and half, as the label lists them, and says so.
    const eyes = getView('eye_detail');
    for (const side of ['left', 'right'] as const) {
      const where = t.sites.filter((s) => s.side === side).map((s) => siteLocation(getView(s.viewId, s.viewVersion), s, s.muscleId, s.side));
      expect(where).toEqual(['upper lid, medial', 'upper lid, lateral', 'lower lid, lateral']);
    }
    // Medial sites of the upper lid lie nearer the midline than the lateral ones.
    const mid = eyes.width / 2;
    for (const side of ['left', 'right'] as const) {
      const [medial, lateral] = t.sites.filter((s) => s.side === side);
      expect(Math.abs((medial?.x ?? 0) - mid)).toBeLessThan(Math.abs((lateral?.x ?? 0) - mid));
    }
  });

  it('every built-in site resolves to its own muscle and side on its diagram', () => {
    for (const t of builtinTemplates()) {
      for (const s of t.sites) {
        const hit = hitTest(getView(s.viewId, s.viewVersion), s, { showDeep: false, tolerance: 0 });
        expect(hit, `${t.name} #${s.seq}`).toMatchObject({ muscleId: s.muscleId, side: s.side, distance: 0 });
      }
    }
  });
});
