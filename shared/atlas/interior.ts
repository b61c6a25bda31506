import { polygonBBox } from './geometry.ts';
import type { AtlasRegion, Point } from './types.ts';

/** The point of the region at fraction t along its longer axis, halfway across it there. */
export function pointAlong(region: AtlasRegion, t: number, axis?: 'x' | 'y'): Point {
  const box = polygonBBox(region.polygon);
  const along = axis ?? (box.maxX - box.minX >= box.maxY - box.minY ? 'x' : 'y');
  const at = along === 'x' ? box.minX + t * (box.maxX - box.minX) : box.minY + t * (box.maxY - box.minY);
  const crossings: number[] = [];
  const p = region.polygon;
  const n = p.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const [ax, ay, bx, by] = [p[2 * i] ?? 0, p[2 * i + 1] ?? 0, p[2 * j] ?? 0, p[2 * j + 1] ?? 0];
    const [a, b, ca, cb] = along === 'x' ? [ax, bx, ay, by] : [ay, by, ax, bx];
    if ((a <= at && b > at) || (b <= at && a > at)) crossings.push(ca + ((at - a) / (b - a)) * (cb - ca));
  }
  crossings.sort((u, v) => u - v);
  const lo = crossings[0];
  const hi = crossings[1];
  if (lo === undefined || hi === undefined) throw new Error(`pointAlong: ${region.id} has no cross-section at ${at}`);
  const mid = (lo + hi) / 2;
  const point = along === 'x' ? { x: at, y: mid } : { x: mid, y: at };
  return { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 };
}

/** n points evenly spread along the region (inside it), e.g. 4 temporalis sites. */
export function spreadInRegion(region: AtlasRegion, n: number): Point[] {
  return Array.from({ length: n }, (_, i) => pointAlong(region, (i + 1) / (n + 1)));
}
