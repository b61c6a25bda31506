import { getView, hitTest, pointInPolygon, type AtlasView } from '../../shared/atlas/index.ts';
import { mirrorSite } from '../../shared/atlas/mirror-site.ts';
import { freePointInRegion, regionsOf, spreadDistance } from '../../shared/atlas/spread.ts';
import { placePatternSites } from '../../shared/clinical/pattern-placement.ts';
import { findPattern, proposeMuscles } from '../../shared/clinical/patterns.ts';
import { viewsForIndication } from '../../shared/atlas/index.ts';

const latest = (id: string): AtlasView | null => getView(id);

describe('sites placed by name', () => {
  it('two sites in the same muscle are spread inside it, not stacked', () => {
    const view = getView('head_neck_posterior');
    const region = regionsOf(view, 'splenius_capitis', 'left')[0];
    if (!region) throw new Error('no left splenius capitis');
    const first = freePointInRegion(region, [], spreadDistance(view));
    const second = freePointInRegion(region, [first], spreadDistance(view));
    const third = freePointInRegion(region, [first, second], spreadDistance(view));
    for (const p of [first, second, third]) expect(pointInPolygon(region.polygon, p.x, p.y)).toBe(true);
    expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeGreaterThanOrEqual(spreadDistance(view));
    expect(Math.hypot(third.x - second.x, third.y - second.y)).toBeGreaterThan(1);
  });
});

describe('mirroring a site', () => {
  it('puts a left frontalis site at the same place of the right frontalis on the face', () => {
    const view = getView('face_front');
    const region = regionsOf(view, 'frontalis', 'left')[0];
    if (!region) throw new Error('no left frontalis');
    const p = freePointInRegion(region, [], 1);
    const result = mirrorSite({ viewId: 'face_front', viewVersion: 1, ...p, muscleId: 'frontalis', side: 'left' }, latest);
    expect(result).toEqual({ ok: true, site: { viewId: 'face_front', viewVersion: 1, x: Math.round((view.width - p.x) * 10) / 10, y: p.y, muscleId: 'frontalis', side: 'right' } });
  });

  it('moves a site of a one-sided view to the other side\'s view', () => {
    const left = getView('head_lateral_left');
    const region = regionsOf(left, 'temporalis', 'left')[0];
    if (!region) throw new Error('no temporalis on the left lateral view');
    const p = freePointInRegion(region, [], 1);
    const result = mirrorSite({ viewId: left.id, viewVersion: 1, ...p, muscleId: 'temporalis', side: 'left' }, latest);
    if (!result.ok) throw new Error(result.reason);
    expect(result.site.viewId).toBe('head_lateral_right');
    expect(result.site.side).toBe('right');
    expect(hitTest(getView('head_lateral_right'), result.site, { showDeep: false })?.muscleId).toBe('temporalis');
  });

  it('does not mirror a midline muscle', () => {
    expect(mirrorSite({ viewId: 'face_front', viewVersion: 1, x: 300, y: 280, muscleId: 'procerus', side: 'midline' }, latest)).toEqual({ ok: false, reason: 'midline' });
  });
});

describe('placing the sites of a pattern', () => {
  it('lays out torticollis to the right on the cervical dystonia diagrams, each site inside its muscle', () => {
    const pattern = findPattern('cd_rotational_torticollis');
    if (!pattern) throw new Error('no torticollis');
    const views = viewsForIndication('cervical_dystonia').map((id) => getView(id));
    const requests = proposeMuscles(pattern, 'right').map((m) => ({ muscleId: m.muscleId, side: m.patientSide, sites: m.sites }));
    const result = placePatternSites(requests, views, () => []);
    if (!result.ok) throw new Error('not placed');
    expect(result.sites).toHaveLength(requests.length);
    for (const s of result.sites) {
      const hit = hitTest(getView(s.viewId), s, { showDeep: true, tolerance: 0 });
      expect([hit?.muscleId, hit?.side], `${s.muscleId} ${s.side} on ${s.viewId}`).toEqual([s.muscleId, s.side]);
    }
    // Both splenius sites of the pattern (ipsilateral, ± contralateral) are on the posterior view, one per side.
    expect(result.sites.filter((s) => s.muscleId === 'splenius_capitis').map((s) => [s.viewId, s.side])).toEqual([
      ['head_neck_posterior', 'right'],
      ['head_neck_posterior', 'left'],
    ]);
  });

  it('spreads several sites over the parts of a muscle, and names what no diagram of the session draws', () => {
    const face = [getView('face_front')];
    const result = placePatternSites([{ muscleId: 'orbicularis_oculi_orbital', side: 'left', sites: 4 }], face, () => []);
    if (!result.ok) throw new Error('not placed');
    const regions = result.sites.map((s) => hitTest(face[0] as AtlasView, s, { showDeep: false, tolerance: 0 })?.region.id);
    expect(new Set(regions)).toEqual(new Set(['orbicularis_oculi_orbital-upper-left', 'orbicularis_oculi_orbital-lower-left']));
    expect(placePatternSites([{ muscleId: 'soleus', side: 'left', sites: 1 }], face, () => [])).toEqual({ ok: false, missing: [{ muscleId: 'soleus', side: 'left', sites: 1 }] });
  });
});
