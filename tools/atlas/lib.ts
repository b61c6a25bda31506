/**
 * Drawing helpers for the atlas generator: smooth curves, shared-edge region tiling, spindle-shaped
 * muscles. Run by tools/atlas/build.ts; the app only ever loads the JSON it writes.
 */
import type { AtlasRegion, AtlasStroke, AtlasView, Layer, Side } from '../../shared/atlas/types.ts';
import { distanceToPolygonEdge, pointInPolygon } from '../../shared/atlas/geometry.ts';

export type P = readonly [number, number];

export function at<T>(list: readonly T[], i: number): T {
  const v = list[((i % list.length) + list.length) % list.length];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}

/** Centripetal Catmull-Rom segment from p1 to p2 (no overshoot loops), `n` points excluding p2. */
function crSegment(p0: P, p1: P, p2: P, p3: P, n: number): P[] {
  const tj = (ti: number, a: P, b: P): number => ti + Math.max(Math.hypot(b[0] - a[0], b[1] - a[1]), 1e-6) ** 0.5;
  const t0 = 0;
  const t1 = tj(t0, p0, p1);
  const t2 = tj(t1, p1, p2);
  const t3 = tj(t2, p2, p3);
  const out: P[] = [];
  for (let k = 0; k < n; k += 1) {
    const t = t1 + ((t2 - t1) * k) / n;
    const lerp = (a: P, b: P, ta: number, tb: number): P => {
      const w = (t - ta) / (tb - ta);
      return [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w];
    };
    const a1 = lerp(p0, p1, t0, t1);
    const a2 = lerp(p1, p2, t1, t2);
    const a3 = lerp(p2, p3, t2, t3);
    const b1 = lerp(a1, a2, t0, t2);
    const b2 = lerp(a2, a3, t1, t3);
    out.push(lerp(b1, b2, t1, t2));
  }
  return out;
}

/** Samples a smooth curve through every control point. Open curves end exactly on their last point. */
export function smooth(ctrl: readonly P[], closed: boolean, perSpan = 8): P[] {
  const n = ctrl.length;
  if (n < 2) return [...ctrl];
  const out: P[] = [];
  const spans = closed ? n : n - 1;
  for (let i = 0; i < spans; i += 1) {
    const p1 = at(ctrl, i);
    const p2 = at(ctrl, i + 1);
    const p0 = closed || i > 0 ? at(ctrl, i - 1) : ([2 * p1[0] - p2[0], 2 * p1[1] - p2[1]] as P);
    const p3 = closed || i + 2 < n ? at(ctrl, i + 2) : ([2 * p2[0] - p1[0], 2 * p2[1] - p1[1]] as P);
    const steps = Math.max(1, Math.round(perSpan * Math.min(3, Math.max(0.5, Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) / 40))));
    out.push(...crSegment(p0, p1, p2, p3, steps));
  }
  if (!closed) out.push(at(ctrl, n - 1));
  return out;
}

export function ellipsePts(cx: number, cy: number, rx: number, ry: number, n = 48, rot = 0): P[] {
  const out: P[] = [];
  const c = Math.cos(rot);
  const s = Math.sin(rot);
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    const x = rx * Math.cos(a);
    const y = ry * Math.sin(a);
    out.push([cx + x * c - y * s, cy + x * s + y * c]);
  }
  return out;
}

/** A muscle belly along a smooth centreline, with a width at each control point (tapering ends look natural). */
export function spindle(center: readonly P[], widths: readonly number[], perSpan = 8): P[] {
  const line = smooth(center, false, perSpan);
  const total = line.length;
  // Width along the sampled line, interpolated from the control widths by arc position.
  const left: P[] = [];
  const right: P[] = [];
  for (let i = 0; i < total; i += 1) {
    const p = at(line, i);
    const prev = at(line, Math.max(0, i - 1));
    const next = at(line, Math.min(total - 1, i + 1));
    let dx = next[0] - prev[0];
    let dy = next[1] - prev[1];
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const f = (i / (total - 1)) * (widths.length - 1);
    const k = Math.min(widths.length - 2, Math.floor(f));
    const w0 = at(widths, k);
    const w1 = at(widths, k + 1);
    const u = f - k;
    const w = (w0 + (w1 - w0) * (0.5 - 0.5 * Math.cos(Math.PI * u))) / 2;
    left.push([p[0] - dy * w, p[1] + dx * w]);
    right.push([p[0] + dy * w, p[1] - dx * w]);
  }
  return [...left, ...right.reverse()];
}

