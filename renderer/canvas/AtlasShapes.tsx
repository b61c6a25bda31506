/**
 * Draws one atlas view in diagram units as a Konva Group (the caller owns the Stage, Layer and scale).
 * Nothing here listens to events: the charting canvas hit-tests with the pure shared/atlas hitTest.
 */
import { Group, Line, Text } from 'react-konva';
import type { AtlasRegion, AtlasView } from '../../shared/atlas/types.ts';
import { CANVAS_PALETTES, type CanvasPalette } from './palette.ts';

export type AtlasMode = 'clinical' | 'regions';

export interface AtlasShapesProps {
  view: AtlasView;
  showDeep: boolean;
  mode: AtlasMode;
  highlightMuscleId?: string | null;
  /** Only this region is highlighted (the lid and half a site is placed in), instead of every region of the muscle. */
  highlightRegionId?: string | null;
  showLabels?: boolean;
  /** The theme's colours (renderer/canvas/palette.ts); light when not given. */
  palette?: CanvasPalette;
}

/** A stable, well-spread colour per region for the "regions" mode (golden-angle hues). */
function regionColour(index: number, deep: boolean): string {
  const hue = Math.round((index * 137.508) % 360);
  return deep ? `hsla(${hue}, 55%, 45%, 0.55)` : `hsl(${hue}, 62%, 72%)`;
}

/** Conventional abbreviations clinicians use for long muscle names (whole-name matches first). */
const NAME_ABBREVIATIONS: Record<string, string> = {
  'flexor carpi radialis': 'FCR',
  'flexor carpi ulnaris': 'FCU',
  'flexor digitorum superficialis': 'FDS',
  'flexor digitorum profundus': 'FDP',
  'flexor pollicis longus': 'FPL',
  'flexor pollicis brevis': 'FPB',
  'extensor carpi radialis': 'ECR',
  'extensor carpi ulnaris': 'ECU',
  'extensor digitorum': 'ED',
  'extensor indicis': 'EI',
  'extensor hallucis longus': 'EHL',
  'flexor hallucis longus': 'FHL',
  'flexor digitorum longus': 'FDL',
  'flexor digitorum brevis': 'FDB',
  'abductor digiti minimi hand': 'ADM',
  'sternocleidomastoid': 'SCM',
  'levator labii superioris alaeque nasi': 'LLSAN',
  'levator labii superioris': 'LLS',
  'depressor anguli oris': 'DAO',
  'depressor labii inferioris': 'DLI',
  'obliquus capitis inferior': 'OCI',
  'submentalis complex': 'Submental',
  'cervical paraspinals': 'C-paraspinals',
  'palmar interosseous': 'PI',
  'dorsal interosseous': 'DI',
};

const WORD_ABBREVIATIONS: Record<string, string> = {
  pectoralis: 'Pect.', trapezius: 'Trap.', semispinalis: 'Semispin.', splenius: 'Splen.', longissimus: 'Longiss.',
  capitis: 'cap.', cervicis: 'cerv.', scapulae: 'scap.', gastrocnemius: 'Gastroc.', orbicularis: 'Orb.',
  oculi: 'oc.', zygomaticus: 'Zyg.', corrugator: 'Corrug.', supercilii: '', brachii: '', latissimus: 'Lat.',
  dorsi: 'dorsi', subscapularis: 'Subscap.', brachioradialis: 'Brachiorad.', pronator: 'Pron.', quadratus: 'quad.',
  interosseous: 'inteross.', lumbrical: 'Lumbr.', opponens: 'Opp.', pollicis: 'poll.', adductor: 'Add.',
  adductors: 'add.', tibialis: 'Tib.', anterior: 'ant.', posterior: 'post.', hamstrings: 'Hamstr.', vastus: 'Vastus',
  intermedius: 'interm.', lateralis: 'lat.', medialis: 'med.', iliopsoas: 'Iliopsoas', pterygoid: 'pteryg.',
  scalene: 'Scalene', digastric: 'Digastric', platysma: 'Platysma', temporalis: 'Temporalis', occipitalis: 'Occipitalis',
  triceps: 'Triceps', biceps: 'Biceps', palmar: 'Palmar', dorsal: 'Dorsal', rectus: 'Rect.', femoris: 'fem.',
  erector: 'Erector', spinae: 'spinae', levator: 'Lev.', longus: 'long.', colli: 'colli', major: 'maj.', minor: 'min.',
  medial: 'med.', lateral: 'lat.', upper: 'upper', middle: 'mid.', psoas: 'Psoas', teres: 'Teres',
};

