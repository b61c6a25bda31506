import { describe, expect, it } from 'vitest';
import {
  getMuscle,
  getView,
  hasMuscle,
  hasView,
  isSimplePolygon,
  latestVersion,
  listViews,
  listViewVersions,
  pointInPolygon,
  protocolMuscleIds,
  viewsForIndication,
  type AtlasView,
} from '../../../shared/atlas/index.ts';
import { INDICATION_IDS } from '../../../shared/indications.ts';

const views: AtlasView[] = listViews().map((s) => getView(s.id, s.version));

describe('atlas views', () => {
  it('lists every view once, in a stable order, at its latest version', () => {
    const ids = listViews().map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(listViews().map((v) => v.id));
    for (const s of listViews()) expect(s.version).toBe(latestVersion(s.id));
    expect(ids.length).toBeGreaterThanOrEqual(21);
  });

  it.each(views.map((v) => [v.id, v] as const))('%s: every polygon is simple and inside the view', (_id, view) => {
    for (const r of view.regions) {
      expect(isSimplePolygon(r.polygon), r.id).toBe(true);
      for (let i = 0; i < r.polygon.length; i += 2) {
        const x = r.polygon[i] ?? NaN;
        const y = r.polygon[i + 1] ?? NaN;
        expect(x >= 0 && x <= view.width && y >= 0 && y <= view.height, `${r.id} ${x},${y}`).toBe(true);
      }
    }
    expect(view.strokes.some((s) => s.kind === 'outline')).toBe(true);
    expect(view.strokes.some((s) => s.kind === 'detail')).toBe(true);
  });

  it.each(views.map((v) => [v.id, v] as const))('%s: region ids are unique and muscles are in the catalogue', (_id, view) => {
    const ids = view.regions.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of view.regions) {
      expect(hasMuscle(r.muscleId), r.muscleId).toBe(true);
      const midline = getMuscle(r.muscleId).sideMode === 'midline';
      expect(r.side === 'midline', `${r.id} side ${r.side}`).toBe(midline);
      if (view.side !== null) expect(r.side, r.id).toBe(view.side);
    }
  });

  it.each(views.map((v) => [v.id, v] as const))('%s: regions in one layer never overlap', (_id, view) => {
    const step = 3;
    for (let y = 0.41; y < view.height; y += step) {
      for (let x = 0.29; x < view.width; x += step) {
        const count = { superficial: 0, deep: 0 };
        for (const r of view.regions) if (pointInPolygon(r.polygon, x, y)) count[r.layer] += 1;
        if (count.superficial > 1 || count.deep > 1) expect.fail(`${view.id}: overlap at ${x.toFixed(1)},${y.toFixed(1)}`);
      }
    }
  });

  it('every injectable protocol muscle can be placed on some view', () => {
    const placed = new Set(views.flatMap((v) => v.regions.map((r) => r.muscleId)));
    const missing = protocolMuscleIds().filter((id) => getMuscle(id).injectionTarget && !placed.has(id));
    expect(missing).toEqual([]);
  });

  it('deep muscles are drawn on the deep layer', () => {
    const deep = ['subscapularis', 'pronator_quadratus', 'vastus_intermedius', 'tibialis_posterior', 'obliquus_capitis_inferior',
      'longus_colli', 'lateral_pterygoid', 'medial_pterygoid', 'psoas_major', 'pectoralis_minor'];
    for (const id of deep) {
      const regions = views.flatMap((v) => v.regions).filter((r) => r.muscleId === id);
      expect(regions.length, id).toBeGreaterThan(0);
      for (const r of regions) expect(r.layer, r.id).toBe('deep');
    }
  });

  it('right views are exact mirror images of the left drawing', () => {
    for (const view of views.filter((v) => v.id.endsWith('_right'))) {
      const source = getView(view.id.replace(/_right$/, '_left'), view.version);
      expect(view.side).toBe('right');
      expect(view.regions.length).toBe(source.regions.length);
      source.regions.forEach((r, i) => {
        const m = view.regions[i];
        if (!m) throw new Error('missing mirrored region');
        expect(m.id).toBe(r.id.replace(/-left$/, '-right'));
        expect(m.muscleId).toBe(r.muscleId);
        expect(m.side).toBe('right');
        const n = r.polygon.length / 2;
        for (let k = 0; k < n; k += 1) {
          expect(m.polygon[2 * k]).toBeCloseTo(view.width - (r.polygon[2 * (n - 1 - k)] ?? NaN), 9);
          expect(m.polygon[2 * k + 1]).toBe(r.polygon[2 * (n - 1 - k) + 1]);
        }
      });
    }
  });

  it('keeps loading stored versions and names what is unknown', () => {
    for (const { id, version } of listViewVersions()) expect(getView(id, version).version).toBe(version);
    expect(getView('face_front', 1)).toBe(getView('face_front'));
    expect(hasView('face_front', 1)).toBe(true);
    expect(hasView('face_front', 99)).toBe(false);
    expect(hasView('elbow_sideways')).toBe(false);
    expect(() => getView('elbow_sideways')).toThrow(/elbow_sideways/);
    expect(() => getView('face_front', 99)).toThrow(/face_front.*99/);
    expect(() => latestVersion('nope')).toThrow(/nope/);
  });

  it('every indication opens existing views', () => {
    for (const ind of INDICATION_IDS) {
      const ids = viewsForIndication(ind);
      expect(ids.length, ind).toBeGreaterThan(0);
      for (const id of ids) expect(hasView(id), `${ind}: ${id}`).toBe(true);
    }
    expect(viewsForIndication('blepharospasm')).toEqual(['eye_detail', 'face_front']);
    expect(viewsForIndication('chronic_migraine')[0]).toBe('face_front');
  });
});
