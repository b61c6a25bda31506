/**
 * eye_detail: both eyes large enough to place eyelid sites with a pen (blepharospasm, hemifacial spasm). The patient
 * faces the viewer: the patient's RIGHT eye is on the viewer's LEFT. Orbicularis oculi in its three parts
 * (pretarsal, preseptal, orbital), each above and below the eye, each medial and lateral: every region names its
 * location ("upper lid, medial"), so a site's list entry and the totals say which lid and which part. The right eye
 * is drawn and mirrored into the left.
 */
import { ViewBuilder, eggRadius, ellipsePts, radialBand, smooth, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';

const W = 900;
const H = 430;
const K = 2.6;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

export function eyeDetail(): ReturnType<ViewBuilder['build']> {
  const v = new ViewBuilder('eye_detail', 'Eyes, periocular detail', W, H, null);

  // Skin of the upper face, brow to cheek, across both eyes.
  v.outline(smooth([
    [14, 70], [120, 22], [300, 12], [450, 26], [600, 12], [780, 22], [886, 70], [890, 250], [870, 400],
    [700, 420], [520, 414], [450, 424], [380, 414], [200, 420], [30, 400], [10, 250],
  ], true, 6));

  // The patient's right eye, around its centre, as in face_front but 2.6 times larger.
  const E: P = [228, 222];
  const fissure = eggRadius(44 * K, 16 * K, 11 * K);
  const pretarsal = eggRadius(52 * K, 28 * K, 22 * K);
  const preseptal = eggRadius(63 * K, 42 * K, 36 * K);
  const orbitalRaw = eggRadius(80 * K, 64 * K, 58 * K);
  // The orbital part dips under the corrugator, which sits above the medial half of the brow.
  const dip = (a: number): number => 1 - 0.16 * Math.exp(-(((a + 0.95) / 0.5) ** 2));
  const orbital = (a: number): number => orbitalRaw(a) * dip(a);
  const corrugatorOuter = (a: number): number => orbitalRaw(a) * 1.08;
  const corrugatorInner = (a: number): number => orbital(a) + 3;
  // Angles (y down): upper lid from -π (viewer's left: lateral for the right eye) to 0 (medial, toward the nose);
  // lower lid from 0 (medial) to π (lateral).
  const parts: Array<[string, (a: number) => number, (a: number) => number, string, string]> = [
    ['orbicularis_oculi_pretarsal', fissure, pretarsal, 'upper lid', 'lower lid'],
    ['orbicularis_oculi_preseptal', pretarsal, preseptal, 'upper lid', 'lower lid'],
    ['orbicularis_oculi_orbital', preseptal, orbital, 'upper', 'lower'],
  ];
  for (const [muscle, inner, outer, upper, lower] of parts) {
    v.region(`${muscle}-upper-lateral-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, -Math.PI, -Math.PI / 2, 24), undefined, `${upper}, lateral`);
    v.region(`${muscle}-upper-medial-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, -Math.PI / 2, 0, 24), undefined, `${upper}, medial`);
    v.region(`${muscle}-lower-medial-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, 0, Math.PI / 2, 24), undefined, `${lower}, medial`);
    v.region(`${muscle}-lower-lateral-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, Math.PI / 2, Math.PI, 24), undefined, `${lower}, lateral`);
  }
  v.region('corrugator_supercilii-right', 'corrugator_supercilii', 'right', 'superficial', radialBand(E, corrugatorInner, corrugatorOuter, -1.62, -0.32, 24));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);

  // The root of the nose between the brows.
  v.region('procerus-midline', 'procerus', 'midline', 'superficial', smooth([
    [441, 132], [459, 132], [463, 168], [461, 204], [439, 204], [437, 168],
  ], true, 5));

  // Landmarks: the eye opening, iris and pupil, the lid crease, the brow, the side of the nose.
  const eye = (r: (a: number) => number, a0: number, a1: number, n = 48): P[] => {
    const pts: P[] = [];
    for (let i = 0; i <= n; i += 1) {
      const a = a0 + ((a1 - a0) * i) / n;
      pts.push([E[0] + r(a) * Math.cos(a), E[1] + r(a) * Math.sin(a)]);
    }
    return pts;
  };
  const open: P[][] = [
    eye(eggRadius(46 * K, 23 * K, 20 * K), -2.85, -0.3),
    smooth([[E[0] - 150, E[1] - 150], [E[0] - 40, E[1] - 178], [E[0] + 90, E[1] - 168], [E[0] + 185, E[1] - 128]], false),
    smooth([[424, 205], [414, 290], [400, 380]], false),
  ];
  const closed: P[][] = [
    eye(fissure, -Math.PI, Math.PI, 80).slice(0, -1),
    ellipsePts(E[0] + 3, E[1], 29, 29, 40),
    ellipsePts(E[0] + 3, E[1], 10, 10, 20),
  ];
  for (const s of open) {
    v.detail(s);
    v.detail(mx(s));
  }
  for (const s of closed) {
    v.detail(s, true);
    v.detail(mx(s).reverse(), true);
  }
  return v.build();
}
