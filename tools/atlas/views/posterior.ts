/**
 * head_neck_posterior: the patient's back, so the patient's LEFT is on the viewer's LEFT.
 * The viewer's left half (side 'left') is drawn and mirrored; the midline is x = 350.
 * Proportions: skull about 35 % of the height, a neck from the inion to C7, shoulders and the upper back
 * to about T8 with the scapula drawn as landmarks.
 */
import { Sketch, ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 700;
const H = 800;
const MID = 350;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

// Landmarks (viewer's left half).
const INION: P = [MID, 250];
const MASTOID: P = [246, 290];
const NECK_TP: P = [263, 308]; // where the levator leaves the side of the neck (C1-C4 transverse processes)
const NECK_BASE: P = [266, 350]; // the neck meets the slope of the shoulder
const ACROMION: P = [96, 434];
const C7: P = [MID, 402];
const T1: P = [MID, 426];
const T4: P = [MID, 538];
const SUP_ANGLE: P = [258, 444];
const SPINE_ROOT: P = [262, 508];

export function headNeckPosterior(): AtlasView {
  const v = new ViewBuilder('head_neck_posterior', 'Head, neck and upper back, posterior', W, H, null);
  const s = new Sketch();

  // Half outline, top of the skull down the viewer's left side; the right half is its mirror image.
  const half: P[] = [
    [MID, 18], [292, 25], [246, 50], [218, 94], [207, 146], [209, 184],
    [197, 182], [187, 200], [187, 232], [195, 256], [212, 268], [228, 276],
    MASTOID, NECK_TP, [268, 330], NECK_BASE, [238, 372], [186, 392], [134, 410], ACROMION,
    [70, 460], [58, 502], [54, 570], [52, 680], [54, H - 6],
  ];
  const iM = half.indexOf(MASTOID);
  const iTP = half.indexOf(NECK_TP);
  const iNB = half.indexOf(NECK_BASE);
  const iAc = half.indexOf(ACROMION);
  const full: P[] = [...half, [MID, H - 4], ...mx(half).reverse().slice(0, -1)];
  s.chain(full, { headL: [0, iM], neckHi: [iM, iTP], neckLo: [iTP, iNB], slope: [iNB, iAc], rest: [iAc, 0] }, true, 8);
  v.outline([...s.get('headL'), ...s.get('neckHi').slice(1), ...s.get('neckLo').slice(1), ...s.get('slope').slice(1), ...s.get('rest').slice(1, -1)]);

  // Superior nuchal line (occipitalis above it, the neck muscles below) and the paramedian column.
  const B: P = [318, 256];
  const K: P = [322, 332];
  const R: P = [324, 402];
  s.chain([INION, B, [282, 266], MASTOID], { nuchM: [0, 1], nuchL: [1, 3] });
  s.chain([INION, [MID, K[1]], C7, T1, T4, [MID, 786]], { m1: [0, 1], m2: [1, 2], m3: [2, 3], m4: [3, 4], m5: [4, 5] });
  s.chain([B, [321, 296], K, R], { ssL: [0, 2], psL: [2, 3] });
  s.line('ssB', K, [MID, K[1]]);
  const Q: P = [298, 386];
  s.chain([Q, R, C7], { tuS: [0, 1], tuP: [1, 2] });
  s.curve('splL', [NECK_TP, [284, 342], Q]);
  s.curve('levL', [NECK_BASE, [259, 396], [253, 428], SUP_ANGLE]);
  s.curve('levM', [SUP_ANGLE, [270, 428], [286, 406], Q]);
  s.curve('tUM', [T1, [270, 458], [180, 452], ACROMION]);
  const ES: P = [316, 527];
  s.chain([T4, ES, SPINE_ROOT], { lb1: [0, 1], lb2: [1, 2] });
  s.curve('spine', [SPINE_ROOT, [200, 482], [140, 456], ACROMION]);
  s.curve('esL', [ES, [312, 640], [320, 786]]);
  s.line('esB', [320, 786], [MID, 786]);

  const L = 'left';
  const S = 'superficial';
  v.region('semispinalis_capitis-left', 'semispinalis_capitis', L, S, s.path(['m1', '-ssB', '-ssL', '-nuchM']));
  v.region('splenius_capitis-left', 'splenius_capitis', L, S, s.path(['ssL', 'psL', '-tuS', '-splL', '-neckHi', '-nuchL']));
  v.region('cervical_paraspinals-left', 'cervical_paraspinals', L, S, s.path(['m2', '-tuP', '-psL', 'ssB']));
  v.region('levator_scapulae-left', 'levator_scapulae', L, S, s.path(['neckLo', 'levL', 'levM', '-splL']));
  v.region('trapezius_upper-left', 'trapezius_upper', L, S, s.path(['m3', 'tUM', '-slope', 'levL', 'levM', 'tuS', 'tuP']));
  v.region('trapezius_middle-left', 'trapezius_middle', L, S, s.path(['m4', 'lb1', 'lb2', 'spine', '-tUM']));
  v.region('erector_spinae-left', 'erector_spinae', L, S, s.path(['m5', '-esB', '-esL', '-lb1']));
  v.region('occipitalis-left', 'occipitalis', L, S, smooth([
    [258, 196], [280, 172], [318, 166], [338, 184], [334, 218], [310, 234], [274, 234], [256, 218],
  ], true, 6));
  v.region('obliquus_capitis_inferior-left', 'obliquus_capitis_inferior', L, 'deep',
    spindle([[344, 300], [314, 292], [284, 284]], [10, 20, 10]));
  v.region('longissimus_capitis-left', 'longissimus_capitis', L, 'deep',
    spindle([[272, 318], [280, 356], [294, 404]], [8, 14, 10]));
  v.region('splenius_cervicis-left', 'splenius_cervicis', L, 'deep',
    spindle([[340, 566], [328, 460], [310, 368], [300, 322]], [14, 26, 20, 10]));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);

  // Landmarks: ear folds, scapula (superior angle, medial and lateral borders, spine), spinous processes.
  const side: P[][] = [
    smooth([[200, 196], [194, 220], [198, 246], [208, 258]], false),
    smooth([SUP_ANGLE, [252, 540], [240, 640], [228, 706], [214, 712], [176, 646], [136, 566], [112, 500], [104, 470]], false),
    smooth([SUP_ANGLE, [226, 452], [180, 456], [140, 446]], false),
    smooth([[262, 520], [198, 494], [140, 468], [108, 450]], false),
    smooth([[70, 520], [82, 620], [92, 760]], false),
  ];
  for (const p of side) {
    v.detail(p);
    v.detail(mx(p));
  }
  v.detail(s.get('spine'));
  v.detail(mx(s.get('spine')));
  v.detail([[MID, 300], [MID, 786]]);
  for (const [y, r] of [[C7[1], 7], [T1[1] + 4, 5], [470, 4], [506, 4]] as const) v.detail(ellipsePts(MID, y, r, r * 0.8, 12), true);
  return v.build();
}
