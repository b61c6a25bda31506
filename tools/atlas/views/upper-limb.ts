/**
 * Upper limb, LEFT arm. Anterior: the patient faces the viewer, so the radial (lateral) side is on the
 * viewer's right and the chest on the viewer's left. Posterior: the radial side is on the viewer's left
 * and the back on the viewer's right. The right-arm views are mirror images (shared/atlas/registry.ts).
 *
 * The arm and forearm are one Strip from the axilla to the wrist: t runs down the limb (elbow crease at
 * t = 0.46), u runs across it. Acromion to elbow crease is about 1.3 times elbow to wrist; the axilla sits
 * about a third of the way down the arm under a rounded shoulder. Muscles are bands between shared boundary functions u(t), so neighbours
 * tile exactly.
 */
import { ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import { Strip, band, ramp } from '../strip.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 520;
const H = 1040;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);
const ELBOW = 0.46;
/** Arm positions were laid out for an elbow at t = 0.42; this keeps them at the same place within the arm. */
const A = (t: number): number => (t / 0.42) * ELBOW;

// Silhouette of the anterior view: chest, shoulder, arm, forearm and the start of the hand.
const OUTLINE: P[] = [
  [0, 44], [120, 40], [232, 48], [322, 58], [392, 72], [440, 96], [472, 134], [489, 188], [490, 250], [482, 320],
  [473, 400], [470, 470], [476, 530], [484, 600], [472, 720], [452, 840], [434, 928], [448, 964], [462, 1000],
  [468, 1038], [312, 1038], [306, 990], [302, 950], [300, 928], [282, 840], [262, 730], [252, 640], [243, 560],
  [252, 480], [258, 390], [262, 300], [257, 240], [240, 254], [232, 320], [228, 400], [214, 446], [0, 452],
];
// Limb edges (just inside the silhouette), medial/ulnar and lateral/radial, axilla -> wrist.
const MEDIAL: P[] = [[263, 240], [264, 300], [261, 390], [255, 480], [248, 560], [257, 640], [267, 730], [286, 840], [305, 924]];
const LATERAL: P[] = [[484, 240], [477, 320], [468, 400], [465, 470], [471, 530], [479, 600], [467, 720], [447, 840], [429, 924]];

function details(v: ViewBuilder, flip: boolean): void {
  const f = (p: P[]): P[] => (flip ? mx(p) : p);
  v.detail(f(smooth([[306, 934], [340, 940], [372, 941], [420, 934]], false)));
  v.detail(f(smooth([[304, 956], [350, 964], [410, 960]], false)));
}

