/**
 * Upper limb, LEFT arm. Anterior: the patient faces the viewer, so the radial (lateral) side is on the
 * viewer's right and the chest on the viewer's left. Posterior: the radial side is on the viewer's left
 * and the back on the viewer's right. The right-arm views are mirror images (shared/atlas/registry.ts).
 */
import { Strip, ViewBuilder, smooth, spindle, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 440;
const H = 1000;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

// Silhouette of the anterior view: chest, shoulder, arm, forearm and the start of the hand.
const OUTLINE: P[] = [
  [0, 60], [120, 56], [230, 70], [300, 92], [352, 120], [378, 170], [386, 260], [380, 400], [374, 520],
  [386, 590], [382, 700], [364, 820], [348, 905], [362, 950], [368, 998], [262, 998], [266, 950], [276, 908],
  [262, 820], [234, 700], [226, 600], [216, 560], [236, 480], [242, 330], [236, 302], [222, 318], [210, 420],
  [200, 520], [192, 560], [0, 560],
];
// Forearm edges, ulnar (viewer's left in the anterior view) and radial; t runs elbow -> wrist.
const FOREARM_ULNAR: P[] = [[222, 545], [228, 600], [236, 700], [263, 820], [277, 905]];
const FOREARM_RADIAL: P[] = [[374, 540], [382, 596], [378, 700], [360, 820], [345, 905]];

function details(v: ViewBuilder, flip: boolean): void {
  const f = (p: P[]): P[] => (flip ? mx(p) : p);
  v.detail(f(smooth([[0, 64], [110, 70], [222, 84], [300, 100]], false)));
  v.detail(f(smooth([[214, 552], [230, 562], [244, 560]], false)));
  v.detail(f(smooth([[284, 912], [310, 918], [338, 912]], false)));
  v.detail(f(smooth([[350, 935], [372, 968], [368, 998]], false)));
}

export function upperLimbAnteriorLeft(): AtlasView {
  const v = new ViewBuilder('upper_limb_anterior_left', 'Left upper limb, anterior', W, H, 'left');
  v.outline(smooth(OUTLINE, false, 6));
  const L = 'left';
  const S = 'superficial';
  v.region('pectoralis_major-left', 'pectoralis_major', L, S, smooth([
    [10, 98], [120, 92], [222, 100], [232, 132], [256, 190], [290, 252], [282, 278], [240, 292], [180, 298],
    [110, 290], [40, 252], [10, 200],
  ], true, 5));
  v.region('deltoid-left', 'deltoid', L, S, smooth([
    [242, 96], [302, 100], [350, 126], [374, 172], [380, 262], [375, 340], [366, 398], [342, 340], [306, 262],
    [270, 190], [248, 130],
  ], true, 5));
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [182, 332], [208, 318], [202, 420], [192, 518], [176, 540], [170, 430],
  ], true, 5));
  v.region('biceps_brachii-left', 'biceps_brachii', L, S, spindle([[302, 300], [306, 410], [304, 520]], [36, 76, 26]));
  v.region('brachialis-lateral-left', 'brachialis', L, S, spindle([[362, 408], [360, 470], [342, 534]], [10, 24, 16]));
  v.region('brachialis-medial-left', 'brachialis', L, S, spindle([[256, 428], [254, 488], [268, 532]], [8, 20, 14]));
  v.region('subscapularis-left', 'subscapularis', L, 'deep', smooth([
    [216, 200], [242, 196], [254, 250], [246, 294], [222, 296], [208, 250],
  ], true, 5));
  v.region('pectoralis_minor-left', 'pectoralis_minor', L, 'deep', spindle([[232, 126], [178, 190], [118, 248]], [10, 40, 50]));

  const fa = new Strip(FOREARM_ULNAR, FOREARM_RADIAL);
  v.region('brachioradialis-left', 'brachioradialis', L, S, fa.belly(0.06, 0.8, 0.9, 0.9, 0.17, 0.5));
  v.region('pronator_teres-left', 'pronator_teres', L, S, fa.poly([[0.04, 0.22], [0.03, 0.3], [0.26, 0.8], [0.36, 0.8], [0.1, 0.22]], false));
  v.region('flexor_carpi_radialis-left', 'flexor_carpi_radialis', L, S, fa.poly([[0.3, 0.49], [0.38, 0.66], [0.6, 0.66], [0.86, 0.6], [0.88, 0.54], [0.6, 0.48]]));
  v.region('flexor_digitorum_superficialis-left', 'flexor_digitorum_superficialis', L, S,
    fa.poly([[0.2, 0.25], [0.3, 0.45], [0.6, 0.45], [0.9, 0.44], [0.9, 0.27], [0.6, 0.25]]));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, fa.belly(0.05, 0.92, 0.11, 0.11, 0.19, 0.5));
  v.region('flexor_digitorum_profundus-left', 'flexor_digitorum_profundus', L, 'deep', fa.belly(0.18, 0.82, 0.26, 0.3, 0.34));
  v.region('flexor_pollicis_longus-left', 'flexor_pollicis_longus', L, 'deep', fa.belly(0.36, 0.82, 0.68, 0.62, 0.24));
  v.region('pronator_quadratus-left', 'pronator_quadratus', L, 'deep', fa.poly([[0.87, 0.14], [0.87, 0.86], [0.97, 0.86], [0.97, 0.14]]));
  details(v, false);
  return v.build();
}

