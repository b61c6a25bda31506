/**
 * LEFT hand, fingers up. Palmar: palm faces the viewer, thumb on the viewer's right.
 * Dorsal: back of the hand faces the viewer, thumb on the viewer's left (the palmar silhouette mirrored).
 * The right-hand views are mirror images (shared/atlas/registry.ts).
 */
import { ViewBuilder, ellipsePts, smooth, spindle, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 520;
const H = 720;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

const OUTLINE: P[] = [
  [172, 716], [150, 630], [138, 520], [138, 440], [136, 380], [134, 300], [140, 228], [160, 206], [180, 222],
  [188, 300], [192, 392], [194, 300], [192, 170], [212, 140], [234, 150], [238, 300], [242, 384], [244, 300],
  [244, 130], [266, 106], [290, 126], [292, 300], [296, 386], [298, 300], [300, 166], [320, 142], [340, 158],
  [344, 300], [350, 410], [366, 452], [404, 426], [440, 388], [466, 364], [488, 376], [486, 402], [452, 452],
  [430, 516], [400, 590], [362, 656], [340, 716],
];
// Finger centre lines from the knuckle line to the tip (little, ring, middle, index) in the palmar view.
const FINGERS: [number, number, number][] = [[162, 392, 214], [214, 388, 146], [268, 388, 112], [320, 392, 148]];

export function handPalmarLeft(): AtlasView {
  const v = new ViewBuilder('hand_palmar_left', 'Left hand, palmar', W, H, 'left');
  v.outline(smooth(OUTLINE, true, 6));
  const L = 'left';
  const S = 'superficial';
  v.region('abductor_digiti_minimi_hand-left', 'abductor_digiti_minimi_hand', L, S,
    spindle([[162, 452], [160, 540], [176, 648]], [20, 32, 24]));
  v.region('opponens_pollicis-left', 'opponens_pollicis', L, S, spindle([[398, 522], [378, 584], [352, 652]], [18, 28, 20]));
  v.region('flexor_pollicis_brevis-left', 'flexor_pollicis_brevis', L, S, spindle([[372, 500], [350, 570], [326, 642]], [16, 28, 20]));
  v.region('adductor_pollicis-left', 'adductor_pollicis', L, S, spindle([[352, 452], [378, 464], [404, 470]], [12, 22, 12]));
  const lumbricalX = [334, 284, 234, 194];
  lumbricalX.forEach((x, i) => {
    v.region(`lumbrical_${i + 1}-left`, `lumbrical_${i + 1}`, L, S,
      spindle([[x + 2, 404], [x, 452], [x - 6, 508]], [10, 15, 8]));
  });
  // Palmar interossei lie on the middle-finger side of the index, ring and little metacarpals.
  const piX = [304, 250, 208];
  piX.forEach((x, i) => {
    v.region(`palmar_interosseous_${i + 1}-left`, `palmar_interosseous_${i + 1}`, L, 'deep',
      spindle([[x, 420], [x + (i === 0 ? -2 : 2), 480], [x + (i === 0 ? -6 : 6), 560]], [8, 14, 8]));
  });
  for (const [x, base, tip] of FINGERS) {
    for (const k of [0.33, 0.62, 0.84]) {
      const y = base + (tip - base) * k;
      v.detail([[x - 16, y], [x + 16, y]]);
    }
  }
  v.detail(smooth([[140, 430], [220, 420], [300, 400], [344, 396]], false));
  v.detail(smooth([[350, 440], [318, 520], [300, 600], [290, 690]], false));
  v.detail(smooth([[180, 700], [260, 704], [326, 700]], false));
  v.detail(smooth([[452, 402], [470, 396]], false));
  return v.build();
}

export function handDorsalLeft(): AtlasView {
  const v = new ViewBuilder('hand_dorsal_left', 'Left hand, dorsal', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), true, 6));
  const L = 'left';
  const S = 'superficial';
  // Metacarpal shafts (index, middle, ring, little) seen from the back, thumb on the viewer's left.
  const mc: [P, P][] = [[[198, 404], [214, 628]], [[252, 400], [246, 630]], [[306, 404], [278, 630]], [[356, 412], [306, 632]]];
  const mid = (a: P, b: P, w: number): P => [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w];
  v.region('dorsal_interosseous_1-left', 'dorsal_interosseous_1', L, S, smooth([
    [182, 420], [186, 500], [196, 580], [172, 560], [140, 520], [116, 468], [150, 456],
  ], true, 6));
  for (let i = 0; i < 3; i += 1) {
    const [a0, a1] = mc[i] ?? [[0, 0], [0, 0]];
    const [b0, b1] = mc[i + 1] ?? [[0, 0], [0, 0]];
    const top = mid(a0, b0, 0.5);
    const bottom = mid(a1, b1, 0.5);
    const centre = mid(mid(a0, a1, 0.45), mid(b0, b1, 0.45), 0.5);
    v.region(`dorsal_interosseous_${i + 2}-left`, `dorsal_interosseous_${i + 2}`, L, S,
      spindle([[top[0], top[1] + 14], centre, [bottom[0], bottom[1] - 40]], [10, 30, 8]));
  }
  v.region('abductor_digiti_minimi_hand-left', 'abductor_digiti_minimi_hand', L, S,
    spindle([[362, 452], [364, 540], [350, 636]], [18, 26, 18]));
  for (const [a, b] of mc) v.detail([a, b]);
  for (const [x, , tip] of FINGERS) {
    const cx = W - x;
    v.detail(smooth([[cx - 11, tip + 44], [cx - 12, tip + 14], [cx, tip + 8], [cx + 12, tip + 14], [cx + 11, tip + 44], [cx, tip + 48]], true, 4), true);
  }
  v.detail(ellipsePts(52, 390, 10, 16, 16, -0.9), true);
  v.detail(smooth([[180, 700], [260, 704], [326, 700]], false));
  return v.build();
}