export function upperLimbAnteriorLeft(): AtlasView {
  const v = new ViewBuilder('upper_limb_anterior_left', 'Left upper limb, anterior', W, H, 'left');
  v.outline(smooth(OUTLINE, false, 6));
  const L = 'left';
  const S = 'superficial';
  const limb = new Strip(MEDIAL, LATERAL);
  const fa = (s: number): number => ELBOW + (1 - ELBOW) * s;

  // Arm (u: 0 medial -> 1 lateral).
  const dB = ramp([[0, 0.64], [A(0.1), 0.8], [A(0.2), 1]]); // deltoid's anterior border
  const bL = ramp([[0, 0.56], [A(0.16), 0.72], [A(0.33), 0.66], [ELBOW, 0.54]]);
  const bM = ramp([[0, 0.3], [A(0.12), 0.2], [A(0.22), 0.22], [A(0.33), 0.3], [ELBOW, 0.44]]);
  const bR = ramp([[A(0.24), 1], [A(0.32), 0.9], [ELBOW, 0.82], [fa(0.4), 0.8], [1, 0.84]]); // brachioradialis' medial border
  // Forearm (the superficial flexor fan from the medial epicondyle, u near 0 at the elbow).
  const b3 = ramp([[fa(0), 0.04], [fa(0.3), 0.2], [1, 0.25]]);
  const b2 = ramp([[fa(0), 0.07], [fa(0.35), 0.4], [1, 0.5]]);
  const b1raw = ramp([[fa(0), 0.1], [fa(0.12), 0.3], [fa(0.3), 0.6], [fa(0.5), 0.86]]);
  const puRaw = ramp([[fa(0), 0.13], [fa(0.06), 0.5], [fa(0.24), 0.86]]);
  const b1 = (t: number): number => Math.min(b1raw(t), bR(t));
  const fcrR = ramp([[fa(0.3), 1], [fa(0.55), 0.72], [1, 0.68]]); // FCR's radial edge once pronator teres has ended
  const pu = (t: number): number => Math.min(puRaw(t), bR(t));
  const zero = (): number => 0;
  const one = (): number => 1;

  // Deltoid: the cap over the shoulder plus its tongue down to the deltoid tuberosity (a band of the strip).
  const tongue = band(limb, dB, one, 0, A(0.2));
  const rim: P[] = smooth([limb.point(0, 1), [484, 196], [469, 142], [438, 106], [390, 82], [326, 68], [262, 64]], false, 6);
  const groove: P[] = smooth([[262, 64], [296, 128], [338, 194], limb.point(0, dB(0))], false, 6);
  v.region('deltoid-left', 'deltoid', L, S, [...tongue.slice(0, -1), ...rim.slice(1), ...groove.slice(1, -1)].reverse());
  const pecLow: P[] = smooth([limb.point(0, dB(0)), [312, 232], [262, 234], [196, 268], [100, 296], [24, 294], [18, 180], [20, 84], [120, 76], [262, 64]], false, 5);
  v.region('pectoralis_major-left', 'pectoralis_major', L, S, [...pecLow, ...groove.slice(1, -1)]);
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [206, 300], [226, 290], [222, 360], [210, 420], [192, 424], [194, 360],
  ], true, 5));
  v.region('biceps_brachii-left', 'biceps_brachii', L, S, band(limb, bM, bL, 0.02, ELBOW));
  v.region('brachialis-medial-left', 'brachialis', L, S, band(limb, zero, bM, A(0.22), ELBOW));
  v.region('brachialis-lateral-left', 'brachialis', L, S, band(limb, bL, (t) => Math.min(dB(t), bR(t)), A(0.12), ELBOW));
  v.region('brachioradialis-left', 'brachioradialis', L, S, band(limb, bR, one, A(0.24), 0.985));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, band(limb, zero, b3, ELBOW, 0.985));
  v.region('flexor_digitorum_superficialis-left', 'flexor_digitorum_superficialis', L, S, band(limb, b3, b2, ELBOW, 0.985));
  v.region('flexor_carpi_radialis-left', 'flexor_carpi_radialis', L, S, band(limb, b2, (t) => Math.min(b1(t), fcrR(t)), ELBOW, 0.985));
  v.region('pronator_teres-left', 'pronator_teres', L, S, band(limb, b1, pu, ELBOW, fa(0.5)));

  v.region('subscapularis-left', 'subscapularis', L, 'deep', smooth([
    [280, 138], [312, 144], [326, 194], [316, 236], [286, 240], [270, 194],
  ], true, 5));
  v.region('pectoralis_minor-left', 'pectoralis_minor', L, 'deep', smooth([
    [290, 96], [300, 112], [252, 168], [230, 232], [190, 258], [124, 250], [150, 206], [230, 140],
  ], true, 5));
  v.region('flexor_digitorum_profundus-left', 'flexor_digitorum_profundus', L, 'deep', limb.belly(fa(0.1), fa(0.8), 0.2, 0.3, 0.32, 0.4));
  v.region('flexor_pollicis_longus-left', 'flexor_pollicis_longus', L, 'deep', limb.belly(fa(0.34), fa(0.8), 0.72, 0.7, 0.2, 0.4));
  v.region('pronator_quadratus-left', 'pronator_quadratus', L, 'deep', limb.poly([[fa(0.875), 0.08], [fa(0.875), 0.9], [fa(0.97), 0.9], [fa(0.97), 0.08]]));

  // Landmarks: clavicle, sternum edge, elbow crease and biceps tendon, wrist creases, thenar/hypothenar start.
  v.detail(smooth([[8, 64], [110, 60], [230, 56], [320, 64], [392, 80]], false));
  v.detail(smooth([[252, 558], [320, 566], [380, 566], [466, 554]], false));
  v.detail(smooth([[350, 520], [356, 550], [366, 580]], false));
  v.detail(smooth([[30, 96], [170, 160], [250, 206], [310, 236]], false));
  details(v, false);
  v.detail(smooth([[440, 968], [418, 1000], [410, 1038]], false));
  return v.build();
}

