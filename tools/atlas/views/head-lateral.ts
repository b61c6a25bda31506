/**
 * head_lateral_left: the patient's left side; the face points to the viewer's left.
 * head_lateral_right is its mirror image (built in shared/atlas/registry.ts).
 */
import { Sketch, ViewBuilder, ellipsePts, smooth } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

export function headLateralLeft(): AtlasView {
  const v = new ViewBuilder('head_lateral_left', 'Head and neck, left lateral', 700, 820, 'left');
  v.outline(smooth([
    [380, 50], [480, 66], [560, 120], [602, 210], [608, 300], [592, 385], [566, 438], [551, 490], [550, 560],
    [558, 628], [588, 664], [640, 690], [697, 704], [697, 814], [284, 814], [290, 770], [300, 720],
    [296, 640], [284, 565], [256, 520], [202, 504], [178, 480], [170, 456], [162, 434], [167, 421], [159, 405],
    [163, 380], [138, 354], [150, 318], [171, 273], [165, 240], [176, 180], [214, 110], [290, 62],
  ], true, 6));

  const s = new Sketch();
  s.chain([[522, 438], [488, 515], [455, 590], [430, 640], [410, 680], [385, 725]],
    { scmP1: [0, 1], scmP2: [1, 2], scmP3: [2, 3], scmP4: [3, 4], scmP5: [4, 5] });
  s.chain([[540, 446], [512, 540], [524, 625], [566, 676], [610, 712]], { trapA1: [0, 1], trapA2: [1, 2], trapA3: [2, 4] });
  s.chain([[385, 725], [470, 720], [545, 716], [610, 712]], { clav1: [0, 1], clav2: [1, 2], clav3: [2, 3] });
  s.curve('L1', [[488, 515], [500, 530], [512, 540]]);
  s.curve('L2', [[455, 590], [490, 612], [524, 625]]);
  s.curve('L3', [[430, 640], [490, 686], [545, 716]]);
  s.curve('L4', [[410, 680], [440, 704], [470, 720]]);
  s.line('apex', [522, 438], [540, 446]);
  s.curve('scmA', [[492, 420], [450, 500], [400, 590], [345, 672], [305, 732]]);
  s.line('scmBot', [305, 732], [385, 725]);
  s.line('scmTop', [522, 438], [492, 420]);
  s.curve('trapP', [[697, 711], [640, 697], [586, 670], [553, 630], [544, 560], [545, 492], [557, 448]]);
  s.line('trapTop', [557, 448], [540, 446]);
  s.line('trapBot', [610, 712], [697, 722]);
  s.line('trapEdge', [697, 722], [697, 711]);

  const L = 'left';
  v.region('sternocleidomastoid-left', 'sternocleidomastoid', L, 'superficial',
    s.path(['scmA', 'scmBot', '-scmP5', '-scmP4', '-scmP3', '-scmP2', '-scmP1', 'scmTop']));
  v.region('splenius_capitis-left', 'splenius_capitis', L, 'superficial', s.path(['scmP1', 'L1', '-trapA1', '-apex']));
  v.region('levator_scapulae-left', 'levator_scapulae', L, 'superficial', s.path(['scmP2', 'L2', '-trapA2', '-L1']));
  v.region('scalene_posterior-left', 'scalene_posterior', L, 'superficial',
    s.path(['scmP3', 'L3', 'clav3', '-trapA3', '-L2']));
  v.region('scalene_medius-left', 'scalene_medius', L, 'superficial', s.path(['scmP4', 'L4', 'clav2', '-L3']));
  v.region('scalene_anterior-left', 'scalene_anterior', L, 'superficial', s.path(['scmP5', 'clav1', '-L4']));
  v.region('trapezius_upper-left', 'trapezius_upper', L, 'superficial',
    s.path(['trapA1', 'trapA2', 'trapA3', 'trapBot', 'trapEdge', 'trapP', 'trapTop']));

  v.region('platysma-left', 'platysma', L, 'superficial', smooth([
    [262, 520], [330, 506], [420, 497], [440, 499], [392, 584], [334, 670], [314, 704], [308, 700], [304, 640], [294, 574],
  ], true, 5));
  v.region('temporalis-left', 'temporalis', L, 'superficial', smooth([
    [282, 328], [266, 270], [292, 200], [350, 160], [420, 164], [462, 208], [474, 262], [452, 306], [420, 334], [340, 340],
  ], true, 6));
  v.region('frontalis-left', 'frontalis', L, 'superficial', smooth([
    [188, 232], [184, 186], [208, 128], [255, 92], [302, 80], [310, 118], [272, 166], [242, 212], [214, 238],
  ], true, 5));
  v.region('masseter-left', 'masseter', L, 'superficial', smooth([
    [306, 358], [414, 362], [432, 420], [430, 466], [402, 482], [342, 480], [314, 430],
  ], true, 5));
  v.region('occipitalis-left', 'occipitalis', L, 'superficial', smooth([
    [578, 230], [598, 290], [594, 352], [578, 396], [556, 392], [546, 320], [556, 258],
  ], true, 5));

  // Landmarks: eye, brow, ear, nose, lips, zygomatic arch, mandible, clavicle.
  v.detail(smooth([[196, 268], [214, 259], [236, 266], [214, 276]], true, 6), true);
  v.detail(smooth([[186, 246], [214, 238], [246, 246]], false));
  v.detail(smooth([[468, 305], [492, 318], [498, 360], [490, 400], [470, 412], [452, 396], [446, 350], [450, 318]], true, 6), true);
  v.detail(smooth([[472, 326], [484, 350], [478, 385], [464, 392]], false));
  v.detail(ellipsePts(160, 372, 9, 4, 16, 0.3), true);
  v.detail(smooth([[162, 421], [182, 420]], false));
  v.detail(smooth([[300, 350], [370, 348], [446, 358]], false));
  v.detail(smooth([[444, 384], [436, 440], [430, 478], [380, 488], [300, 494], [214, 496]], false));
  v.detail(smooth([[300, 742], [420, 730], [545, 722], [650, 716]], false));
  v.detail(smooth([[176, 180], [250, 118], [330, 96], [430, 120]], false));
  return v.build();
}
