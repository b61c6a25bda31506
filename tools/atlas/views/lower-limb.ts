/**
 * Lower limb, LEFT leg. Anterior: the lateral side is on the viewer's right, the lower abdomen on the left.
 * Posterior: the lateral side is on the viewer's left (the anterior silhouette mirrored).
 * foot_plantar_left: the sole seen from below, heel down, big toe on the viewer's right.
 * The right-side views are mirror images (shared/atlas/registry.ts).
 */
import { ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { Strip, band, ramp } from '../strip.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 520;
const H = 1120;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

// Anterior silhouette: lower abdomen and groin, thigh, knee, leg, ankle and the top of the foot.
const OUTLINE: P[] = [
  [0, 26], [200, 24], [360, 32], [430, 76], [458, 160], [466, 260], [456, 380], [438, 500], [420, 600], [410, 680],
  [414, 740], [426, 810], [418, 900], [396, 990], [386, 1036], [396, 1070], [404, 1112],
  [252, 1112], [258, 1070], [264, 1036], [258, 960], [244, 870], [238, 790], [246, 720], [240, 650], [226, 560],
  [206, 460], [190, 360], [182, 300], [164, 264], [120, 252], [0, 252],
];
const THIGH_MEDIAL: P[] = [[198, 306], [208, 400], [226, 520], [242, 640], [248, 690]];
const THIGH_LATERAL: P[] = [[450, 200], [450, 330], [432, 500], [414, 620], [406, 690]];
const LEG_MEDIAL: P[] = [[248, 740], [242, 800], [248, 880], [262, 960], [268, 1030]];
const LEG_LATERAL: P[] = [[408, 740], [420, 810], [412, 900], [392, 980], [382, 1030]];

export function lowerLimbAnteriorLeft(): AtlasView {
  const v = new ViewBuilder('lower_limb_anterior_left', 'Left lower limb, anterior', W, H, 'left');
  v.outline(smooth(OUTLINE, false, 6));
  const L = 'left';
  const S = 'superficial';
  const th = new Strip(THIGH_MEDIAL, THIGH_LATERAL); // u: 0 medial -> 1 lateral
  const s1 = ramp([[0, 0.8], [0.3, 0.5], [0.62, 0.18], [0.92, 0.02]]); // sartorius, medial edge
  const s2 = (t: number): number => Math.min(1, s1(t) + 0.1); // sartorius, lateral edge
  const ip = ramp([[0, 0.46], [0.18, 0.72]]);
  const add = (t: number): number => Math.min(ip(t), s1(t));
  const r1 = (t: number): number => Math.max(s2(t), ramp([[0.4, 0], [0.62, 0.36], [0.95, 0.42]])(t)); // VM | RF
  const r2 = ramp([[0, 0.94], [0.2, 0.74], [0.6, 0.7], [0.92, 0.62]]); // RF | VL
  const zero = (): number => 0;
  const one = (): number => 1;

  // Iliopsoas: below the inguinal ligament, lateral to the femoral vessels, plus its tongue into the thigh.
  const ipBand = band(th, ip, s1, 0, 0.2);
  const ipCap = smooth([th.point(0, s1(0)), [380, 120], [330, 100], [280, 168], [240, 236], th.point(0, ip(0))], false, 6);
  v.region('iliopsoas-left', 'iliopsoas', L, S, [...ipBand.slice(0, -1), ...ipCap.slice(0, -1)]);
  v.region('hip_adductors-left', 'hip_adductors', L, S, band(th, zero, add, 0.02, 0.9));
  v.region('rectus_femoris-left', 'rectus_femoris', L, S, band(th, r1, r2, 0, 0.9));
  v.region('vastus_lateralis-left', 'vastus_lateralis', L, S, band(th, r2, one, 0.04, 0.97));
  v.region('vastus_medialis-left', 'vastus_medialis', L, S, band(th, s2, r1, 0.4, 0.97));
  v.region('vastus_intermedius-left', 'vastus_intermedius', L, 'deep', th.belly(0.22, 0.85, 0.58, 0.56, 0.3, 0.4));
  v.region('psoas_major-left', 'psoas_major', L, 'deep', spindle([[170, 40], [236, 140], [300, 250]], [34, 46, 26]));

  const leg = new Strip(LEG_MEDIAL, LEG_LATERAL);
  const ta2 = ramp([[0, 0.74], [0.5, 0.66], [0.92, 0.5]]);
  const eh2 = ramp([[0.4, 0.66], [0.6, 0.84], [1, 0.7]]);
  v.region('tibialis_anterior-left', 'tibialis_anterior', L, S, band(leg, ramp([[0, 0.36], [0.6, 0.38], [1, 0.32]]), ta2, 0.04, 0.96));
  v.region('extensor_hallucis_longus-left', 'extensor_hallucis_longus', L, S, band(leg, ta2, (t) => Math.max(ta2(t), eh2(t)), 0.42, 0.99));

  // Landmarks: inguinal ligament, sartorius edges, patella, tibial crest, malleoli, toes.
  v.detail(smooth([[400, 74], [300, 150], [190, 236]], false));
  v.detail(band(th, s1, s2, 0.02, 0.95).slice(0, 1 + Math.round(0.93 / 0.005)));
  v.detail(ellipsePts(330, 706, 34, 40, 32), true);
  v.detail(smooth([[300, 760], [298, 880], [310, 1010]], false));
  v.detail(ellipsePts(268, 1048, 12, 15, 16), true);
  v.detail(ellipsePts(384, 1060, 12, 15, 16), true);
  v.detail(smooth([[262, 1096], [330, 1090], [398, 1096]], false));
  return v.build();
}

export function lowerLimbPosteriorLeft(): AtlasView {
  const v = new ViewBuilder('lower_limb_posterior_left', 'Left lower limb, posterior', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), false, 6));
  const L = 'left';
  const S = 'superficial';
  // u runs lateral (0, viewer's left) -> medial (1).
  const th = new Strip(mx(THIGH_LATERAL), mx(THIGH_MEDIAL));
  const l0 = ramp([[0.1, 0.04], [1, 0.02]]);
  const hm = ramp([[0.5, 0.48], [0.78, 0.3], [1, 0.16]]); // lateral hamstring's medial edge
  const hm2 = ramp([[0.5, 0.48], [0.78, 0.68], [1, 0.84]]); // medial hamstrings' lateral edge
  const m1 = ramp([[0, 0.74], [0.4, 0.84], [0.66, 1]]); // medial hamstrings | adductors
  v.region('hamstrings_lateral-left', 'hamstrings_lateral', L, S, band(th, l0, hm, 0.1, 0.99));
  v.region('hamstrings_medial-left', 'hamstrings_medial', L, S, band(th, hm2, (t) => Math.min(0.975, m1(t)), 0.1, 0.99));
  v.region('hip_adductors-left', 'hip_adductors', L, S, band(th, m1, () => 0.995, 0.02, 0.6));

  const leg = new Strip(mx(LEG_LATERAL), mx(LEG_MEDIAL));
  const mid = (): number => 0.5;
  const gl0 = ramp([[0.28, 0.05], [0.5, 0.5]]); // lateral head, outer edge
  const gm1 = ramp([[0.32, 0.95], [0.58, 0.5]]); // medial head, outer edge
  v.region('gastrocnemius_lateral-left', 'gastrocnemius_lateral', L, S, band(leg, gl0, mid, 0, 0.5));
  v.region('gastrocnemius_medial-left', 'gastrocnemius_medial', L, S, band(leg, mid, gm1, 0, 0.58));
  // Soleus wraps below and beside both heads: its inner edge is the heads' outer edges.
  const grid = (a: number, b: number): number[] => {
    const out: number[] = [];
    const n = Math.round(Math.abs(b - a) / 0.005);
    for (let k = 0; k <= n; k += 1) out.push(a + ((b - a) * k) / n);
    return out;
  };
  const solOut = ramp([[0.3, 0.03], [0.6, 0.1], [0.88, 0.36]]);
  const solIn = ramp([[0.34, 0.97], [0.6, 0.9], [0.88, 0.64]]);
  v.region('soleus-left', 'soleus', L, S, [
    ...grid(0.3, 0.88).map((t) => leg.point(t, solOut(t))),
    ...grid(0.88, 0.34).map((t) => leg.point(t, solIn(t))),
    ...grid(0.34, 0.58).map((t) => leg.point(t, gm1(t))),
    ...grid(0.58, 0.5).slice(1, -1).map((t) => leg.point(t, 0.5)),
    ...grid(0.5, 0.3).map((t) => leg.point(t, gl0(t))),
  ]);
  v.region('tibialis_posterior-left', 'tibialis_posterior', L, 'deep', leg.belly(0.16, 0.74, 0.5, 0.52, 0.2));
  v.region('flexor_digitorum_longus-left', 'flexor_digitorum_longus', L, 'deep', leg.belly(0.3, 0.86, 0.76, 0.72, 0.16));
  v.region('flexor_hallucis_longus-left', 'flexor_hallucis_longus', L, 'deep', leg.belly(0.36, 0.9, 0.26, 0.36, 0.18));

  // Landmarks: gluteal fold, popliteal crease, Achilles tendon, malleoli, heel.
  v.detail(smooth([[60, 252], [120, 262], [200, 270], [300, 280], [340, 272]], false));
  v.detail(smooth([[110, 706], [200, 714], [280, 708]], false));
  v.detail(smooth([[190, 930], [196, 1000], [198, 1070]], false));
  v.detail(smooth([[216, 930], [214, 1000], [220, 1070]], false));
  v.detail(ellipsePts(136, 1060, 12, 15, 16), true);
  v.detail(ellipsePts(252, 1048, 12, 15, 16), true);
  return v.build();
}