export function upperLimbPosteriorLeft(): AtlasView {
  const v = new ViewBuilder('upper_limb_posterior_left', 'Left upper limb, posterior', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), false, 6));
  const L = 'left';
  const S = 'superficial';
  // Posterior: radial edge on the viewer's left; u runs radial (0) -> ulnar (1).
  const fa = new Strip(mx(FOREARM_RADIAL), mx(FOREARM_ULNAR));
  v.region('deltoid-left', 'deltoid', L, S, smooth(mx([
    [232, 96], [302, 100], [350, 126], [374, 172], [380, 262], [375, 340], [366, 398], [336, 330], [296, 250],
    [262, 180], [240, 130],
  ]), true, 5));
  v.region('triceps_brachii-left', 'triceps_brachii', L, S, spindle(mx([[306, 340], [310, 440], [306, 548]]), [60, 100, 44]));
  v.region('teres_major-left', 'teres_major', L, S, spindle([[330, 292], [276, 288], [222, 272]], [30, 34, 18]));
  v.region('latissimus_dorsi-left', 'latissimus_dorsi', L, S, smooth([
    [234, 326], [300, 326], [396, 348], [426, 400], [426, 548], [300, 550], [250, 518], [242, 440],
  ], true, 5));
  v.region('brachioradialis-left', 'brachioradialis', L, S, fa.belly(0.04, 0.66, 0.1, 0.1, 0.18, 0.5));
  v.region('extensor_carpi_radialis-left', 'extensor_carpi_radialis', L, S, fa.belly(0.06, 0.8, 0.29, 0.29, 0.18, 0.5));
  v.region('extensor_digitorum-left', 'extensor_digitorum', L, S, fa.belly(0.08, 0.86, 0.49, 0.49, 0.2, 0.5));
  v.region('extensor_carpi_ulnaris-left', 'extensor_carpi_ulnaris', L, S, fa.belly(0.08, 0.9, 0.7, 0.7, 0.18, 0.5));
  v.region('flexor_carpi_ulnaris-left', 'flexor_carpi_ulnaris', L, S, fa.belly(0.06, 0.9, 0.895, 0.895, 0.17, 0.5));
  v.region('extensor_indicis-left', 'extensor_indicis', L, 'deep', fa.belly(0.55, 0.92, 0.5, 0.44, 0.18));
  details(v, true);
  v.detail(smooth([[300, 110], [340, 180], [360, 300], [330, 320]], false));
  v.detail(smooth([[236, 150], [300, 130], [380, 140]], false));
  return v.build();
}
