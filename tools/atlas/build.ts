/**
 * Writes the atlas drawings to resources/diagrams/<id>.v<version>.json and reports drawing problems.
 * Usage: npx tsx tools/atlas/build.ts [viewId...]
 * A drawing that has shipped is never rewritten: bump its version and add a new file beside it.
 */
import { writeFileSync } from 'node:fs';
import { eyeDetail } from './views/eye.ts';
import { faceFront } from './views/face.ts';
import { headLateralLeft } from './views/head-lateral.ts';
import { headNeckPosterior } from './views/posterior.ts';
import { jawLateralLeft, neckAnterior } from './views/neck-jaw.ts';
import { upperLimbAnteriorLeft, upperLimbPosteriorLeft } from './views/upper-limb.ts';
import { handDorsalLeft, handPalmarLeft } from './views/hand.ts';
import { footPlantarLeft, lowerLimbAnteriorLeft, lowerLimbPosteriorLeft } from './views/lower-limb.ts';
import { validate } from './validate.ts';
import type { AtlasView } from '../../shared/atlas/types.ts';

const DRAWINGS: Record<string, () => AtlasView> = {
  face_front: faceFront,
  eye_detail: eyeDetail,
  head_lateral_left: headLateralLeft,
  head_neck_posterior: headNeckPosterior,
  neck_anterior: neckAnterior,
  jaw_lateral_left: jawLateralLeft,
  upper_limb_anterior_left: upperLimbAnteriorLeft,
  upper_limb_posterior_left: upperLimbPosteriorLeft,
  hand_palmar_left: handPalmarLeft,
  hand_dorsal_left: handDorsalLeft,
  lower_limb_anterior_left: lowerLimbAnteriorLeft,
  lower_limb_posterior_left: lowerLimbPosteriorLeft,
  foot_plantar_left: footPlantarLeft,
};

const wanted = process.argv.slice(2);
let bad = 0;
for (const [id, draw] of Object.entries(DRAWINGS)) {
  if (wanted.length > 0 && !wanted.includes(id)) continue;
  const view = draw();
  const problems = validate(view);
  const file = `resources/diagrams/${view.id}.v${view.version}.json`;
  writeFileSync(file, JSON.stringify(view) + '\n');
  console.log(`${file}: ${view.regions.length} regions, ${view.strokes.length} strokes`);
  for (const p of problems) console.log(`  ! ${p}`);
  bad += problems.length;
}
process.exitCode = bad > 0 ? 1 : 0;