export function footPlantarLeft(): AtlasView {
  const v = new ViewBuilder('foot_plantar_left', 'Left foot, plantar', 360, 660, 'left');
  // Sole seen from below: heel at the bottom, the lateral border straight on the viewer's left, the medial
  // border with the ball of the big toe and the arch on the viewer's right, five toes with clefts between them.
  v.outline(smooth([
    [88, 262], [84, 228], [88, 196], [104, 180], [119, 194], [122, 214],
    [123, 178], [136, 156], [150, 174], [153, 204],
    [154, 162], [168, 136], [183, 158], [186, 196],
    [187, 144], [202, 118], [218, 140], [221, 188],
    [222, 128], [232, 98], [252, 84], [274, 92], [286, 122], [290, 176], [286, 240], [274, 306],
    [256, 370], [246, 430], [246, 490], [252, 550], [248, 604], [228, 638], [182, 648], [138, 636], [118, 600],
    [114, 530], [106, 450], [98, 370], [92, 310],
  ], true, 6));
  v.region('flexor_digitorum_brevis-left', 'flexor_digitorum_brevis', 'left', 'superficial',
    spindle([[184, 556], [180, 474], [174, 390], [166, 318]], [30, 70, 68, 34]));
  // Landmarks: toe pads, toe creases, the ball of the foot (metatarsal heads), the FDB tendons to toes 2-5,
  // the medial arch and the heel pad.
  for (const [cx, cy, rx, ry] of [[104, 198, 10, 11], [136, 174, 10, 12], [168, 154, 11, 13], [202, 136, 12, 14], [254, 116, 20, 19]] as const) {
    v.detail(ellipsePts(cx, cy, rx, ry, 16), true);
  }
  v.detail(smooth([[92, 236], [124, 226], [156, 218], [188, 210], [222, 204], [252, 200], [284, 196]], false));
  v.detail(smooth([[104, 286], [150, 278], [200, 276], [244, 284], [274, 296]], false));
  for (const [x0, x1, y1] of [[154, 106, 224], [164, 138, 214], [174, 169, 206], [182, 202, 198]] as const) {
    v.detail(smooth([[x0, 322], [(x0 + x1) / 2, 272], [x1, y1]], false));
  }
  v.detail(smooth([[258, 380], [238, 440], [236, 500], [242, 548]], false));
  v.detail(ellipsePts(182, 600, 44, 34, 28), true);
  return v.build();
}
