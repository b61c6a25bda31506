import type { AtlasView, Layer } from '../../shared/atlas/types.ts';
import { isSimplePolygon, pointInPolygon } from '../../shared/atlas/geometry.ts';

/** Problems a reviewer would reject: self-intersections, out-of-bounds points, overlaps within a layer. */
export function validate(view: AtlasView, step = 2): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of view.regions) {
    if (ids.has(r.id)) problems.push(`${r.id}: duplicate id`);
    ids.add(r.id);
    if (!isSimplePolygon(r.polygon)) problems.push(`${r.id}: not simple`);
    for (let i = 0; i < r.polygon.length; i += 2) {
      const x = r.polygon[i] ?? 0;
      const y = r.polygon[i + 1] ?? 0;
      if (x < 0 || y < 0 || x > view.width || y > view.height) {
        problems.push(`${r.id}: point out of bounds ${x},${y}`);
        break;
      }
    }
  }
  const outlines = view.strokes.filter((s) => s.kind === 'outline');
  const overlaps = new Map<string, number>();
  const outside = new Map<string, number>();
  for (let y = 0.37; y < view.height; y += step) {
    for (let x = 0.53; x < view.width; x += step) {
      const hits: Record<Layer, string[]> = { superficial: [], deep: [] };
      for (const r of view.regions) if (pointInPolygon(r.polygon, x, y)) hits[r.layer].push(r.id);
      for (const list of Object.values(hits)) {
        if (list.length > 1) {
          const key = list.sort().join(' & ');
          overlaps.set(key, (overlaps.get(key) ?? 0) + 1);
        }
        for (const id of list) {
          if (!outlines.some((o) => pointInPolygon(o.points, x, y))) outside.set(id, (outside.get(id) ?? 0) + 1);
        }
      }
    }
  }
  for (const [k, c] of overlaps) problems.push(`overlap ${k}: ${c} samples`);
  for (const [k, c] of outside) problems.push(`outside outline ${k}: ${c} samples`);
  return problems;
}
