/**
 * Lower limb, LEFT leg. Anterior: the lateral side is on the viewer's right, the lower abdomen on the left.
 * Posterior: the lateral side is on the viewer's left (the anterior silhouette mirrored).
 * foot_plantar_left: the sole seen from below, heel down, big toe on the viewer's right.
 * The right-side views are mirror images (shared/atlas/registry.ts).
 */
import { Strip, ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 440;
const H = 1100;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

const OUTLINE: P[] = [
  [0, 30], [330, 30], [372, 90], [392, 190], [386, 400], [364, 600], [354, 680], [356, 780], [340, 900],
  [322, 1000], [346, 1050], [352, 1098], [226, 1098], [232, 1050], [246, 1000], [232, 900], [220, 780],
  [212, 690], [194, 600], [174, 420], [158, 300], [130, 272], [0, 270],
];
const THIGH_MEDIAL: P[] = [[164, 304], [178, 420], [198, 600], [216, 690]];
const THIGH_LATERAL: P[] = [[386, 200], [382, 400], [360, 600], [350, 690]];
const LEG_MEDIAL: P[] = [[224, 760], [236, 900], [250, 996]];
const LEG_LATERAL: P[] = [[352, 760], [336, 900], [318, 996]];

export function lowerLimbAnteriorLeft(): AtlasView {
  const v = new ViewBuilder('lower_limb_anterior_left', 'Left lower limb, anterior', W, H, 'left');
  v.outline(smooth(OUTLINE, false, 6));
  const L = 'left';
  const S = 'superficial';
  const th = new Strip(THIGH_MEDIAL, THIGH_LATERAL);
  v.region('iliopsoas-left', 'iliopsoas', L, S, spindle([[316, 100], [272, 190], [240, 262]], [44, 46, 22]));
  v.region('hip_adductors-left', 'hip_adductors', L, S, th.poly([[0.03, 0.03], [0.03, 0.36], [0.12, 0.34], [0.5, 0.18], [0.62, 0.06]]));
  v.region('rectus_femoris-left', 'rectus_femoris', L, S, th.belly(0.1, 0.9, 0.56, 0.5, 0.26, 0.35));
  v.region('vastus_lateralis-left', 'vastus_lateralis', L, S, th.belly(0.16, 0.96, 0.86, 0.8, 0.24, 0.45));
  v.region('vastus_medialis-left', 'vastus_medialis', L, S, th.poly([[0.56, 0.14], [0.5, 0.3], [0.66, 0.38], [0.96, 0.4], [0.98, 0.16], [0.8, 0.08]]));
  v.region('vastus_intermedius-left', 'vastus_intermedius', L, 'deep', th.belly(0.25, 0.85, 0.6, 0.58, 0.3));
  v.region('psoas_major-left', 'psoas_major', L, 'deep', spindle([[120, 46], [170, 150], [214, 240]], [30, 44, 24]));
  const leg = new Strip(LEG_MEDIAL, LEG_LATERAL);
  v.region('tibialis_anterior-left', 'tibialis_anterior', L, S, leg.belly(0.04, 0.82, 0.52, 0.5, 0.3, 0.3));
  v.region('extensor_hallucis_longus-left', 'extensor_hallucis_longus', L, S, leg.belly(0.42, 0.98, 0.82, 0.76, 0.18, 0.3));
  v.detail(ellipsePts(284, 716, 30, 36, 32), true);
  v.detail(smooth([[352, 108], [280, 170], [200, 236]], false));
  v.detail(smooth([[262, 780], [260, 900], [270, 1000]], false));
  v.detail(ellipsePts(246, 1012, 12, 14, 16), true);
  v.detail(ellipsePts(322, 1024, 12, 14, 16), true);
  return v.build();
}

export function lowerLimbPosteriorLeft(): AtlasView {
  const v = new ViewBuilder('lower_limb_posterior_left', 'Left lower limb, posterior', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), false, 6));
  const L = 'left';
  const S = 'superficial';
  // u runs lateral (0, viewer's left) -> medial (1).
  const th = new Strip(mx(THIGH_LATERAL), mx(THIGH_MEDIAL));
  v.region('hamstrings_lateral-left', 'hamstrings_lateral', L, S, th.belly(0.14, 0.94, 0.3, 0.26, 0.34, 0.35));
  v.region('hamstrings_medial-left', 'hamstrings_medial', L, S, th.belly(0.12, 0.94, 0.66, 0.7, 0.3, 0.35));
  v.region('hip_adductors-left', 'hip_adductors', L, S, th.belly(0.04, 0.62, 0.9, 0.92, 0.14, 0.4));
  const leg = new Strip(mx(LEG_LATERAL), mx(LEG_MEDIAL));
  v.region('gastrocnemius_lateral-left', 'gastrocnemius_lateral', L, S, leg.belly(-0.02, 0.48, 0.27, 0.3, 0.36, 0.45));
  v.region('gastrocnemius_medial-left', 'gastrocnemius_medial', L, S, leg.belly(-0.02, 0.55, 0.73, 0.71, 0.38, 0.45));
  v.region('soleus-left', 'soleus', L, S, leg.poly([[0.5, 0.1], [0.58, 0.5], [0.6, 0.9], [0.8, 0.84], [0.86, 0.5], [0.8, 0.16]]));
  v.region('tibialis_posterior-left', 'tibialis_posterior', L, 'deep', leg.belly(0.18, 0.74, 0.5, 0.5, 0.22));
  v.region('flexor_digitorum_longus-left', 'flexor_digitorum_longus', L, 'deep', leg.belly(0.3, 0.86, 0.8, 0.78, 0.18));
  v.region('flexor_hallucis_longus-left', 'flexor_hallucis_longus', L, 'deep', leg.belly(0.38, 0.9, 0.2, 0.24, 0.2));
  v.detail(smooth([[300, 300], [350, 310], [430, 296]], false));
  v.detail(smooth([[100, 724], [150, 730], [212, 724]], false));
  v.detail(smooth([[150, 940], [152, 1000], [158, 1060]], false));
  return v.build();
}

export function footPlantarLeft(): AtlasView {
  const v = new ViewBuilder('foot_plantar_left', 'Left foot, plantar', 360, 660, 'left');
  v.outline(smooth([
    [180, 640], [130, 620], [112, 540], [104, 420], [92, 300], [84, 210], [92, 168], [112, 150], [140, 120],
    [172, 104], [206, 92], [248, 70], [276, 84], [282, 140], [276, 230], [262, 330], [250, 420], [250, 540],
    [234, 620],
  ], true, 6));
  v.region('flexor_digitorum_brevis-left', 'flexor_digitorum_brevis', 'left', 'superficial',
    spindle([[180, 560], [176, 420], [170, 250]], [44, 76, 54]));
  v.detail(ellipsePts(104, 182, 12, 14, 16), true);
  v.detail(ellipsePts(134, 148, 13, 15, 16), true);
  v.detail(ellipsePts(166, 128, 14, 16, 16), true);
  v.detail(ellipsePts(202, 114, 15, 17, 16), true);
  v.detail(ellipsePts(252, 100, 22, 26, 20), true);
  v.detail(smooth([[110, 232], [180, 224], [270, 200]], false));
  v.detail(smooth([[150, 590], [180, 604], [216, 590]], false));
  return v.build();
}
