/**
 * LEFT hand, fingers up. Palmar: palm faces the viewer, thumb on the viewer's right.
 * Dorsal: back of the hand faces the viewer, thumb on the viewer's left (the palmar silhouette mirrored).
 * The right-hand views are mirror images (shared/atlas/registry.ts).
 */
import { ViewBuilder, smooth, spindle, type P } from '../lib.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';

const W = 520;
const H = 760;
const mx = (pts: readonly P[]): P[] => pts.map(([x, y]) => [W - x, y] as P);

const OUTLINE: P[] = [
  [192, 756], [174, 700], [156, 640], [144, 560], [142, 480], [146, 420],
  [144, 330], [148, 262], [160, 234], [176, 228], [190, 238], [196, 300], [199, 398],
  [201, 300], [202, 182], [212, 156], [226, 150], [240, 158], [248, 190], [250, 300], [252, 392],
  [254, 300], [254, 152], [264, 124], [278, 118], [292, 126], [302, 152], [302, 300], [305, 394],
  [307, 300], [308, 182], [318, 158], [332, 152], [346, 160], [354, 190], [356, 300], [359, 408],
  [366, 438], [380, 448], [396, 426], [412, 396], [428, 366], [442, 342], [458, 332], [474, 342], [478, 366],
  [470, 410], [462, 458], [454, 512], [440, 572], [418, 636], [392, 694], [366, 734], [346, 756],
];
// Finger centre lines at the knuckles (little, ring, middle, index) and where each flexor tendon enters the palm.
const BASE_X = [173, 225, 278, 331];
const WRIST_X = [238, 255, 272, 290];
const TIPS = [228, 150, 118, 152];
const tendonX = (i: number, y: number): number => (BASE_X[i] ?? 0) + ((WRIST_X[i] ?? 0) - (BASE_X[i] ?? 0)) * ((y - 410) / 290);

export function handPalmarLeft(): AtlasView {
  const v = new ViewBuilder('hand_palmar_left', 'Left hand, palmar', W, H, 'left');
  v.outline(smooth(OUTLINE, true, 6));
  const L = 'left';
  const S = 'superficial';
  v.region('abductor_digiti_minimi_hand-left', 'abductor_digiti_minimi_hand', L, S, smooth([
    [152, 448], [172, 440], [184, 470], [198, 540], [208, 620], [212, 690], [196, 718], [174, 690], [156, 620], [148, 540],
  ], true, 6));
  v.region('flexor_pollicis_brevis-left', 'flexor_pollicis_brevis', L, S, smooth([
    [312, 704], [304, 650], [318, 590], [350, 536], [388, 500], [408, 504], [396, 560], [370, 630], [346, 700],
  ], true, 6));
  v.region('opponens_pollicis-left', 'opponens_pollicis', L, S, smooth([
    [352, 708], [378, 640], [402, 566], [416, 510], [438, 502], [434, 556], [414, 620], [392, 684], [366, 722],
  ], true, 6));
  v.region('adductor_pollicis-left', 'adductor_pollicis', L, S, smooth([
    [352, 500], [366, 472], [390, 458], [420, 452], [430, 470], [406, 488], [376, 504], [352, 530],
  ], true, 6));
  // Lumbricals arise from the profundus tendons in mid-palm and run to the radial side of each finger.
  // lumbrical_1 is the index finger's (i = 3 in the little -> index arrays).
  for (let k = 1; k <= 4; k += 1) {
    const i = 4 - k;
    const top = 424;
    const bottom = k === 1 ? 540 : 580;
    const off = 15;
    v.region(`lumbrical_${k}-left`, `lumbrical_${k}`, L, S, spindle([
      [tendonX(i, top) + off, top], [tendonX(i, (top + bottom) / 2) + off + 1, (top + bottom) / 2], [tendonX(i, bottom) + off - 2, bottom],
    ], [16, 26, 12]));
  }
  // Palmar interossei lie on the middle-finger side of the index, ring and little metacarpals (deep).
  const piX: [number, number][] = [[312, 298], [244, 254], [194, 226]];
  piX.forEach(([x0, x1], i) => {
    v.region(`palmar_interosseous_${i + 1}-left`, `palmar_interosseous_${i + 1}`, L, 'deep',
      spindle([[x0, 430], [(x0 + x1) / 2, 520], [x1, 610]], [12, 22, 10]));
  });
  // Landmarks: flexor tendons, palmar and wrist creases, finger flexion creases.
  for (let i = 0; i < 4; i += 1) v.detail([[tendonX(i, 416), 416], [tendonX(i, 620), 620]]);
  BASE_X.forEach((x, i) => {
    const tip = TIPS[i] ?? 0;
    for (const k of [0.3, 0.6, 0.82]) {
      const y = 400 + (tip - 400) * k;
      v.detail(smooth([[x - 18, y + 2], [x, y - 1], [x + 18, y + 2]], false));
    }
  });
  v.detail(smooth([[150, 470], [200, 462], [260, 440], [300, 428]], false));
  v.detail(smooth([[200, 520], [260, 500], [320, 470], [362, 448]], false));
  v.detail(smooth([[366, 470], [336, 540], [318, 620], [300, 700]], false));
  v.detail(smooth([[192, 726], [260, 734], [350, 724]], false));
  v.detail(smooth([[186, 744], [260, 752], [352, 742]], false));
  return v.build();
}