export function upperLimbPosteriorLeft(): AtlasView {
  const v = new ViewBuilder('upper_limb_posterior_left', 'Left upper limb, posterior', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), false, 6));
  const L = 'left';
  const S = 'superficial';
  // Posterior: u runs radial/lateral (0, viewer's left) -> ulnar/medial (1).
  const limb = new Strip(mx(LATERAL), mx(MEDIAL));
  const fa = (s: number): number => ELBOW + (1 - ELBOW) * s;
  const top = ELBOW + 0.03;

  const dB = ramp([[0, 0.4], [A(0.1), 0.2], [A(0.2), 0]]); // deltoid's posterior border
  const e1 = ramp([[A(0.24), 0], [A(0.3), 0.1], [ELBOW, 0.14], [fa(0.3), 0.12], [fa(0.55), 0]]); // brachioradialis | ECR
  const e2raw = ramp([[A(0.26), 0], [A(0.32), 0.2], [top, 0.26], [fa(0.35), 0.36], [1, 0.3]]);
  const e2 = (t: number): number => Math.max(e1(t), e2raw(t)); // ECR | ED
  const e3 = ramp([[top, 0.3], [fa(0.35), 0.6], [1, 0.62]]); // ED | ECU
  const e4 = ramp([[top, 0.46], [fa(0.35), 0.8], [1, 0.84]]); // ECU | FCU
  const one = (): number => 1;
  const triLow = (t: number): number => Math.max(dB(t), e2(t));
  const triUp = ramp([[0.02, 0.55], [A(0.1), 0.94], [A(0.16), 1]]);

  const tongue = band(limb, () => 0, dB, 0, A(0.2));
  const cap: P[] = smooth([limb.point(0, dB(0)), [204, 196], [232, 128], [258, 72], [192, 62], [128, 72], [82, 102], [52, 142], [38, 196], limb.point(0, 0)], false, 6);
  v.region('deltoid-left', 'deltoid', L, S, [...tongue.slice(0, -1), ...cap.slice(1)]);
  v.region('triceps_brachii-left', 'triceps_brachii', L, S, band(limb, triLow, triUp, 0.02, ELBOW - 0.015));
  v.region('teres_major-left', 'teres_major', L, S, spindle([[300, 218], [380, 246], [452, 296]], [34, 44, 28]));
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [306, 276], [380, 302], [446, 332], [506, 344], [508, 432], [400, 440], [318, 426], [306, 350],
  ], true, 5));
  v.region('brachioradialis-left', 'brachioradialis', L, S, band(limb, () => 0, e1, A(0.24), fa(0.55)));
  v.region('extensor_carpi_radialis-left', 'extensor_carpi_radialis', L, S, band(limb, e1, e2, A(0.24), 0.985));
  v.region('extensor_digitorum-left', 'extensor_digitorum', L, S, band(limb, e2, e3, top, 0.985));
  v.region('extensor_carpi_ulnaris-left', 'extensor_carpi_ulnaris', L, S, band(limb, e3, e4, top, 0.985));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, band(limb, e4, one, top, 0.985));
  v.region('extensor_indicis-left', 'extensor_indicis', L, 'deep', limb.belly(fa(0.55), fa(0.93), 0.44, 0.4, 0.2, 0.45));
  details(v, true);
  // Scapula (spine, lateral border), olecranon.
  v.detail(smooth([[236, 84], [330, 100], [420, 124], [510, 146]], false));
  v.detail(smooth([[264, 150], [330, 210], [420, 290], [462, 320], [480, 290], [500, 200], [512, 120]], false));
  const olecranon = limb.point(ELBOW + 0.01, 0.66);
  v.detail(ellipsePts(olecranon[0], olecranon[1], 16, 12, 20), true);
  return v.build();
}
