/**
 * head_neck_posterior: the patient's back, so the patient's LEFT is on the viewer's LEFT.
 * The viewer's left half (side 'left') is drawn and mirrored; the midline is x = 350.
 */
import { Sketch, ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { mirrorId, mirrorSide } from '../../../shared/atlas/mirror.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 700;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

export function headNeckPosterior(): AtlasView {
  const v = new ViewBuilder('head_neck_posterior', 'Head, neck and upper back, posterior', W, 770, null);
  const half: P[] = [
    [350, 22], [282, 30], [226, 60], [198, 118], [194, 176], [184, 184], [173, 198], [171, 236], [181, 262],
    [200, 270], [230, 287], [258, 298], [262, 340], [266, 390], [252, 420], [190, 442], [120, 462], [72, 482],
    [50, 520], [44, 600], [42, 700], [46, 758],
  ];
  v.outline(smooth([...half, [350, 758], ...mx(half).reverse().slice(0, -1)], true, 6));

  const s = new Sketch();
  s.chain([[346, 286], [322, 286], [266, 300]], { nuch1: [0, 1], nuch2: [1, 2] });
  s.chain([[346, 286], [346, 360], [346, 432], [346, 476], [346, 606]], { mid1: [0, 1], mid2: [1, 2], mid3: [2, 3], mid4: [3, 4] });
  s.line('ssL', [322, 286], [322, 360]);
  s.line('psL', [322, 360], [322, 432]);
  s.line('ssB', [322, 360], [346, 360]);
  s.line('psB', [322, 432], [346, 432]);
  s.chain([[266, 300], [268, 340], [271, 388], [258, 424], [230, 438], [196, 448], [126, 468], [82, 488]],
    { edge1: [0, 2], edge2: [2, 4], edge3: [4, 7] });
  s.curve('spl', [[322, 360], [296, 372], [271, 388]]);
  s.curve('lev', [[230, 438], [280, 432], [322, 432]]);
  s.curve('tUM', [[346, 476], [220, 480], [96, 494]]);
  s.line('acr', [96, 494], [82, 488]);
  s.curve('tML', [[346, 606], [240, 552], [160, 516], [96, 494]]);

  const L = 'left';
  v.region('semispinalis_capitis-left', 'semispinalis_capitis', L, 'superficial', s.path(['mid1', '-ssB', '-ssL', '-nuch1']));
  v.region('splenius_capitis-left', 'splenius_capitis', L, 'superficial', s.path(['ssL', 'spl', '-edge1', '-nuch2']));
  v.region('cervical_paraspinals-left', 'cervical_paraspinals', L, 'superficial', s.path(['mid2', '-psB', '-psL', 'ssB']));
  v.region('levator_scapulae-left', 'levator_scapulae', L, 'superficial', s.path(['spl', 'edge2', 'lev', '-psL']));
  v.region('trapezius_upper-left', 'trapezius_upper', L, 'superficial',
    s.path(['mid3', 'tUM', 'acr', '-edge3', 'lev', 'psB']));
  v.region('trapezius_middle-left', 'trapezius_middle', L, 'superficial', s.path(['mid4', 'tML', '-tUM']));
  v.region('occipitalis-left', 'occipitalis', L, 'superficial', smooth([
    [252, 170], [324, 160], [336, 212], [316, 250], [262, 252], [232, 214],
  ], true, 6));
  v.region('obliquus_capitis_inferior-left', 'obliquus_capitis_inferior', L, 'deep',
    spindle([[340, 322], [318, 312], [296, 302]], [6, 11, 6]));
  v.region('longissimus_capitis-left', 'longissimus_capitis', L, 'deep',
    spindle([[274, 294], [284, 352], [294, 412]], [7, 11, 8]));
  v.region('splenius_cervicis-left', 'splenius_cervicis', L, 'deep',
    spindle([[336, 560], [326, 450], [304, 342]], [10, 16, 9]));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);

  const side: P[][] = [
    smooth([[184, 190], [178, 215], [182, 250]], false),
    smooth([[250, 470], [244, 560], [236, 640], [190, 612], [130, 540], [104, 500]], false),
    smooth([[246, 540], [180, 515], [110, 492]], false),
    smooth([[96, 560], [90, 660], [96, 756]], false),
    smooth([[222, 100], [300, 70], [350, 66]], false),
  ];
  for (const p of side) {
    v.detail(p);
    v.detail(mx(p));
  }
  v.detail([[350, 300], [350, 756]]);
  v.detail(ellipsePts(350, 430, 5, 4, 12), true);
  return v.build();
}
