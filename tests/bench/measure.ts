/** Timing for the benchmark scripts: samples sorted for percentiles, and a table of figures beside targets. */

export type Samples = Float64Array;

export async function sample(n: number, fn: (i: number) => unknown): Promise<Samples> {
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn(i);
    times[i] = performance.now() - t0;
  }
  return times.sort();
}

export function syncSample(n: number, fn: (i: number) => unknown): Samples {
  const times = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    fn(i);
    times[i] = performance.now() - t0;
  }
  return times.sort();
}

export const pct = (s: Samples, q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
export const ms = (v: number): string => (v < 0.1 ? `${(v * 1000).toFixed(1)} µs` : `${v.toFixed(v < 10 ? 3 : 1)} ms`);

export interface Row {
  what: string;
  s: Samples;
  target?: string;
  ok?: boolean;
}

export function table(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const header = ['measurement', 'n', 'p50', 'p95', 'p99', 'max', 'target', ''];
  const lines = rows.map((r) => [
    r.what, String(r.s.length), ms(pct(r.s, 0.5)), ms(pct(r.s, 0.95)), ms(pct(r.s, 0.99)), ms(r.s[r.s.length - 1] ?? Number.NaN),
    r.target ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l) => console.log(fmt(l)));
}
