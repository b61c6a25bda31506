import { Circle, Layer, Text } from 'react-konva';
import type { Point } from '../../shared/atlas/types.ts';
import type { Viewport } from './viewport.ts';

export interface GhostSite extends Point {
  id: string;
  units: number;
}

/**
 * An earlier session's sites drawn faded under the current ones, for reference while charting: hollow,
 * dashed and half transparent so they never read as this session's doses, and deaf to every pointer.
 */
export function GhostLayer({ sites, vp, radiusPx, colour, halo }: { sites: readonly GhostSite[]; vp: Viewport; radiusPx: number; colour: string; halo: string }) {
  if (sites.length === 0) return null;
  const r = radiusPx / vp.scale;
  return (
    <Layer listening={false} x={vp.offsetX} y={vp.offsetY} scaleX={vp.scale} scaleY={vp.scale} opacity={0.75}>
      {sites.map((s) => [
        <Circle
          key={s.id}
          x={s.x}
          y={s.y}
          radius={r}
          stroke={colour}
          strokeWidth={3 / vp.scale}
          dash={[4 / vp.scale, 3 / vp.scale]}
          fill={halo}
          opacity={0.9}
          listening={false}
          perfectDrawEnabled={false}
        />,
        <Text
          key={`${s.id}-u`}
          x={s.x - r * 2.6}
          y={s.y + r * 1.15}
          width={r * 5.2}
          align="center"
          text={String(s.units)}
          fontSize={11 / vp.scale}
          fontStyle="italic"
          fill={colour}
          listening={false}
          perfectDrawEnabled={false}
        />,
      ])}
    </Layer>
  );
}
