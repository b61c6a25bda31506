/**
 * neck_anterior (both sides; patient's RIGHT on the viewer's LEFT, midline x = 300) and
 * jaw_lateral_left (deep lateral view of the left jaw; the face points to the viewer's left).
 */
import { Sketch, ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

export function neckAnterior(): AtlasView {
  const W = 600;
  const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);
  const v = new ViewBuilder('neck_anterior', 'Neck, anterior', W, 640, null);
  // Lower face down to the jaw angle, a neck about 70 % as wide as the face, the slope of the shoulders.
  const half: P[] = [
    [300, 4], [150, 4], [112, 8], [110, 50], [116, 92], [128, 126], [146, 160], [160, 200], [168, 250], [170, 310],
    [168, 350], [162, 390], [140, 418], [96, 440], [48, 462], [16, 496], [8, 630],
  ];
  v.outline(smooth([...half, [300, 630], ...mx(half).reverse().slice(0, -1)], true, 6));

  const s = new Sketch();
  // SCM: posterior border (on the side of the neck above, crossing medially below), anterior border from behind
  // the jaw angle to the manubrium; sternal head medial, clavicular head lateral.
  const P0: P = [134, 130];
  const P3: P = [176, 290];
  const P4: P = [192, 346];
  const P6: P = [224, 474];
  s.chain([P0, [152, 170], [166, 220], P3, P4, [212, 410], P6], { scmPa: [0, 3], scmPb: [3, 4], scmPc: [4, 6] });
  const A0: P = [160, 122];
  const A2: P = [206, 236];
  const A6: P = [290, 472];
  s.chain([A0, [190, 190], A2, [226, 290], [252, 380], [274, 440], A6], { scmA1: [0, 2], scmA2: [2, 6] });
  const SP: P = [214, 320];
  const TOP: P = [146, 126];
  s.curve('scmS1', [TOP, [172, 220], SP]);
  s.curve('scmSs', [SP, [244, 400], [264, 472]]);
  s.curve('scmSc', [SP, [234, 400], [248, 474]]);
  s.line('scmBs', [264, 472], A6);
  s.line('scmBc', P6, [248, 474]);
  s.line('scmT1', P0, TOP);
  s.line('scmT2', TOP, A0);
  // Posterior triangle above the clavicle: scalenus anterior, medius, posterior; trapezius along the shoulder slope.
  const C1: P = [194, 474];
  const C2: P = [158, 475];
  const C3: P = [92, 478];
  const C4: P = [40, 492];
  s.chain([P6, C1, C2, C3, C4], { cl1: [0, 1], cl2: [1, 2], cl3: [2, 3], cl4: [3, 4] });
  s.curve('b1', [P4, [196, 410], C1]);
  s.curve('b2', [P3, [180, 346], [172, 410], C2]);
  const NB: P = [158, 402];
  s.curve('sideC', [P3, [173, 330], [168, 370], NB]);
  s.curve('trA', [NB, [134, 444], C3]);
  s.curve('trP', [C4, [52, 472], [98, 449], [140, 424], NB]);
  // Platysma: the sheet over the front of the neck between the SCM and the midline, below the hyoid.
  s.curve('platTop', [A2, [250, 241], [290, 248]]);
  s.line('platM', [290, 248], A6);

  const R = 'right';
  const S = 'superficial';
  v.region('sternocleidomastoid-sternal-right', 'sternocleidomastoid', R, S,
    s.path(['scmT2', 'scmA1', 'scmA2', '-scmBs', '-scmSs', '-scmS1']));
  v.region('sternocleidomastoid-clavicular-right', 'sternocleidomastoid', R, S,
    s.path(['scmS1', 'scmSc', '-scmBc', '-scmPc', '-scmPb', '-scmPa', 'scmT1']));
  v.region('scalene_anterior-right', 'scalene_anterior', R, S, s.path(['scmPc', 'cl1', '-b1']));
  v.region('scalene_medius-right', 'scalene_medius', R, S, s.path(['scmPb', 'b1', 'cl2', '-b2']));
  v.region('scalene_posterior-right', 'scalene_posterior', R, S, s.path(['b2', 'cl3', '-trA', '-sideC']));
  v.region('trapezius_upper-right', 'trapezius_upper', R, S, s.path(['trA', 'cl4', 'trP']));
  v.region('platysma-right', 'platysma', R, S, s.path(['platTop', 'platM', '-scmA2']), [254, 330]);
  v.region('digastric-anterior-right', 'digastric', R, S, spindle([[280, 204], [258, 213], [232, 224]], [8, 14, 8]));
  v.region('longus_colli-right', 'longus_colli', R, 'deep', spindle([[286, 254], [284, 350], [280, 460]], [8, 16, 10]));
  v.region('longus_capitis-right', 'longus_capitis', R, 'deep', spindle([[266, 196], [268, 238], [272, 292]], [8, 14, 8]));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);
  v.region('submentalis_complex-midline', 'submentalis_complex', 'midline', S, smooth([
    [290, 194], [310, 194], [314, 212], [300, 222], [286, 212],
  ], true, 5));

  // Landmarks: lips and chin crease, jaw line, hyoid, thyroid cartilage (laryngeal prominence), cricoid,
  // clavicles and the sternal notch.
  const side: P[][] = [
    smooth([[252, 56], [276, 50], [300, 53]], false),
    smooth([[266, 70], [284, 74], [300, 75]], false),
    smooth([[276, 112], [300, 109]], false),
    smooth([[126, 118], [170, 148], [220, 172], [262, 186], [300, 190]], false),
    smooth([[262, 240], [284, 243], [300, 244]], false),
    smooth([[272, 276], [286, 298], [300, 316]], false),
    smooth([[272, 276], [300, 272]], false),
    smooth([[282, 338], [300, 341]], false),
    smooth([[286, 480], [240, 478], [180, 478], [120, 480], [60, 490], [30, 502]], false),
  ];
  for (const p of side) {
    v.detail(p);
    v.detail(mx(p));
  }
  v.detail(smooth([[284, 478], [300, 488], [316, 478]], false));
  return v.build();
}

