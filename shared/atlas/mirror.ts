/**
 * Left/right views are one drawing and its mirror image, never two drawings, so the two sides can
 * never drift apart. The mirror is a pure function of the source view.
 */
import type { AtlasRegion, AtlasStroke, AtlasView, FlatPolygon, Side } from './types.ts';

export function mirrorSide(side: Side): Side {
  if (side === 'left') return 'right';
  if (side === 'right') return 'left';
  return 'midline';
}

/** Swaps whole `left`/`right` tokens in an id ("frontalis-left" -> "frontalis-right", "head_lateral_left" -> "head_lateral_right"). */
export function mirrorId(id: string): string {
  return id.replace(/(^|[-_])(left|right)(?=$|[-_])/g, (_m, sep: string, word: string) =>
    sep + (word === 'left' ? 'right' : 'left'),
  );
}

/** x' = width - x, with the point order reversed so the polygon keeps its winding direction. */
export function mirrorPolygon(points: FlatPolygon, width: number): number[] {
  const out: number[] = new Array<number>(points.length);
  const n = points.length / 2;
  for (let i = 0; i < n; i += 1) {
    const x = points[2 * i] ?? 0;
    const y = points[2 * i + 1] ?? 0;
    const j = n - 1 - i;
    out[2 * j] = width - x;
    out[2 * j + 1] = y;
  }
  return out;
}

export function mirrorRegion(region: AtlasRegion, width: number): AtlasRegion {
  return {
    id: mirrorId(region.id),
    muscleId: region.muscleId,
    side: mirrorSide(region.side),
    layer: region.layer,
    polygon: mirrorPolygon(region.polygon, width),
    label: { x: width - region.label.x, y: region.label.y },
  };
}

export function mirrorStroke(stroke: AtlasStroke, width: number): AtlasStroke {
  return { points: mirrorPolygon(stroke.points, width), closed: stroke.closed, kind: stroke.kind };
}

export interface MirrorTarget {
  id: string;
  title: string;
}

export function mirrorView(source: AtlasView, target: MirrorTarget): AtlasView {
  const side = source.side === null ? null : source.side === 'left' ? 'right' : 'left';
  return {
    id: target.id,
    version: source.version,
    title: target.title,
    width: source.width,
    height: source.height,
    side,
    strokes: source.strokes.map((s) => mirrorStroke(s, source.width)),
    regions: source.regions.map((r) => mirrorRegion(r, source.width)),
  };
}
