/**
 * Draws one atlas view in diagram units as a Konva Group (the caller owns the Stage, Layer and scale).
 * Nothing here listens to events: the charting canvas hit-tests with the pure shared/atlas hitTest.
 */
import { Group, Line, Text } from 'react-konva';
import type { AtlasRegion, AtlasView } from '../../shared/atlas/types.ts';

export type AtlasMode = 'clinical' | 'regions';

export interface AtlasShapesProps {
  view: AtlasView;
  showDeep: boolean;
  mode: AtlasMode;
  highlightMuscleId?: string | null;
  showLabels?: boolean;
}

const SKIN = '#f6e3d4';
const SKIN_EDGE = '#8a6a55';
const DETAIL = '#5a4438';
const MUSCLE_FILL = '#e9b7ad';
const MUSCLE_EDGE = '#9c4f45';
const DEEP_EDGE = '#44608a';
const HIGHLIGHT = '#f0a500';

/** A stable, well-spread colour per region for the "regions" mode (golden-angle hues). */
function regionColour(index: number, deep: boolean): string {
  const hue = Math.round((index * 137.508) % 360);
  return deep ? `hsla(${hue}, 55%, 45%, 0.55)` : `hsl(${hue}, 62%, 72%)`;
}

function labelText(region: AtlasRegion): string {
  const name = region.muscleId.replace(/_/g, ' ');
  const part = region.id.split('-').slice(1, -1).join(' ');
  return part ? `${name} (${part})` : name;
}

export function AtlasShapes({ view, showDeep, mode, highlightMuscleId = null, showLabels = false }: AtlasShapesProps) {
  const outlines = view.strokes.filter((s) => s.kind === 'outline');
  const details = view.strokes.filter((s) => s.kind === 'detail');
  const superficial = view.regions.filter((r) => r.layer === 'superficial');
  const deep = showDeep ? view.regions.filter((r) => r.layer === 'deep') : [];
  const indexOf = new Map(view.regions.map((r, i) => [r.id, i]));
  const labelled = showLabels || mode === 'regions';
  const fontSize = Math.max(7, Math.round(view.width / 60));

  const regionShape = (r: AtlasRegion) => {
    const isDeep = r.layer === 'deep';
    const highlighted = highlightMuscleId !== null && r.muscleId === highlightMuscleId;
    const fill =
      mode === 'regions'
        ? regionColour(indexOf.get(r.id) ?? 0, isDeep)
        : isDeep
          ? 'rgba(68, 96, 138, 0.16)'
          : highlighted
            ? 'rgba(240, 165, 0, 0.45)'
            : MUSCLE_FILL;
    return (
      <Line
        key={r.id}
        points={[...r.polygon]}
        closed
        fill={fill}
        opacity={mode === 'clinical' && !isDeep ? 0.72 : 1}
        stroke={highlighted ? HIGHLIGHT : isDeep ? DEEP_EDGE : MUSCLE_EDGE}
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
          fill={s.closed ? SKIN : undefined}
          stroke={SKIN_EDGE}
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
          stroke={DETAIL}
          strokeWidth={1.2}
          lineCap="round"
          lineJoin="round"
          listening={false}
          perfectDrawEnabled={false}
        />
      ))}
      {deep.map(regionShape)}
      {labelled &&
        [...superficial, ...deep].map((r) => (
          <Text
            key={`label-${r.id}`}
            x={r.label.x - 60}
            y={r.label.y - fontSize / 2}
            width={120}
            align="center"
            text={labelText(r)}
            fontSize={fontSize}
            fill="#1b1b1b"
            listening={false}
            perfectDrawEnabled={false}
          />
        ))}
    </Group>
  );
}
