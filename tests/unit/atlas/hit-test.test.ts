import { describe, expect, it } from 'vitest';
import { getView, hitTest, listViews, pointInPolygon } from '../../../shared/atlas/index.ts';

const face = getView('face_front');

function regionById(viewId: string, regionId: string) {
  const r = getView(viewId).regions.find((x) => x.id === regionId);
  if (!r) throw new Error(`no region ${regionId} in ${viewId}`);
  return r;
}

describe('hit-testing', () => {
  it('resolves the label anchor of every region of every view to its own muscle and side', () => {
    for (const { id } of listViews()) {
      const view = getView(id);
      for (const r of view.regions) {
        const hit = hitTest(view, r.label, { showDeep: r.layer === 'deep' });
        expect(hit?.region.id, `${id}: ${r.id}`).toBe(r.id);
        expect(hit?.muscleId).toBe(r.muscleId);
        expect(hit?.side).toBe(r.side);
        expect(hit?.distance).toBe(0);
      }
    }
  });

  it('a point between the brows is procerus', () => {
    const hit = hitTest(face, { x: face.width / 2, y: 270 }, { showDeep: false });
    expect(hit?.muscleId).toBe('procerus');
    expect(hit?.side).toBe('midline');
  });

  it("the patient's left eye is on the viewer's right: lateral to its lower lid is left orbicularis oculi", () => {
    // Left eye centre is mirrored to x = 400; its lateral canthus is towards larger x.
    const hit = hitTest(face, { x: 400 + 50, y: 305 + 8 }, { showDeep: false });
    expect(hit?.muscleId).toMatch(/^orbicularis_oculi_/);
    expect(hit?.side).toBe('left');
    const pretarsal = hitTest(face, { x: 400, y: 305 + 16 }, { showDeep: false });
    expect(pretarsal?.region.id).toBe('orbicularis_oculi_pretarsal-lower-left');
    const upperMedial = hitTest(face, { x: 400 - 25, y: 305 - 18 }, { showDeep: false });
    expect(upperMedial?.region.id).toBe('orbicularis_oculi_pretarsal-upper-left');
    const upperLateralRight = hitTest(face, { x: 200 - 25, y: 305 - 18 }, { showDeep: false });
    expect(upperLateralRight?.region.id).toBe('orbicularis_oculi_pretarsal-upper-right');
  });

  it('outside the body is nothing', () => {
    expect(hitTest(face, { x: 2, y: 2 }, { showDeep: true })).toBeNull();
    expect(hitTest(face, { x: -50, y: 300 }, { showDeep: false })).toBeNull();
    expect(hitTest(face, { x: Number.NaN, y: 300 }, { showDeep: false })).toBeNull();
  });

  it('just outside a region resolves to it within the tolerance, and not beyond', () => {
    const r = regionById('face_front', 'masseter-right');
    // Walk left from the label until we leave the polygon, then step 3 units further out.
    let x = r.label.x;
    while (pointInPolygon(r.polygon, x, r.label.y)) x -= 0.5;
    const near = hitTest(face, { x: x - 3, y: r.label.y }, { showDeep: false });
    expect(near?.region.id).toBe('masseter-right');
    expect(near?.distance).toBeGreaterThan(0);
    expect(near?.distance).toBeLessThanOrEqual(6);
    expect(hitTest(face, { x: x - 3, y: r.label.y }, { showDeep: false, tolerance: 1 })).toBeNull();
  });

  it('deep regions are only hit when the deep layer is shown', () => {
    const view = getView('upper_limb_anterior_left');
    const pq = regionById('upper_limb_anterior_left', 'pronator_quadratus-left');
    expect(hitTest(view, pq.label, { showDeep: true })?.muscleId).toBe('pronator_quadratus');
    const hidden = hitTest(view, pq.label, { showDeep: false });
    expect(hidden?.muscleId).not.toBe('pronator_quadratus');
  });

  it('FCR lies radial to FCU on both forearms', () => {
    for (const id of ['upper_limb_anterior_left', 'upper_limb_anterior_right']) {
      const fcr = regionById(id, `flexor_carpi_radialis-${id.endsWith('left') ? 'left' : 'right'}`);
      const fcu = regionById(id, `flexor_carpi_ulnaris-${id.endsWith('left') ? 'left' : 'right'}`);
      // Left arm anterior: radial side is the viewer's right; mirrored for the right arm.
      if (id.endsWith('left')) expect(fcr.label.x).toBeGreaterThan(fcu.label.x);
      else expect(fcr.label.x).toBeLessThan(fcu.label.x);
    }
  });

  it('gastrocnemius heads lie above soleus', () => {
    const gm = regionById('lower_limb_posterior_left', 'gastrocnemius_medial-left');
    const so = regionById('lower_limb_posterior_left', 'soleus-left');
    expect(gm.label.y).toBeLessThan(so.label.y);
  });
});