const PART_ABBREVIATIONS: Record<string, string> = {
  sternal: 'stern.', clavicular: 'clav.', lateral: 'lat.', medial: 'med.', anterior: 'ant.', posterior: 'post.',
  superficial: 'sup.', deep: 'deep', upper: 'upper', lower: 'lower',
};

/** Length of the run of `axis` ('x' or 'y') through (x, y) that stays inside the polygon. */
function spanAt(poly: readonly number[], x: number, y: number, axis: 'x' | 'y'): number {
  const hits: number[] = [];
  const n = poly.length / 2;
  for (let i = 0; i < n; i += 1) {
    const j = (i + 1) % n;
    const ax = poly[2 * i] ?? 0;
    const ay = poly[2 * i + 1] ?? 0;
    const bx = poly[2 * j] ?? 0;
    const by = poly[2 * j + 1] ?? 0;
    if (axis === 'x' ? (ay > y) !== (by > y) : (ax > x) !== (bx > x)) {
      hits.push(axis === 'x' ? ax + ((y - ay) * (bx - ax)) / (by - ay) : ay + ((x - ax) * (by - ay)) / (bx - ax));
    }
  }
  const c = axis === 'x' ? x : y;
  const before = Math.max(-Infinity, ...hits.filter((h) => h <= c));
  const after = Math.min(Infinity, ...hits.filter((h) => h > c));
  return Number.isFinite(before) && Number.isFinite(after) ? after - before : 0;
}

interface LabelLayout {
  fontSize: number;
  vertical: boolean;
}

/** Fits a label inside its region: shrinks it, or turns it upright along tall narrow muscles. */
export function layoutLabel(region: AtlasRegion, text: string, base: number): LabelLayout {
  const estimate = (size: number): number => text.length * size * 0.56;
  const across = spanAt(region.polygon, region.label.x, region.label.y, 'x') * 0.92;
  const along = spanAt(region.polygon, region.label.x, region.label.y, 'y') * 0.92;
  const min = Math.max(7, base * 0.55);
  const fits = (span: number): number => Math.min(base, (base * span) / Math.max(1, estimate(base)), Math.max(min, span * 0.9));
  const flat = Math.max(min, fits(across));
  const upright = Math.max(min, Math.min(fits(along), across * 0.85));
  // Upright when that gives a clearly bigger label, or when the flat one would spill far out of a narrow column.
  const spill = (size: number, span: number): number => estimate(size) / Math.max(1, span);
  const vertical = along > across * 1.4 && (upright > flat * 1.15 || spill(upright, along) < spill(flat, across) * 0.6);
  return { fontSize: vertical ? upright : flat, vertical };
}

/** Region name with the part in brackets, e.g. "sternocleidomastoid (sternal)". */
export function labelText(region: AtlasRegion): string {
  const name = region.muscleId.replace(/_/g, ' ');
  const part = region.id.split('-').slice(1, -1).join(' ');
  return part ? `${name} (${part})` : name;
}