export function jawLateralLeft(): AtlasView {
  const v = new ViewBuilder('jaw_lateral_left', 'Jaw, left lateral (deep)', 600, 560, 'left');
  v.outline(smooth([
    [130, 20], [560, 20], [576, 150], [560, 280], [522, 330], [505, 400], [500, 556], [300, 556], [305, 500],
    [290, 476], [236, 468], [172, 454], [152, 420], [154, 390], [141, 371], [147, 356], [139, 340], [146, 320],
    [119, 300], [131, 260], [150, 200], [141, 152], [135, 60],
  ], true, 6));
  const L = 'left';
  const S = 'superficial';
  const s = new Sketch();
  // Masseter: superficial part from the anterior two thirds of the zygomatic arch down and back to the angle,
  // deep part behind it from the posterior arch down the upper ramus; they share one edge.
  const M0: P = [384, 252];
  const M1: P = [412, 382];
  s.curve('mdB', [M0, [398, 318], M1]);
  s.curve('msTop', [[258, 252], [320, 250], M0]);
  s.curve('msRest', [M1, [424, 418], [396, 430], [330, 428], [292, 392], [270, 320], [258, 252]]);
  s.curve('mdRest', [M0, [410, 252], [436, 258], [430, 320], M1]);
  v.region('temporalis-left', 'temporalis', L, S, smooth([
    [290, 226], [238, 190], [224, 124], [282, 70], [370, 54], [442, 74], [474, 124], [466, 184], [438, 216], [380, 228],
  ], true, 6));
  v.region('masseter-superficial-left', 'masseter', L, S, s.path(['msTop', 'mdB', 'msRest']));
  v.region('masseter-deep-left', 'masseter', L, S, s.path(['mdRest', '-mdB']));
  v.region('digastric-posterior-left', 'digastric', L, S, spindle([[494, 300], [470, 370], [432, 432], [370, 462]], [12, 20, 18, 10]));
  v.region('digastric-anterior-left', 'digastric', L, S, spindle([[338, 458], [268, 450], [202, 442]], [10, 15, 9]));
  // Deep: lateral pterygoid from the condyle neck forward under the arch; medial pterygoid down and back to the
  // inner surface of the angle, both inside the ramus.
  v.region('lateral_pterygoid-left', 'lateral_pterygoid', L, 'deep', spindle([[430, 268], [382, 274], [324, 270]], [18, 34, 24]));
  v.region('medial_pterygoid-left', 'medial_pterygoid', L, 'deep', spindle([[330, 302], [370, 352], [408, 402]], [26, 42, 22]));

  // Landmarks: eye, ear, zygomatic arch, mandible (condyle, notch, coronoid, ramus, angle, body), occlusal line,
  // nostril, lips, hyoid, mastoid.
  v.detail(smooth([[160, 172], [178, 164], [196, 172], [178, 180]], true, 6), true);
  v.detail(ellipsePts(474, 236, 22, 40, 32), true);
  v.detail(smooth([[476, 210], [488, 230], [484, 256], [472, 264]], false));
  v.detail(smooth([[236, 230], [320, 234], [448, 236]], false));
  v.detail(smooth([[236, 246], [320, 244], [448, 248]], false));
  v.detail(smooth([[436, 246], [446, 258], [440, 300], [432, 360], [426, 412], [408, 434], [340, 440], [250, 440], [186, 436], [162, 420]], false));
  v.detail(smooth([[436, 256], [408, 276], [378, 270], [356, 246], [340, 296], [326, 360], [316, 400]], false));
  v.detail(smooth([[172, 369], [250, 364], [320, 360]], false));
  // Temporalis fibres converging on the coronoid process.
  for (const top of [[262, 150], [318, 90], [392, 74], [448, 120]] as const) {
    const base: P = [350 + (top[0] - 360) * 0.3, 222];
    v.detail(smooth([[base[0] + (top[0] - base[0]) * 0.2, base[1] + (top[1] - base[1]) * 0.2], [top[0], top[1]]], false));
  }
  v.detail(ellipsePts(140, 296, 8, 4, 16, 0.3), true);
  v.detail(smooth([[141, 371], [168, 370]], false));
  v.detail(smooth([[344, 470], [358, 466], [372, 470]], false));
  v.detail(smooth([[488, 286], [494, 300], [486, 312]], false));
  return v.build();
}
