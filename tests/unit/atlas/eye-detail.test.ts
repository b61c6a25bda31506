import { distanceToPolygonEdge, getView, hitTest, regionLocation, type AtlasRegion } from '../../../shared/atlas/index.ts';

const eyes = getView('eye_detail');
const face = getView('face_front');
const PARTS = ['orbicularis_oculi_pretarsal', 'orbicularis_oculi_preseptal', 'orbicularis_oculi_orbital'];

/** Diameter of the largest circle inside a region (at its label point, the farthest from the edge). */
function reach(r: AtlasRegion): number {
  return 2 * distanceToPolygonEdge(r.polygon, r.label.x, r.label.y);
}

describe('the eye detail view', () => {
  it('draws every part of orbicularis oculi above and below each eye, medial and lateral, each naming its location', () => {
    for (const side of ['right', 'left'] as const) {
      for (const muscle of PARTS) {
        const locations = eyes.regions.filter((r) => r.muscleId === muscle && r.side === side).map(regionLocation).sort();
        const lid = muscle.endsWith('orbital') ? '' : ' lid';
        expect(locations, `${muscle} ${side}`).toEqual([`lower${lid}, lateral`, `lower${lid}, medial`, `upper${lid}, lateral`, `upper${lid}, medial`]);
      }
    }
  });

  it("puts the patient's right eye on the viewer's left, medial halves toward the nose", () => {
    const mid = eyes.width / 2;
    const medial = eyes.regions.find((r) => r.id === 'orbicularis_oculi_pretarsal-upper-medial-right');
    const lateral = eyes.regions.find((r) => r.id === 'orbicularis_oculi_pretarsal-upper-lateral-right');
    if (!medial || !lateral) throw new Error('missing pretarsal regions');
    expect(medial.label.x).toBeLessThan(mid);
    expect(Math.abs(medial.label.x - mid)).toBeLessThan(Math.abs(lateral.label.x - mid));
    expect(hitTest(eyes, medial.label, { showDeep: false })?.side).toBe('right');
  });

  it('gives each eyelid region more than twice the room it has on the whole face, for a pen', () => {
    for (const muscle of PARTS) {
      for (const lid of ['upper', 'lower']) {
        const small = face.regions.find((r) => r.id === `${muscle}-${lid}-right`);
        if (!small) throw new Error(`${muscle} ${lid} not on the face`);
        // The view is fitted to the same canvas: compare in screen terms (each view scaled to fit 900 × 430 px).
        const faceScale = Math.min(900 / face.width, 430 / face.height);
        const eyeScale = Math.min(900 / eyes.width, 430 / eyes.height);
        for (const r of eyes.regions.filter((x) => x.id.startsWith(`${muscle}-${lid}-`) && x.side === 'right')) {
          expect(reach(r) * eyeScale, r.id).toBeGreaterThan(2 * reach(small) * faceScale);
        }
      }
    }
  });
});
