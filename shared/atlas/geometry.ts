/** Pure polygon geometry on flat [x0, y0, x1, y1, ...] lists. No renderer involved. */
import type { AtlasRegion, FlatPolygon, Point } from './types.ts';

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function px(poly: FlatPolygon, i: number): number {
  return poly[2 * i] ?? 0;
}
function py(poly: FlatPolygon, i: number): number {
  return poly[2 * i + 1] ?? 0;
}

export function vertexCount(poly: FlatPolygon): number {
  return Math.floor(poly.length / 2);
}

export function polygonBBox(poly: FlatPolygon): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const n = vertexCount(poly);
  for (let i = 0; i < n; i += 1) {
    const x = px(poly, i);
    const y = py(poly, i);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Even-odd crossing test; a closed polygon is implied (last vertex joins the first). */
export function pointInPolygon(poly: FlatPolygon, x: number, y: number): boolean {
  const n = vertexCount(poly);
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const xi = px(poly, i);
    const yi = py(poly, i);
    const xj = px(poly, j);
    const yj = py(poly, j);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistanceSq(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  let t = len === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / len;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const ex = ax + t * dx - x;
  const ey = ay + t * dy - y;
  return ex * ex + ey * ey;
}

/** Distance from a point to the polygon's boundary. */
export function distanceToPolygonEdge(poly: FlatPolygon, x: number, y: number): number {
  const n = vertexCount(poly);
  let best = Infinity;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const d = segmentDistanceSq(x, y, px(poly, j), py(poly, j), px(poly, i), py(poly, i));
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}

/** Signed area (shoelace); positive when the vertices run clockwise on screen (y down). */
export function signedArea(poly: FlatPolygon): number {
  const n = vertexCount(poly);
  let a = 0;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) a += px(poly, j) * py(poly, i) - px(poly, i) * py(poly, j);
  return a / 2;
}

/** Area centroid of a simple polygon (falls back to the vertex mean for a degenerate one). */
export function polygonCentroid(poly: FlatPolygon): Point {
  const n = vertexCount(poly);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = n - 1; i < n; j = i, i += 1) {
    const cross = px(poly, j) * py(poly, i) - px(poly, i) * py(poly, j);
    a += cross;
    cx += (px(poly, j) + px(poly, i)) * cross;
    cy += (py(poly, j) + py(poly, i)) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < n; i += 1) {
      sx += px(poly, i);
      sy += py(poly, i);
    }
    return { x: sx / Math.max(n, 1), y: sy / Math.max(n, 1) };
  }
  return { x: cx / (3 * a), y: cy / (3 * a) };
}

export function regionCentroid(region: AtlasRegion): Point {
  return polygonCentroid(region.polygon);
}

function segmentsCross(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** True when no two non-adjacent edges cross and no vertex repeats (O(n²); meant for tests and tools). */
export function isSimplePolygon(poly: FlatPolygon): boolean {
  const n = vertexCount(poly);
  if (n < 3) return false;
  const seen = new Set<string>();
  for (let i = 0; i < n; i += 1) {
    const key = `${px(poly, i)},${py(poly, i)}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  for (let i = 0; i < n; i += 1) {
    const i2 = (i + 1) % n;
    for (let j = i + 1; j < n; j += 1) {
      const j2 = (j + 1) % n;
      if (j === i2 || j2 === i) continue;
      if (segmentsCross(px(poly, i), py(poly, i), px(poly, i2), py(poly, i2),
        px(poly, j), py(poly, j), px(poly, j2), py(poly, j2))) return false;
    }
  }
  return true;
}
