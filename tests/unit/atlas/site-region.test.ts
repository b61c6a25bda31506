// A site's point must lie on the muscle and side it names (shared/atlas/site-region.ts): inside a region of
// it, or within SITE_REGION_TOLERANCE of one; every way the app places a site produces such a point.
import { getView, hitTest, listViewVersions, regionCentroid } from '../../../shared/atlas/index.ts';
import { distanceToPolygonEdge, pointInPolygon } from '../../../shared/atlas/geometry.ts';
import { mirrorSite } from '../../../shared/atlas/mirror-site.ts';
import { distanceToMuscle, pointOnMuscle, SITE_REGION_TOLERANCE, siteRegionProblem } from '../../../shared/atlas/site-region.ts';
import { freePointInRegion, spreadDistance } from '../../../shared/atlas/spread.ts';
import { builtinTemplates } from '../../../shared/clinical/builtin-templates.ts';

const face = getView('face_front', 1);
const region = (id: string) => {
  const r = face.regions.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};
const frontalisLeft = region('frontalis-left');
/** The first vertex of a polygon and a point `d` units straight out from the polygon's box on the left of it. */
const vertex = (poly: readonly number[]) => ({ x: poly[0] ?? 0, y: poly[1] ?? 0 });

describe('siteRegionProblem', () => {
  it('accepts a point inside the region of the muscle and side', () => {
    expect(siteRegionProblem(face, regionCentroid(frontalisLeft), 'frontalis', 'left')).toBeNull();
    expect(distanceToMuscle(face, regionCentroid(frontalisLeft), 'frontalis', 'left')).toBe(0);
  });

  it('accepts a point on the edge and just outside it, within the tolerance, and refuses one beyond', () => {
    const corner = vertex(frontalisLeft.polygon);
    expect(siteRegionProblem(face, corner, 'frontalis', 'left')).toBeNull();
    // Walk straight up from the region's top edge until the distance passes the tolerance.
    const top = frontalisLeft.polygon.filter((_, i) => i % 2 === 1).reduce((a, b) => Math.min(a, b), Infinity);
    const topX = frontalisLeft.polygon.filter((_, i) => i % 2 === 0 && frontalisLeft.polygon[i + 1] === top)[0] ?? 0;
    const near = { x: topX, y: top - (SITE_REGION_TOLERANCE - 1) };
    const far = { x: topX, y: top - (SITE_REGION_TOLERANCE + 3) };
    expect(pointInPolygon(frontalisLeft.polygon, near.x, near.y)).toBe(false);
    expect(distanceToPolygonEdge(frontalisLeft.polygon, near.x, near.y)).toBeLessThanOrEqual(SITE_REGION_TOLERANCE);
    expect(siteRegionProblem(face, near, 'frontalis', 'left')).toBeNull();
    expect(siteRegionProblem(face, far, 'frontalis', 'left')).toMatch(/^The point \(\d+, \d+\) is not on Frontalis \(left\) on the diagram Face, front: it lies \d+ units outside it$/);
  });

  it('refuses a point on another muscle, naming the muscle, side and view', () => {
    const onProcerus = regionCentroid(face.regions.find((r) => r.muscleId === 'procerus') ?? frontalisLeft);
    expect(siteRegionProblem(face, onProcerus, 'frontalis', 'left')).toMatch(/is not on Frontalis \(left\) on the diagram Face, front/);
  });

  it('refuses the right muscle on the wrong side', () => {
    const p = regionCentroid(frontalisLeft);
    expect(siteRegionProblem(face, p, 'frontalis', 'right')).toMatch(/is not on Frontalis \(right\) on the diagram Face, front: it lies \d+ units outside it/);
  });

  it('refuses an unknown muscle, or one the view does not draw, with a bounded message', () => {
    const long = `x${'y'.repeat(5000)}`;
    const unknown = siteRegionProblem(face, regionCentroid(frontalisLeft), long, 'left') ?? '';
    expect(unknown).toMatch(/^'xyyy.*…' \(left\) on the diagram Face, front is not drawn, so no site can be placed there$/);
    expect(unknown.length).toBeLessThan(200);
    expect(siteRegionProblem(face, { x: 300, y: 300 }, 'biceps_brachii', 'left')).toBe('Biceps brachii (left) on the diagram Face, front is not drawn, so no site can be placed there');
    expect(siteRegionProblem(face, { x: Number.NaN, y: 1 }, 'frontalis', 'left')).toBe('The point of the site is not a number');
  });

  it('places a site named anew on its new muscle, or keeps it where it is when it already is on it', () => {
    const p = regionCentroid(frontalisLeft);
    expect(pointOnMuscle(face, p, 'frontalis', 'left', [])).toEqual(p);
    const moved = pointOnMuscle(face, p, 'frontalis', 'right', []);
    expect(moved && siteRegionProblem(face, moved, 'frontalis', 'right')).toBeNull();
    expect(pointOnMuscle(face, p, 'biceps_brachii', 'left', [])).toBeNull();
  });
});

describe('every way the app places a site lands on the muscle', () => {
  it('a tap: every point hit-testing resolves to a muscle (up to its tolerance outside) is on that muscle', () => {
    let taps = 0;
    for (const { id, version } of listViewVersions()) {
      const view = getView(id, version);
      for (let x = 0; x <= view.width; x += 9) {
        for (let y = 0; y <= view.height; y += 9) {
          const hit = hitTest(view, { x, y }, { showDeep: (x + y) % 2 === 0 });
          if (!hit) continue;
          taps++;
          expect(siteRegionProblem(view, { x, y }, hit.muscleId, hit.side), `${id}@${version} (${x}, ${y})`).toBeNull();
        }
      }
    }
    expect(taps).toBeGreaterThan(1000);
  });

  it('a tap resolved by hit-testing, by name, spread, mirrored, on every view and version (eye detail included)', () => {
    let checked = 0;
    for (const { id, version } of listViewVersions()) {
      const view = getView(id, version);
      for (const r of view.regions) {
        const points = [regionCentroid(r), vertex(r.polygon), freePointInRegion(r, [], spreadDistance(view)), r.label];
        for (const p of points) {
          expect(siteRegionProblem(view, p, r.muscleId, r.side), `${id}@${version} ${r.id}`).toBeNull();
          const m = mirrorSite({ viewId: id, viewVersion: version, ...p, muscleId: r.muscleId, side: r.side }, (v) => (v === id ? view : getView(v)));
          if (m.ok) expect(siteRegionProblem(getView(m.site.viewId, m.site.viewVersion), m.site, m.site.muscleId, m.site.side), `mirror of ${r.id}`).toBeNull();
          checked++;
        }
      }
    }
    expect(listViewVersions().map((v) => v.id)).toContain('eye_detail');
    expect(checked).toBeGreaterThan(400);
  });

  it('the benchmark generator (tests/bench/generate.ts): the label point of a region, jittered by up to 4 units', () => {
    for (const { id, version } of listViewVersions()) {
      const view = getView(id, version);
      for (const r of view.regions) {
        for (const [dx, dy] of [[0, 0], [-4, -4], [4, -4], [-4, 4], [4, 4]] as const) {
          expect(siteRegionProblem(view, { x: r.label.x + dx, y: r.label.y + dy }, r.muscleId, r.side), `${id} ${r.id}`).toBeNull();
        }
      }
    }
  });

  it('the built-in templates', () => {
    const sites = builtinTemplates().flatMap((t) => t.sites);
    expect(sites.length).toBeGreaterThan(20);
    for (const s of sites) expect(siteRegionProblem(getView(s.viewId, s.viewVersion), s, s.muscleId, s.side)).toBeNull();
  });
});
