/**
 * head_neck_posterior: the patient's back, so the patient's LEFT is on the viewer's LEFT.
 * The viewer's left half (side 'left') is drawn and mirrored; the midline is x = 350.
 * Proportions: skull about 35 % of the height, a neck about 60 % as wide as the skull from the inion to C7,
 * shoulders and the upper back to about T8 with the scapula drawn as landmarks.
 */
import { Sketch, ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 700;
const H = 800;
const MID = 350;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

// Landmarks (viewer's left half). Neck width about 60 % of the skull's; the neck runs from the superior
// nuchal line to C7 with the muscles side by side: semispinalis capitis and the cervical paraspinals next to the
// midline, splenius capitis lateral to them, levator scapulae along the side of the neck down to the scapula.
const INION: P = [MID, 268];
const MASTOID: P = [242, 290];
const NECK_TP: P = [262, 316]; // where the levator leaves the side of the neck (C1-C4 transverse processes)
const NECK_BASE: P = [262, 398]; // the neck meets the slope of the shoulder
const ACROMION: P = [96, 474];
const C7: P = [MID, 445];
const T1: P = [MID, 468];
const T4: P = [MID, 578];
const SUP_ANGLE: P = [262, 486];
const SPINE_ROOT: P = [266, 550];

export function headNeckPosterior(): AtlasView {
  const v = new ViewBuilder('head_neck_posterior', 'Head, neck and upper back, posterior', W, H, null);
  const s = new Sketch();

  // Half outline, top of the skull down the viewer's left side; the right half is its mirror image.
  const half: P[] = [
    [MID, 16], [292, 22], [248, 46], [218, 90], [205, 146], [207, 184],
    [195, 182], [185, 200], [185, 232], [193, 256], [210, 270], [228, 281],
    MASTOID, NECK_TP, [265, 358], NECK_BASE, [240, 421], [190, 437], [136, 452], ACROMION,
    [70, 502], [58, 544], [54, 610], [52, 700], [54, H - 6],
  ];
  const iM = half.indexOf(MASTOID);
  const iTP = half.indexOf(NECK_TP);
  const iNB = half.indexOf(NECK_BASE);
  const iAc = half.indexOf(ACROMION);
  const full: P[] = [...half, [MID, H - 4], ...mx(half).reverse().slice(0, -1)];
  s.chain(full, { headL: [0, iM], neckHi: [iM, iTP], neckLo: [iTP, iNB], slope: [iNB, iAc], rest: [iAc, 0] }, true, 8);
  v.outline([...s.get('headL'), ...s.get('neckHi').slice(1), ...s.get('neckLo').slice(1), ...s.get('slope').slice(1), ...s.get('rest').slice(1, -1)]);

  // Superior nuchal line (occipitalis above it, the neck muscles below) and the paramedian column.
  const B: P = [314, 263];
  const K: P = [315, 354];
  const R: P = [318, 432];
  s.chain([INION, B, [280, 268], MASTOID], { nuchM: [0, 1], nuchL: [1, 3] });
  s.chain([INION, [MID, K[1]], C7, T1, T4, [MID, 786]], { m1: [0, 1], m2: [1, 2], m3: [2, 3], m4: [3, 4], m5: [4, 5] });
  s.chain([B, [313, 310], K, R], { ssL: [0, 2], psL: [2, 3] });
  s.line('ssB', K, [MID, K[1]]);
  const Q: P = [296, 420];
  s.chain([Q, R, C7], { tuS: [0, 1], tuP: [1, 2] });
  s.curve('splL', [NECK_TP, [282, 344], [292, 380], Q]);
  s.curve('levL', [NECK_BASE, [257, 438], [256, 466], SUP_ANGLE]);
  s.curve('levM', [SUP_ANGLE, [284, 468], [294, 446], Q]);
  s.curve('tUM', [T1, [272, 504], [180, 498], ACROMION]);
  const ES: P = [316, 567];
  s.chain([T4, ES, SPINE_ROOT], { lb1: [0, 1], lb2: [1, 2] });
  s.curve('spine', [SPINE_ROOT, [200, 524], [140, 498], ACROMION]);
  s.curve('esL', [ES, [312, 680], [320, 786]]);
  s.line('esB', [320, 786], [MID, 786]);

  const L = 'left';
  const S = 'superficial';
  // Labels at mid-height of the paramedian columns, where the text has the most room upright.
  v.region('semispinalis_capitis-left', 'semispinalis_capitis', L, S, s.path(['m1', '-ssB', '-ssL', '-nuchM']),
    [(MID + K[0]) / 2, (INION[1] + K[1]) / 2 + 2]);
  v.region('splenius_capitis-left', 'splenius_capitis', L, S, s.path(['ssL', 'psL', '-tuS', '-splL', '-neckHi', '-nuchL']));
  v.region('cervical_paraspinals-left', 'cervical_paraspinals', L, S, s.path(['m2', '-tuP', '-psL', 'ssB']),
    [(MID + K[0]) / 2, (K[1] + C7[1]) / 2 - 4]);
  v.region('levator_scapulae-left', 'levator_scapulae', L, S, s.path(['neckLo', 'levL', 'levM', '-splL']));
  v.region('trapezius_upper-left', 'trapezius_upper', L, S, s.path(['m3', 'tUM', '-slope', 'levL', 'levM', 'tuS', 'tuP']));
  v.region('trapezius_middle-left', 'trapezius_middle', L, S, s.path(['m4', 'lb1', 'lb2', 'spine', '-tUM']), [226, 518]);
  v.region('erector_spinae-left', 'erector_spinae', L, S, s.path(['m5', '-esB', '-esL', '-lb1']));
  // Occipitalis: a broad flat belly low on the back of the skull, just above the superior nuchal line and
  // lateral to the external occipital protuberance.
  v.region('occipitalis-left', 'occipitalis', L, S, smooth([
    [334, 252], [330, 232], [310, 218], [278, 218], [252, 230], [238, 250], [248, 262], [280, 258], [314, 252],
  ], true, 6));
  v.region('obliquus_capitis_inferior-left', 'obliquus_capitis_inferior', L, 'deep',
    spindle([[344, 336], [316, 326], [288, 316]], [12, 22, 12]));
  v.region('longissimus_capitis-left', 'longissimus_capitis', L, 'deep',
    spindle([[266, 308], [278, 352], [288, 416]], [8, 18, 12]));
  v.region('splenius_cervicis-left', 'splenius_cervicis', L, 'deep',
    spindle([[338, 610], [326, 510], [310, 420], [296, 350]], [14, 30, 26, 12]));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);

  // Landmarks: ear folds, superior nuchal line, scapula (superior angle, medial and lateral borders, spine),
  // spinous processes.
  const side: P[][] = [
    smooth([[198, 196], [193, 220], [197, 246], [208, 260]], false),
    smooth([INION, [300, 264], [270, 272], [250, 284]], false),
    smooth([SUP_ANGLE, [254, 580], [242, 680], [230, 746], [214, 752], [176, 686], [136, 606], [112, 540], [104, 510]], false),
    smooth([SUP_ANGLE, [228, 492], [180, 496], [140, 486]], false),
    smooth([[70, 560], [82, 660], [92, 780]], false),
  ];
  for (const p of side) {
    v.detail(p);
    v.detail(mx(p));
  }
  v.detail(s.get('spine'));
  v.detail(mx(s.get('spine')));
  v.detail([[MID, 290], [MID, 786]]);
  v.detail(ellipsePts(MID, INION[1] - 2, 8, 5, 12), true);
  for (const [y, r] of [[C7[1], 7], [T1[1] + 6, 5], [512, 4], [548, 4]] as const) v.detail(ellipsePts(MID, y, r, r * 0.8, 12), true);
  return v.build();
}
