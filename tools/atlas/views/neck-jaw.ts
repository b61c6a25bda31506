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
  const half: P[] = [
    [300, 4], [160, 4], [118, 6], [122, 40], [134, 80], [148, 110], [156, 150], [166, 220], [170, 300],
    [164, 350], [150, 396], [108, 430], [50, 452], [16, 492], [8, 630],
  ];
  v.outline(smooth([...half, [300, 630], ...mx(half).reverse().slice(0, -1)], true, 6));

  const s = new Sketch();
  s.curve('scmA', [[178, 112], [205, 220], [240, 330], [272, 430], [286, 466]]);
  s.chain([[160, 122], [176, 230], [186, 290], [196, 340], [210, 420], [206, 468]], { scmPa: [0, 2], scmPb: [2, 5] });
  s.curve('scmS1', [[169, 117], [190, 225], [220, 340]]);
  s.curve('scmSs', [[220, 340], [248, 420], [264, 468]]);
  s.curve('scmSc', [[220, 340], [230, 410], [236, 468]]);
  s.line('scmBs', [264, 468], [286, 466]);
  s.line('scmBc', [206, 468], [236, 468]);
  s.line('scmT1', [160, 122], [169, 117]);
  s.line('scmT2', [169, 117], [178, 112]);
  s.chain([[206, 468], [176, 466], [146, 464], [118, 466], [60, 486]], { cl1: [0, 1], cl2: [1, 2], cl3: [2, 3], cl4: [3, 4] });
  s.curve('b1', [[186, 290], [190, 380], [176, 466]]);
  s.curve('b2', [[186, 290], [179, 370], [146, 464]]);
  s.curve('trA', [[186, 290], [170, 370], [140, 430], [118, 466]]);
  s.curve('trP', [[60, 486], [60, 470], [100, 450], [138, 422], [160, 378], [172, 330], [186, 290]]);

  const R = 'right';
  v.region('sternocleidomastoid-sternal-right', 'sternocleidomastoid', R, 'superficial',
    s.path(['scmT2', 'scmA', '-scmBs', '-scmSs', '-scmS1']));
  v.region('sternocleidomastoid-clavicular-right', 'sternocleidomastoid', R, 'superficial',
    s.path(['scmS1', 'scmSc', '-scmBc', '-scmPb', '-scmPa', 'scmT1']));
  v.region('scalene_anterior-right', 'scalene_anterior', R, 'superficial', s.path(['scmPb', 'cl1', '-b1']));
  v.region('scalene_medius-right', 'scalene_medius', R, 'superficial', s.path(['b1', 'cl2', '-b2']));
  v.region('scalene_posterior-right', 'scalene_posterior', R, 'superficial', s.path(['b2', 'cl3', '-trA']));
  v.region('trapezius_upper-right', 'trapezius_upper', R, 'superficial', s.path(['trA', 'cl4', 'trP']));
  v.region('platysma-right', 'platysma', R, 'superficial', smooth([
    [188, 116], [230, 139], [264, 153], [249, 182], [233, 213], [262, 226], [293, 227], [294, 340], [294, 452],
    [286, 446], [276, 420], [247, 332], [214, 222],
  ], true, 4));
  v.region('digastric-anterior-right', 'digastric', R, 'superficial', spindle([[280, 160], [262, 186], [242, 212]], [9, 13, 8]));
  v.region('longus_colli-right', 'longus_colli', R, 'deep', spindle([[288, 232], [286, 340], [282, 452]], [8, 16, 10]));
  v.region('longus_capitis-right', 'longus_capitis', R, 'deep', spindle([[268, 168], [270, 230], [273, 300]], [8, 14, 8]));

  const drawn = [...v.regions];
  v.mirrorRegions(drawn, mirrorId, mirrorSide);
  v.region('submentalis_complex-midline', 'submentalis_complex', 'midline', 'superficial', smooth([
    [290, 166], [310, 166], [314, 200], [300, 210], [286, 200],
  ], true, 5));

  const side: P[][] = [
    smooth([[134, 80], [200, 125], [260, 148], [300, 152]], false),
    smooth([[276, 474], [206, 472], [146, 466], [100, 472], [50, 488]], false),
    smooth([[250, 218], [280, 216], [300, 216]], false),
    smooth([[282, 252], [292, 290], [300, 298]], false),
    smooth([[270, 40], [300, 44]], false),
    smooth([[230, 30], [262, 24], [300, 26]], false),
  ];
  for (const p of side) {
    v.detail(p);
    v.detail(mx(p));
  }
  v.detail(smooth([[282, 478], [300, 486], [318, 478]], false));
  return v.build();
}

export function jawLateralLeft(): AtlasView {
  const v = new ViewBuilder('jaw_lateral_left', 'Jaw, left lateral (deep)', 600, 560, 'left');
  v.outline(smooth([
    [130, 20], [560, 20], [576, 150], [560, 280], [522, 330], [505, 400], [500, 556], [300, 556], [305, 500],
    [290, 470], [230, 458], [166, 444], [150, 412], [154, 386], [141, 371], [147, 356], [139, 340], [146, 320],
    [119, 300], [131, 260], [150, 200], [141, 152], [135, 60],
  ], true, 6));
  const L = 'left';
  v.region('temporalis-left', 'temporalis', L, 'superficial', smooth([
    [206, 214], [192, 150], [236, 84], [330, 60], [412, 82], [452, 140], [440, 196], [392, 218], [310, 224],
  ], true, 6));
  v.region('masseter-superficial-left', 'masseter', L, 'superficial', smooth([
    [238, 240], [376, 242], [396, 300], [401, 360], [392, 408], [330, 420], [278, 400], [248, 320],
  ], true, 6));
  v.region('masseter-deep-left', 'masseter', L, 'superficial', smooth([
    [386, 242], [428, 246], [424, 292], [414, 342], [408, 300],
  ], true, 6));
  v.region('digastric-posterior-left', 'digastric', L, 'superficial', spindle([[470, 300], [422, 398], [362, 458]], [12, 16, 10]));
  v.region('digastric-anterior-left', 'digastric', L, 'superficial', spindle([[330, 452], [262, 446], [196, 436]], [10, 14, 9]));
  v.region('lateral_pterygoid-left', 'lateral_pterygoid', L, 'deep', spindle([[420, 262], [360, 268], [300, 262]], [12, 24, 18]));
  v.region('medial_pterygoid-left', 'medial_pterygoid', L, 'deep', spindle([[300, 292], [340, 350], [385, 405]], [16, 26, 16]));

  v.detail(smooth([[160, 172], [178, 164], [196, 172], [178, 180]], true, 6), true);
  v.detail(ellipsePts(470, 240, 22, 40, 32), true);
  v.detail(smooth([[200, 226], [300, 232], [440, 236]], false));
  v.detail(smooth([[200, 244], [300, 238], [440, 246]], false));
  v.detail(smooth([[432, 250], [428, 330], [420, 420], [380, 432], [260, 434], [172, 430]], false));
  v.detail(smooth([[432, 250], [400, 268], [360, 262], [340, 240]], false));
  v.detail(ellipsePts(140, 296, 8, 4, 16, 0.3), true);
  v.detail(smooth([[141, 371], [168, 370]], false));
  return v.build();
}
