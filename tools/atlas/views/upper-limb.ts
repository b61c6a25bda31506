/**
 * Upper limb, LEFT arm. Anterior: the patient faces the viewer, so the radial (lateral) side is on the
 * viewer's right and the chest on the viewer's left. Posterior: the radial side is on the viewer's left
 * and the back on the viewer's right. The right-arm views are mirror images (shared/atlas/registry.ts).
 *
 * The arm and forearm are one Strip from the axilla to the wrist: t runs down the limb (elbow crease at
 * t = 0.42), u runs across it. Muscles are bands between shared boundary functions u(t), so neighbours
 * tile exactly.
 */
import { Strip, ViewBuilder, band, ellipsePts, ramp, smooth, spindle, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 520;
const H = 1040;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);
const ELBOW = 0.42;

// Silhouette of the anterior view: chest, shoulder, arm, forearm and the start of the hand.
const OUTLINE: P[] = [
  [0, 44], [120, 40], [232, 50], [330, 62], [398, 76], [448, 102], [478, 156], [490, 240], [484, 330], [474, 440],
  [470, 520], [480, 580], [484, 640], [470, 760], [448, 870], [434, 928], [448, 964], [462, 1000], [468, 1038],
  [312, 1038], [306, 990], [302, 950], [300, 928], [280, 850], [258, 740], [250, 650], [240, 594], [250, 520],
  [256, 440], [260, 380], [256, 346], [238, 362], [230, 420], [228, 500], [214, 548], [0, 552],
];
// Limb edges (just inside the silhouette), medial/ulnar and lateral/radial, axilla -> wrist.
const MEDIAL: P[] = [[262, 346], [261, 440], [255, 520], [247, 592], [256, 650], [264, 740], [284, 850], [305, 924]];
const LATERAL: P[] = [[480, 330], [469, 440], [466, 520], [475, 580], [479, 640], [465, 760], [443, 870], [429, 924]];

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
  const dB = ramp([[0, 0.64], [0.1, 0.8], [0.2, 1]]); // deltoid's anterior border
  const bL = ramp([[0, 0.56], [0.16, 0.72], [0.33, 0.66], [ELBOW, 0.54]]);
  const bM = ramp([[0, 0.3], [0.12, 0.2], [0.22, 0.22], [0.33, 0.3], [ELBOW, 0.44]]);
  const bR = ramp([[0.24, 1], [0.32, 0.9], [ELBOW, 0.82], [fa(0.4), 0.8], [1, 0.84]]); // brachioradialis' medial border
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
  const tongue = band(limb, dB, one, 0, 0.2);
  const rim: P[] = smooth([limb.point(0, 1), [486, 250], [478, 160], [446, 108], [398, 84], [330, 72], [262, 70]], false, 6);
  const groove: P[] = smooth([[262, 70], [300, 150], [346, 250], limb.point(0, dB(0))], false, 6);
  v.region('deltoid-left', 'deltoid', L, S, [...tongue.slice(0, -1), ...rim.slice(1), ...groove.slice(1, -1)].reverse());
  const pecLow: P[] = smooth([limb.point(0, dB(0)), [312, 338], [262, 340], [196, 376], [100, 404], [24, 402], [18, 240], [20, 86], [120, 80], [262, 70]], false, 5);
  v.region('pectoralis_major-left', 'pectoralis_major', L, S, [...pecLow, ...groove.slice(1, -1)]);
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [204, 410], [226, 396], [224, 470], [214, 536], [194, 540], [194, 470],
  ], true, 5));
  v.region('biceps_brachii-left', 'biceps_brachii', L, S, band(limb, bM, bL, 0.02, ELBOW));
  v.region('brachialis-medial-left', 'brachialis', L, S, band(limb, zero, bM, 0.22, ELBOW));
  v.region('brachialis-lateral-left', 'brachialis', L, S, band(limb, bL, (t) => Math.min(dB(t), bR(t)), 0.12, ELBOW));
  v.region('brachioradialis-left', 'brachioradialis', L, S, band(limb, bR, one, 0.24, 0.985));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, band(limb, zero, b3, ELBOW, 0.985));
  v.region('flexor_digitorum_superficialis-left', 'flexor_digitorum_superficialis', L, S, band(limb, b3, b2, ELBOW, 0.985));
  v.region('flexor_carpi_radialis-left', 'flexor_carpi_radialis', L, S, band(limb, b2, (t) => Math.min(b1(t), fcrR(t)), ELBOW, 0.985));
  v.region('pronator_teres-left', 'pronator_teres', L, S, band(limb, b1, pu, ELBOW, fa(0.5)));

  v.region('subscapularis-left', 'subscapularis', L, 'deep', smooth([
    [262, 196], [300, 200], [318, 260], [306, 318], [270, 322], [250, 262],
  ], true, 5));
  v.region('pectoralis_minor-left', 'pectoralis_minor', L, 'deep', smooth([
    [290, 108], [300, 126], [250, 200], [226, 290], [190, 322], [120, 310], [150, 250], [230, 160],
  ], true, 5));
  v.region('flexor_digitorum_profundus-left', 'flexor_digitorum_profundus', L, 'deep', limb.belly(fa(0.1), fa(0.8), 0.2, 0.3, 0.32, 0.4));
  v.region('flexor_pollicis_longus-left', 'flexor_pollicis_longus', L, 'deep', limb.belly(fa(0.34), fa(0.8), 0.72, 0.7, 0.2, 0.4));
  v.region('pronator_quadratus-left', 'pronator_quadratus', L, 'deep', limb.poly([[fa(0.875), 0.08], [fa(0.875), 0.9], [fa(0.97), 0.9], [fa(0.97), 0.08]]));

  // Landmarks: clavicle, sternum edge, elbow crease and biceps tendon, wrist creases, thenar/hypothenar start.
  v.detail(smooth([[8, 70], [110, 66], [230, 62], [320, 70], [392, 84]], false));
  v.detail(smooth([[262, 596], [320, 604], [380, 604], [462, 592]], false));
  v.detail(smooth([[350, 560], [356, 590], [366, 620]], false));
  v.detail(smooth([[30, 100], [170, 180], [250, 246], [320, 300]], false));
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
  const top = 0.45;

  const dB = ramp([[0, 0.4], [0.1, 0.2], [0.2, 0]]); // deltoid's posterior border
  const e1 = ramp([[0.24, 0], [0.3, 0.1], [ELBOW, 0.14], [fa(0.3), 0.12], [fa(0.55), 0]]); // brachioradialis | ECR
  const e2raw = ramp([[0.26, 0], [0.32, 0.2], [top, 0.26], [fa(0.35), 0.36], [1, 0.3]]);
  const e2 = (t: number): number => Math.max(e1(t), e2raw(t)); // ECR | ED
  const e3 = ramp([[top, 0.3], [fa(0.35), 0.6], [1, 0.62]]); // ED | ECU
  const e4 = ramp([[top, 0.46], [fa(0.35), 0.8], [1, 0.84]]); // ECU | FCU
  const one = (): number => 1;
  const triLow = (t: number): number => Math.max(dB(t), e2(t));
  const triUp = ramp([[0.02, 0.55], [0.1, 0.94], [0.16, 1]]);

  const tongue = band(limb, () => 0, dB, 0, 0.2);
  const cap: P[] = smooth([limb.point(0, dB(0)), [200, 250], [236, 150], [262, 86], [190, 72], [122, 84], [74, 108], [42, 160], [34, 250], limb.point(0, 0)], false, 6);
  v.region('deltoid-left', 'deltoid', L, S, [...tongue.slice(0, -1), ...cap.slice(1)]);
  v.region('triceps_brachii-left', 'triceps_brachii', L, S, band(limb, triLow, triUp, 0.02, 0.405));
  v.region('teres_major-left', 'teres_major', L, S, spindle([[300, 318], [380, 346], [452, 396]], [34, 44, 28]));
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [306, 376], [380, 402], [446, 432], [506, 446], [508, 536], [400, 546], [318, 530], [306, 450],
  ], true, 5));
  v.region('brachioradialis-left', 'brachioradialis', L, S, band(limb, () => 0, e1, 0.24, fa(0.55)));
  v.region('extensor_carpi_radialis-left', 'extensor_carpi_radialis', L, S, band(limb, e1, e2, 0.24, 0.985));
  v.region('extensor_digitorum-left', 'extensor_digitorum', L, S, band(limb, e2, e3, top, 0.985));
  v.region('extensor_carpi_ulnaris-left', 'extensor_carpi_ulnaris', L, S, band(limb, e3, e4, top, 0.985));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, band(limb, e4, one, top, 0.985));
  v.region('extensor_indicis-left', 'extensor_indicis', L, 'deep', limb.belly(fa(0.55), fa(0.93), 0.44, 0.4, 0.2, 0.45));
  details(v, true);
  // Scapula (spine, lateral border), olecranon.
  v.detail(smooth([[236, 96], [330, 116], [420, 146], [510, 170]], false));
  v.detail(smooth([[262, 200], [330, 280], [420, 380], [462, 420], [480, 380], [500, 260], [512, 150]], false));
  v.detail(ellipsePts(limb.point(0.43, 0.66)[0], limb.point(0.43, 0.66)[1], 16, 12, 20), true);
  return v.build();
}
