import { at, smooth, type P } from './lib.ts';

/**
 * A limb segment between two smooth edge curves; (t, u) maps to a point (t along the segment, u across it).
 * Muscles laid out without overlap in (t, u) stay without overlap on the drawing.
 */
export class Strip {
  private readonly a: P[];
  private readonly b: P[];
  private readonly la: number[];
  private readonly lb: number[];

  constructor(edgeA: readonly P[], edgeB: readonly P[]) {
    this.a = smooth(edgeA, false, 16);
    this.b = smooth(edgeB, false, 16);
    this.la = Strip.lengths(this.a);
    this.lb = Strip.lengths(this.b);
  }

  private static lengths(pts: readonly P[]): number[] {
    const out = [0];
    for (let i = 1; i < pts.length; i += 1) {
      const p = at(pts, i);
      const q = at(pts, i - 1);
      out.push(at(out, i - 1) + Math.hypot(p[0] - q[0], p[1] - q[1]));
    }
    return out;
  }

  private static along(pts: readonly P[], lens: readonly number[], t: number): P {
    const total = at(lens, lens.length - 1);
    const d = Math.min(Math.max(t, 0), 1) * total;
    let i = 1;
    while (i < lens.length - 1 && at(lens, i) < d) i += 1;
    const l0 = at(lens, i - 1);
    const l1 = at(lens, i);
    const w = l1 > l0 ? (d - l0) / (l1 - l0) : 0;
    const p = at(pts, i - 1);
    const q = at(pts, i);
    return [p[0] + (q[0] - p[0]) * w, p[1] + (q[1] - p[1]) * w];
  }

  point(t: number, u: number): P {
    const p = Strip.along(this.a, this.la, t);
    const q = Strip.along(this.b, this.lb, t);
    return [p[0] + (q[0] - p[0]) * u, p[1] + (q[1] - p[1]) * u];
  }

  /** A polygon given in (t, u), with edges subdivided so it follows the limb's curvature. */
  poly(tu: readonly P[], smoothIt = true): P[] {
    const ctrl = smoothIt ? smooth(tu, true, 6) : [...tu];
    const out: P[] = [];
    for (let i = 0; i < ctrl.length; i += 1) {
      const p = at(ctrl, i);
      const q = at(ctrl, i + 1);
      const steps = smoothIt ? 1 : 8;
      for (let k = 0; k < steps; k += 1) {
        const w = k / steps;
        out.push(this.point(p[0] + (q[0] - p[0]) * w, p[1] + (q[1] - p[1]) * w));
      }
    }
    return out;
  }

  /** A tapered belly from t0 to t1, centred on u from uc0 to uc1, `w` wide (in u) at its fullest. */
  belly(t0: number, t1: number, uc0: number, uc1: number, w: number, taper = 0.4): P[] {
    const n = 24;
    const left: P[] = [];
    const right: P[] = [];
    for (let i = 0; i <= n; i += 1) {
      const s = i / n;
      const t = t0 + (t1 - t0) * s;
      const uc = uc0 + (uc1 - uc0) * s;
      const half = (w / 2) * (taper + (1 - taper) * Math.sin(Math.PI * s));
      left.push(this.point(t, uc - half));
      right.push(this.point(t, uc + half));
    }
    return [...left, ...right.reverse()];
  }
}

/** A smooth function through (x, y) control pairs (sorted by x), flat outside them, eased between them. */
export function ramp(pairs: readonly P[]): (x: number) => number {
  return (x) => {
    const first = pairs[0];
    const last = pairs[pairs.length - 1];
    if (!first || !last) return 0;
    if (x <= first[0]) return first[1];
    if (x >= last[0]) return last[1];
    for (let i = 1; i < pairs.length; i += 1) {
      const a = at(pairs, i - 1);
      const b = at(pairs, i);
      if (x <= b[0]) {
        const w = (x - a[0]) / (b[0] - a[0]);
        return a[1] + (b[1] - a[1]) * (0.5 - 0.5 * Math.cos(Math.PI * w));
      }
    }
    return last[1];
  };
}

/**
 * Bands of a Strip between boundary functions u = f(t). Every band samples the same t grid, so two bands
 * that share a boundary function tile exactly (no gap, no overlap) as long as lower <= upper everywhere.
 */
export function band(strip: Strip, lower: (t: number) => number, upper: (t: number) => number, t0: number, t1: number, grid = 0.005): P[] {
  const ts: number[] = [];
  const k0 = Math.ceil(t0 / grid - 1e-9);
  const k1 = Math.floor(t1 / grid + 1e-9);
  if (Math.abs(k0 * grid - t0) > 1e-9) ts.push(t0);
  for (let k = k0; k <= k1; k += 1) ts.push(k * grid);
  if (Math.abs(k1 * grid - t1) > 1e-9) ts.push(t1);
  // Trim zero-width runs at either end (a band that ends on its neighbour comes to a point there).
  const wide = (t: number): boolean => upper(t) - lower(t) > 1e-4;
  let i0 = 0;
  while (i0 < ts.length - 1 && !wide(at(ts, i0 + 1))) i0 += 1;
  let i1 = ts.length - 1;
  while (i1 > i0 && !wide(at(ts, i1 - 1))) i1 -= 1;
  const kept = ts.slice(i0, i1 + 1);
  const a = kept.map((t) => strip.point(t, lower(t)));
  const b = kept.map((t) => strip.point(t, Math.max(lower(t), upper(t))));
  return [...a, ...b.reverse()];
}
