/**
 * hitTest timing over the largest atlas view (most polygon vertices) at 100k random points.
 * Run: npx tsx tests/bench/atlas-hit.bench.ts
 */
import { getView, hitTest, listViews, type AtlasView } from '../../shared/atlas/index.ts';

const views: AtlasView[] = listViews().map((v) => getView(v.id));
const size = (v: AtlasView): number => v.regions.reduce((n, r) => n + r.polygon.length / 2, 0);
const largest = views.reduce((a, b) => (size(b) > size(a) ? b : a));

let seed = 42;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const N = 100_000;
const times = new Float64Array(N);
let hits = 0;
hitTest(largest, { x: 1, y: 1 }, { showDeep: true }); // builds the per-view cache
for (let i = 0; i < N; i += 1) {
  const p = { x: random() * largest.width, y: random() * largest.height };
  const t0 = performance.now();
  const r = hitTest(largest, p, { showDeep: i % 2 === 0 });
  times[i] = performance.now() - t0;
  if (r) hits += 1;
}
times.sort();
const pct = (q: number): string => `${((times[Math.min(N - 1, Math.floor(q * N))] ?? 0) * 1000).toFixed(1)} µs`;
console.log(`view ${largest.id}: ${largest.regions.length} regions, ${size(largest)} vertices; ${hits} of ${N} points hit a region`);
console.log(`hitTest p50 ${pct(0.5)}, p99 ${pct(0.99)}, max ${pct(1 - 1 / N)}`);
