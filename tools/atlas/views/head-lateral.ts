/**
 * head_lateral_left: the patient's left side; the face points to the viewer's left.
 * head_lateral_right is its mirror image (built in shared/atlas/registry.ts).
 * Landmarks: ear behind the middle of the skull, zygomatic arch at the level of the tragus, mandible with its
 * ramus in front of the ear, clavicle at the bottom. Temporalis fans above the arch, masseter runs from the arch
 * to the angle, SCM from the mastoid down to the sternum, the posterior triangle between SCM and trapezius holds
 * splenius capitis, levator scapulae and the scalenes, platysma covers the lower face and the front of the neck.
 */
import { Sketch, ViewBuilder, ellipsePts, smooth, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

export function headLateralLeft(): AtlasView {
  const v = new ViewBuilder('head_lateral_left', 'Head and neck, left lateral', 700, 820, 'left');
  v.outline(smooth([
    [400, 40], [500, 54], [572, 98], [614, 168], [628, 250], [622, 330], [610, 384], [600, 424], [594, 470],
    [594, 530], [600, 590], [616, 638], [644, 674], [672, 694], [697, 704], [697, 816], [284, 816], [292, 770],
    [302, 728], [300, 680], [292, 620], [282, 566], [262, 528], [232, 508], [206, 504], [186, 490], [178, 466],
    [180, 452], [170, 442], [174, 430], [166, 420], [170, 406], [160, 398], [138, 378], [146, 356], [162, 320],
    [170, 290], [166, 262], [176, 200], [214, 124], [290, 68],
  ], true, 6));

  const s = new Sketch();
  // Posterior border of SCM (S0..S5) and anterior border of trapezius (T0..T4); the posterior triangle between them.
  const S0: P = [524, 430];
  const S1: P = [502, 498];
  const S2: P = [476, 564];
  const S3: P = [448, 626];
  const S4: P = [420, 682];
  const S5: P = [394, 736];
  const T0: P = [550, 436];
  const T1: P = [544, 518];
  const T2: P = [550, 598];
  const T4: P = [640, 704];
  const C1: P = [470, 728];
  const C2: P = [552, 717];
  s.chain([S0, S1, S2, S3, S4, S5], { scmP1: [0, 1], scmP2: [1, 2], scmP3: [2, 3], scmP4: [3, 4], scmP5: [4, 5] });
  s.chain([T0, T1, T2, [576, 658], T4], { trapA1: [0, 1], trapA2: [1, 2], trapA3: [2, 4] });
  s.chain([S5, C1, C2, T4], { clav1: [0, 1], clav2: [1, 2], clav3: [2, 3] });
  s.curve('L1', [S1, [522, 512], T1]);
  s.curve('L2', [S2, [512, 586], T2]);
  s.curve('L3', [S3, [500, 668], C2]);
  s.curve('L4', [S4, [444, 708], C1]);
  s.line('apex', S0, T0);
  const A0: P = [494, 416];
  const A2: P = [444, 508];
  const A5: P = [316, 742];
  s.chain([A0, [468, 464], A2, [400, 590], [352, 672], A5], { scmA1: [0, 2], scmA2: [2, 5] });
  s.line('scmBot', A5, S5);
  s.line('scmTop', S0, A0);
  const BACK: P = [598, 422];
  s.curve('trapP', [[696, 716], [694, 708], [670, 697], [640, 677], [612, 641], [596, 590], [590, 530], [591, 470], BACK]);
  s.line('trapTop', BACK, T0);
  s.line('trapBot', T4, [696, 716]);
  const PF: P = [310, 738];
  s.curve('platTop', [[230, 486], [300, 488], [362, 494], [400, 506], A2]);
  s.line('platBot', A5, PF);
  s.curve('platFront', [PF, [308, 680], [301, 624], [292, 576], [279, 544], [264, 524], [244, 504], [230, 486]]);

  const L = 'left';
  v.region('sternocleidomastoid-left', 'sternocleidomastoid', L, 'superficial',
    s.path(['scmA1', 'scmA2', 'scmBot', '-scmP5', '-scmP4', '-scmP3', '-scmP2', '-scmP1', 'scmTop']));
  v.region('splenius_capitis-left', 'splenius_capitis', L, 'superficial', s.path(['scmP1', 'L1', '-trapA1', '-apex']));
  v.region('levator_scapulae-left', 'levator_scapulae', L, 'superficial', s.path(['scmP2', 'L2', '-trapA2', '-L1']));
  v.region('scalene_posterior-left', 'scalene_posterior', L, 'superficial',
    s.path(['scmP3', 'L3', 'clav3', '-trapA3', '-L2']));
  v.region('scalene_medius-left', 'scalene_medius', L, 'superficial', s.path(['scmP4', 'L4', 'clav2', '-L3']));
  v.region('scalene_anterior-left', 'scalene_anterior', L, 'superficial', s.path(['scmP5', 'clav1', '-L4']));
  v.region('trapezius_upper-left', 'trapezius_upper', L, 'superficial',
    s.path(['trapA1', 'trapA2', 'trapA3', 'trapBot', 'trapP', 'trapTop']));
  v.region('platysma-left', 'platysma', L, 'superficial', s.path(['platTop', 'scmA2', 'platBot', 'platFront']));

  // Temporalis: a broad fan from the temporal line converging on the zygomatic arch, above and in front of the ear.
  v.region('temporalis-left', 'temporalis', L, 'superficial', smooth([
    [326, 350], [286, 306], [266, 246], [290, 188], [350, 150], [430, 140], [500, 156], [546, 198], [560, 250],
    [544, 288], [508, 300], [478, 314], [450, 346], [390, 352],
  ], true, 6));
  v.region('frontalis-left', 'frontalis', L, 'superficial', smooth([
    [192, 236], [190, 190], [214, 136], [260, 100], [310, 86], [318, 114], [288, 154], [262, 202], [240, 238], [212, 248],
  ], true, 5));
  v.region('masseter-left', 'masseter', L, 'superficial', smooth([
    [330, 364], [400, 360], [452, 366], [460, 420], [456, 466], [444, 494], [404, 498], [374, 476], [348, 422],
  ], true, 5));
  v.region('occipitalis-left', 'occipitalis', L, 'superficial', smooth([
    [568, 304], [596, 264], [612, 292], [608, 342], [594, 376], [574, 374], [562, 340],
  ], true, 5));

  // Landmarks: eye and brow, ear, nostril, lips, zygomatic arch, mandible, thyroid cartilage, clavicle, hairline.
  v.detail(smooth([[198, 270], [216, 261], [238, 268], [216, 278]], true, 6), true);
  v.detail(smooth([[188, 248], [216, 240], [248, 248]], false));
  v.detail(smooth([[474, 322], [500, 312], [516, 334], [514, 376], [502, 408], [484, 418], [472, 404], [468, 366]], true, 6), true);
  v.detail(smooth([[486, 330], [502, 342], [500, 376], [488, 396]], false));
  v.detail(ellipsePts(160, 386, 9, 4, 16, 0.3), true);
  v.detail(smooth([[170, 442], [190, 440]], false));
  v.detail(smooth([[300, 355], [380, 356], [464, 360]], false));
  v.detail(smooth([[464, 376], [464, 430], [458, 480], [444, 502], [400, 510], [320, 514], [240, 510], [206, 502]], false));
  v.detail(smooth([[306, 750], [400, 740], [480, 730], [560, 720], [650, 710]], false));
  v.detail(smooth([[214, 124], [268, 96], [330, 86]], false));
  // Temporalis fibres converging on the zygomatic arch, so the fan reads at a glance.
  for (const top of [[300, 232], [372, 172], [452, 170], [520, 226]] as const) {
    const base: P = [380 + (top[0] - 400) * 0.18, 344];
    v.detail(smooth([[base[0] + (top[0] - base[0]) * 0.25, base[1] + (top[1] - base[1]) * 0.25], [top[0], top[1]]], false));
  }
  return v.build();
}