/** A compact label for drawing inside small regions: "FCR", "SCM stern.", "Lumbr. 2", "Trap. upper". */
export function shortLabel(region: AtlasRegion): string {
  const words = region.muscleId.split('_');
  const number = /^\d+$/.test(words[words.length - 1] ?? '') ? words.pop() : undefined;
  const name = words.join(' ');
  let text = NAME_ABBREVIATIONS[name];
  if (text === undefined) {
    text = words
      .map((w) => WORD_ABBREVIATIONS[w] ?? w)
      .filter((w) => w !== '')
      .join(' ');
    text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  if (number !== undefined) text = `${text} ${number}`;
  const part = region.id
    .split('-')
    .slice(1, -1)
    .map((p) => PART_ABBREVIATIONS[p] ?? p)
    .join(' ');
  return part ? `${text} ${part}` : text;
}

export function AtlasShapes({ view, showDeep, mode, highlightMuscleId = null, highlightRegionId = null, showLabels = false, palette = CANVAS_PALETTES.light }: AtlasShapesProps) {
  const outlines = view.strokes.filter((s) => s.kind === 'outline');
  const details = view.strokes.filter((s) => s.kind === 'detail');
  const superficial = view.regions.filter((r) => r.layer === 'superficial');
  const deep = showDeep ? view.regions.filter((r) => r.layer === 'deep') : [];
  const indexOf = new Map(view.regions.map((r, i) => [r.id, i]));
  const labelled = showLabels || mode === 'regions';
  // Labels scale with the drawing, so they stay legible whatever size the view is rendered at.
  const fontSize = Math.max(9, Math.round(view.width / 42));

  const regionShape = (r: AtlasRegion) => {
    const isDeep = r.layer === 'deep';
    const highlighted = highlightRegionId !== null ? r.id === highlightRegionId : highlightMuscleId !== null && r.muscleId === highlightMuscleId;
    const fill =
      mode === 'regions'
        ? regionColour(indexOf.get(r.id) ?? 0, isDeep)
        : isDeep
          ? palette.deepFill
          : highlighted
            ? palette.highlightFill
            : palette.muscleFill;
    return (
      <Line
        key={r.id}
        points={[...r.polygon]}
        closed
        fill={fill}
        opacity={mode === 'clinical' && !isDeep ? palette.muscleOpacity : 1}
        stroke={highlighted ? palette.highlight : isDeep ? palette.deepEdge : palette.muscleEdge}
        strokeWidth={highlighted ? 2 : isDeep ? 1.1 : 0.7}
        dash={isDeep ? [5, 3] : undefined}
        lineJoin="round"
        listening={false}
        perfectDrawEnabled={false}
      />
    );
  };

  return (
    <Group listening={false}>
      {outlines.map((s, i) => (
        <Line
          key={`outline-${i}`}
          points={[...s.points]}
          closed={s.closed}
          fill={s.closed ? palette.skin : undefined}
          stroke={palette.skinEdge}
          strokeWidth={1.6}
          lineJoin="round"
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      {superficial.map(regionShape)}
      {details.map((s, i) => (
        <Line
          key={`detail-${i}`}
          points={[...s.points]}
          closed={s.closed}
          stroke={palette.detail}
          strokeWidth={1.2}
          lineCap="round"
          lineJoin="round"
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      {deep.map(regionShape)}
      {labelled &&
        [...superficial, ...deep].map((r) => {
          const text = mode === 'regions' ? shortLabel(r) : labelText(r);
          const { fontSize: size, vertical } = layoutLabel(r, text, fontSize);
          const boxWidth = size * 16;
          return (
            <Text
              key={`label-${r.id}`}
              x={r.label.x}
              y={r.label.y}
              offsetX={boxWidth / 2}
              offsetY={size / 2}
              rotation={vertical ? -90 : 0}
              width={boxWidth}
              align="center"
              wrap="none"
              text={text}
              fontSize={size}
              fontStyle={r.layer === 'deep' ? 'italic bold' : 'bold'}
              fill={r.layer === 'deep' ? palette.labelDeepInk : palette.labelInk}
              stroke={palette.labelHalo}
              strokeWidth={size / 4}
              fillAfterStrokeEnabled
              lineJoin="round"
              listening={false}
              perfectDrawEnabled={false}
            />
          );
        })}
    </Group>
  );
}