export type RadiusFn = (theta: number) => number;

/** A band between two closed radial curves around `c`, from angle a0 to a1 (radians, y down). */
export function radialBand(c: P, inner: RadiusFn, outer: RadiusFn, a0: number, a1: number, n = 24): P[] {
  const out: P[] = [];
  for (let i = 0; i <= n; i += 1) {
    const a = a0 + ((a1 - a0) * i) / n;
    const r = outer(a);
    out.push([c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
  }
  for (let i = n; i >= 0; i -= 1) {
    const a = a0 + ((a1 - a0) * i) / n;
    const r = inner(a);
    out.push([c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
  }
  return out;
}

/** Radius of an ellipse whose upper half (y < 0) and lower half may have different heights. */
export function eggRadius(rx: number, ryUp: number, ryDown: number): RadiusFn {
  return (theta) => {
    const s = Math.sin(theta);
    const ry = s < 0 ? ryUp : ryDown;
    return (rx * ry) / Math.sqrt((ry * Math.cos(theta)) ** 2 + (rx * s) ** 2);
  };
}

export function flat(points: readonly P[]): number[] {
  const out: number[] = [];
  let last: P | null = null;
  for (const p of points) {
    const x = Math.round(p[0] * 10) / 10;
    const y = Math.round(p[1] * 10) / 10;
    if (last && last[0] === x && last[1] === y) continue;
    out.push(x, y);
    last = [x, y];
  }
  if (out.length >= 4 && out[0] === out[out.length - 2] && out[1] === out[out.length - 1]) out.splice(-2, 2);
  return out;
}

/** Interior point farthest from the edge: labels and hit-test anchors land well inside thin muscles too. */
export function labelPoint(poly: readonly number[]): { x: number; y: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < poly.length; i += 2) {
    const x = poly[i] ?? 0;
    const y = poly[i + 1] ?? 0;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  let best = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  let bestD = -1;
  const steps = 40;
  for (let i = 0; i <= steps; i += 1) {
    for (let j = 0; j <= steps; j += 1) {
      const x = minX + ((maxX - minX) * i) / steps;
      const y = minY + ((maxY - minY) * j) / steps;
      if (!pointInPolygon(poly, x, y)) continue;
      const d = distanceToPolygonEdge(poly, x, y);
      if (d > bestD) {
        bestD = d;
        best = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
      }
    }
  }
  return best;
}

/** Named curves that neighbouring regions share exactly, so tiled muscles have no gaps and no overlaps. */
export class Sketch {
  private readonly curves = new Map<string, P[]>();

  /** One smooth curve through `ctrl`, cut into named pieces between control indices: { name: [from, to] }. */
  chain(ctrl: readonly P[], pieces: Record<string, readonly [number, number]>, closed = false, perSpan = 6): void {
    const spans: P[][] = [];
    const n = ctrl.length;
    const count = closed ? n : n - 1;
    for (let i = 0; i < count; i += 1) {
      const p1 = at(ctrl, i);
      const p2 = at(ctrl, i + 1);
      const p0 = closed || i > 0 ? at(ctrl, i - 1) : ([2 * p1[0] - p2[0], 2 * p1[1] - p2[1]] as P);
      const p3 = closed || i + 2 < n ? at(ctrl, i + 2) : ([2 * p2[0] - p1[0], 2 * p2[1] - p1[1]] as P);
      const steps = Math.max(2, Math.round(perSpan * Math.min(3, Math.max(0.5, Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) / 40))));
      spans.push(crSegment(p0, p1, p2, p3, steps));
    }
    for (const [name, [from, to]] of Object.entries(pieces)) {
      const pts: P[] = [];
      let i = from;
      let guard = 0;
      while (i !== to) {
        pts.push(...at(spans, i));
        i = closed ? (i + 1) % n : i + 1;
        guard += 1;
        if (guard > n + 1) throw new Error(`chain piece ${name}: bad range`);
      }
      pts.push(at(ctrl, to));
      this.add(name, pts);
    }
  }

  /** A smooth open curve through its control points. */
  curve(name: string, ctrl: readonly P[], perSpan = 6): void {
    this.add(name, smooth(ctrl, false, perSpan));
  }

  line(name: string, a: P, b: P): void {
    this.add(name, [a, b]);
  }

  private add(name: string, pts: P[]): void {
    if (this.curves.has(name)) throw new Error(`curve ${name} defined twice`);
    this.curves.set(name, pts);
  }

  get(name: string): P[] {
    const reversed = name.startsWith('-');
    const c = this.curves.get(reversed ? name.slice(1) : name);
    if (!c) throw new Error(`unknown curve ${name}`);
    return reversed ? [...c].reverse() : [...c];
  }

  /** Joins curves end to start into one closed path; '-name' walks a curve backwards. */
  path(refs: readonly string[]): P[] {
    const out: P[] = [];
    for (const ref of refs) {
      const pts = this.get(ref);
      const first = pts[0];
      const last = out[out.length - 1];
      if (last && first) {
        if (Math.hypot(last[0] - first[0], last[1] - first[1]) > 0.01) {
          throw new Error(`path ${refs.join(',')}: ${ref} starts at ${first.join(',')} but previous ends at ${last.join(',')}`);
        }
        out.push(...pts.slice(1));
      } else out.push(...pts);
    }
    const f = out[0];
    const l = out[out.length - 1];
    if (f && l && Math.hypot(f[0] - l[0], f[1] - l[1]) > 0.01) throw new Error(`path ${refs.join(',')} is not closed`);
    return out.slice(0, -1);
  }
}

export class ViewBuilder {
  readonly regions: AtlasRegion[] = [];
  readonly strokes: AtlasStroke[] = [];

  constructor(
    readonly id: string,
    readonly title: string,
    readonly width: number,
    readonly height: number,
    readonly side: 'left' | 'right' | null,
  ) {}

  region(id: string, muscleId: string, side: Side, layer: Layer, pts: readonly P[], label?: P, location?: string): void {
    const polygon = flat(pts);
    this.regions.push({
      id,
      muscleId,
      side,
      layer,
      polygon,
      label: label ? { x: label[0], y: label[1] } : labelPoint(polygon),
      ...(location ? { location } : {}),
    });
  }

  outline(pts: readonly P[]): void {
    this.strokes.push({ points: flat(pts), closed: true, kind: 'outline' });
  }

  detail(pts: readonly P[], closed = false): void {
    this.strokes.push({ points: flat(pts), closed, kind: 'detail' });
  }

  /** Adds the mirror image (x' = width - x) of the given regions with sides and ids swapped. */
  mirrorRegions(regions: readonly AtlasRegion[], rename: (id: string) => string, swap: (s: Side) => Side): void {
    for (const r of regions) {
      const poly: number[] = [];
      const n = r.polygon.length / 2;
      for (let i = n - 1; i >= 0; i -= 1) poly.push(Math.round((this.width - (r.polygon[2 * i] ?? 0)) * 10) / 10, r.polygon[2 * i + 1] ?? 0);
      this.regions.push({ ...r, id: rename(r.id), side: swap(r.side), polygon: poly, label: { x: this.width - r.label.x, y: r.label.y } });
    }
  }

  build(): AtlasView {
    return {
      id: this.id,
      version: 1,
      title: this.title,
      width: this.width,
      height: this.height,
      side: this.side,
      strokes: this.strokes,
      regions: this.regions,
    };
  }
}