export function handDorsalLeft(): AtlasView {
  const v = new ViewBuilder('hand_dorsal_left', 'Left hand, dorsal', W, H, 'left');
  v.outline(smooth(mx(OUTLINE), true, 6));
  const L = 'left';
  const S = 'superficial';
  // Metacarpal shafts (index, middle, ring, little) seen from the back, thumb on the viewer's left.
  const mc: [P, P][] = [3, 2, 1, 0].map((i) => [[W - (BASE_X[i] ?? 0), 424], [W - (WRIST_X[i] ?? 0), 660]] as [P, P]);
  const lerp = (a: P, b: P, w: number): P => [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w];
  v.region('dorsal_interosseous_1-left', 'dorsal_interosseous_1', L, S, smooth([
    [176, 440], [182, 520], [204, 606], [178, 600], [140, 548], [106, 488], [118, 462], [150, 452],
  ], true, 6));
  for (let i = 0; i < 3; i += 1) {
    const [a0, a1] = mc[i] ?? [[0, 0], [0, 0]];
    const [b0, b1] = mc[i + 1] ?? [[0, 0], [0, 0]];
    const line: P[] = [0.04, 0.4, 0.82].map((w) => lerp(lerp(a0, a1, w), lerp(b0, b1, w), 0.5));
    const gap = (w: number): number => Math.hypot(...([0, 1].map((k) => lerp(a0, a1, w)[k]! - lerp(b0, b1, w)[k]!) as [number, number]));
    v.region(`dorsal_interosseous_${i + 2}-left`, `dorsal_interosseous_${i + 2}`, L, S, spindle(line, [gap(0.04) * 0.55, gap(0.4) * 0.7, gap(0.82) * 0.5]));
  }
  v.region('abductor_digiti_minimi_hand-left', 'abductor_digiti_minimi_hand', L, S, smooth([
    [346, 458], [360, 448], [366, 500], [366, 580], [358, 660], [342, 700], [332, 640], [334, 540],
  ], true, 6));
  for (const [a, b] of mc) v.detail([a, b]);
  BASE_X.forEach((x, i) => {
    const cx = W - x;
    const tip = TIPS[i] ?? 0;
    v.detail(smooth([[cx - 12, tip + 46], [cx - 13, tip + 16], [cx, tip + 9], [cx + 13, tip + 16], [cx + 12, tip + 46], [cx, tip + 50]], true, 4), true);
    v.detail(smooth([[cx - 12, 404], [cx, 398], [cx + 12, 404]], false));
  });
  const thumbNail: P[] = [[W - 448, 346], [W - 466, 352], [W - 468, 376], [W - 452, 384], [W - 440, 368]];
  v.detail(smooth(thumbNail, true, 4), true);
  v.detail(smooth([[180, 740], [260, 748], [334, 740]], false));
  return v.build();
}
