/**
 * face_front: the patient faces the viewer, so the patient's RIGHT is on the viewer's LEFT.
 * The viewer's left half (side 'right') is drawn here and mirrored into the other half.
 */
import { ViewBuilder, eggRadius, ellipsePts, radialBand, smooth, spindle, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';

const W = 600;
const H = 790;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

export function faceFront(): ReturnType<ViewBuilder['build']> {
  const v = new ViewBuilder('face_front', 'Face, front', W, H, null);

  // Silhouette: skull, ear, cheek, jaw angle, then the neck down to the bottom edge.
  const half: P[] = [
    [300, 28], [210, 40], [140, 78], [100, 140], [87, 210], [88, 280],
    [80, 290], [64, 284], [53, 300], [52, 340], [58, 385], [68, 420], [84, 442],
    [96, 462], [102, 520], [116, 575], [145, 616], [182, 648], [194, 680], [193, 730], [186, 778],
  ];
  const outline: P[] = [...half, [300, 778], ...mx(half).reverse().slice(0, -1)];
  v.outline(smooth(outline, true, 6));

  // Periocular bands around the patient's right eye (viewer's left), as radial curves around its centre.
  const E: P = [200, 305];
  const fissure = eggRadius(44, 16, 11);
  const pretarsal = eggRadius(52, 28, 22);
  const preseptal = eggRadius(63, 42, 36);
  const orbitalRaw = eggRadius(80, 64, 60);
  // The orbital part dips under the corrugator, which sits above the medial half of the brow.
  const dip = (a: number): number => 1 - 0.16 * Math.exp(-(((a + 0.95) / 0.5) ** 2));
  const orbital = (a: number): number => orbitalRaw(a) * dip(a);
  const corrugatorOuter = (a: number): number => orbitalRaw(a) * 1.08;
  const corrugatorInner = (a: number): number => orbital(a) + 2;
  const parts: [string, (a: number) => number, (a: number) => number][] = [
    ['orbicularis_oculi_pretarsal', fissure, pretarsal],
    ['orbicularis_oculi_preseptal', pretarsal, preseptal],
    ['orbicularis_oculi_orbital', preseptal, orbital],
  ];
  for (const [muscle, inner, outer] of parts) {
    v.region(`${muscle}-upper-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, -Math.PI, 0, 40));
    v.region(`${muscle}-lower-right`, muscle, 'right', 'superficial', radialBand(E, inner, outer, 0, Math.PI, 40));
  }
  v.region('corrugator_supercilii-right', 'corrugator_supercilii', 'right', 'superficial',
    radialBand(E, corrugatorInner, corrugatorOuter, -1.62, -0.32, 24));

  v.region('frontalis-right', 'frontalis', 'right', 'superficial', smooth([
    [293, 74], [293, 150], [293, 230], [277, 246], [262, 250], [240, 234], [205, 226], [172, 232], [150, 236],
    [142, 200], [148, 140], [170, 100], [228, 80],
  ], true, 5));
  v.region('temporalis-right', 'temporalis', 'right', 'superficial', smooth([
    [110, 150], [136, 140], [134, 200], [138, 236], [126, 254], [104, 266], [96, 215],
  ], true, 5));

  // Nose, cheek and lip elevators.
  v.region('nasalis-right', 'nasalis', 'right', 'superficial', smooth([
    [292, 342], [294, 385], [291, 424], [281, 432], [272, 421], [274, 382], [283, 348],
  ], true, 5));
  v.region('levator_labii_superioris_alaeque_nasi-right', 'levator_labii_superioris_alaeque_nasi', 'right',
    'superficial', spindle([[258, 372], [259, 410], [262, 452]], [5, 11, 7]));
  v.region('levator_labii_superioris-right', 'levator_labii_superioris', 'right', 'superficial',
    spindle([[224, 374], [233, 422], [246, 478]], [7, 14, 8]));
  v.region('zygomaticus_minor-right', 'zygomaticus_minor', 'right', 'superficial',
    spindle([[174, 380], [201, 432], [230, 484]], [7, 12, 6]));
  v.region('zygomaticus_major-right', 'zygomaticus_major', 'right', 'superficial',
    spindle([[140, 394], [184, 460], [230, 521]], [10, 16, 8]));
  v.region('risorius-right', 'risorius', 'right', 'superficial',
    spindle([[172, 556], [203, 547], [233, 540]], [10, 11, 6]));
  v.region('masseter-right', 'masseter', 'right', 'superficial', smooth([
    [118, 430], [146, 428], [156, 478], [158, 532], [146, 566], [128, 570], [114, 540], [108, 480],
  ], true, 5));

  // Lip depressors and chin.
  v.region('depressor_anguli_oris-right', 'depressor_anguli_oris', 'right', 'superficial',
    spindle([[236, 562], [226, 602], [214, 642]], [8, 22, 32]));
  v.region('depressor_labii_inferioris-right', 'depressor_labii_inferioris', 'right', 'superficial',
    spindle([[268, 580], [262, 615], [256, 652]], [8, 18, 16]));
  v.region('mentalis-right', 'mentalis', 'right', 'superficial',
    spindle([[288, 592], [286, 626], [284, 662]], [8, 18, 16]));
  v.region('platysma-right', 'platysma', 'right', 'superficial', smooth([
    [199, 676], [230, 690], [262, 703], [289, 713], [287, 745], [283, 776], [240, 776], [192, 776], [196, 730],
  ], true, 5));

  // Bilateral regions: mirror the drawn side into the patient's left half.
  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);

  // Midline muscles, drawn once.
  v.region('procerus-midline', 'procerus', 'midline', 'superficial', smooth([
    [291, 244], [309, 244], [313, 282], [311, 318], [289, 318], [287, 282],
  ], true, 5));
  v.region('orbicularis_oris-midline', 'orbicularis_oris', 'midline', 'superficial', ellipsePts(300, 532, 62, 40, 64));

  // Landmarks, drawn for one side and mirrored.
  const side: P[][] = [];
  const closedSide: P[][] = [];
  const eye = (r: (a: number) => number, a0: number, a1: number, n = 40): P[] => {
    const pts: P[] = [];
    for (let i = 0; i <= n; i += 1) {
      const a = a0 + ((a1 - a0) * i) / n;
      pts.push([E[0] + r(a) * Math.cos(a), E[1] + r(a) * Math.sin(a)]);
    }
    return pts;
  };
  closedSide.push(eye(fissure, -Math.PI, Math.PI, 64).slice(0, -1));
  closedSide.push(ellipsePts(201, 305, 11, 11, 32));
  closedSide.push(ellipsePts(201, 305, 4, 4, 16));
  side.push(eye(eggRadius(46, 23, 20), -2.85, -0.3));
  side.push(smooth([[282, 266], [252, 250], [212, 242], [172, 246], [144, 258]], false));
  side.push(smooth([[285, 262], [252, 256], [212, 249], [172, 253], [146, 264]], false));
  side.push(smooth([[290, 325], [285, 385], [277, 428]], false));
  side.push(smooth([[272, 428], [259, 446], [266, 462], [284, 464]], false));
  closedSide.push(ellipsePts(287, 458, 9, 4, 20, -0.2));
  side.push(smooth([[284, 464], [292, 452], [300, 452]], false));
  side.push(smooth([[240, 532], [262, 519], [287, 512], [300, 517]], false));
  side.push(smooth([[240, 532], [266, 550], [300, 557]], false));
  side.push(smooth([[242, 532], [272, 535], [300, 533]], false));
  side.push(smooth([[118, 575], [158, 624], [205, 664], [252, 692], [300, 702]], false));
  side.push(smooth([[78, 298], [62, 305], [60, 345], [68, 395], [80, 425]], false));
  side.push(smooth([[176, 104], [230, 88], [300, 84]], false));
  side.push(smooth([[206, 704], [214, 740], [216, 778]], false));
  for (const s of side) {
    v.detail(s);
    v.detail(mx(s));
  }
  for (const s of closedSide) {
    v.detail(s, true);
    v.detail(mx(s).reverse(), true);
  }
  return v.build();
}
