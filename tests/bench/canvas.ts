// Canvas benchmark (a script, not a test): the chart with 500 sites on one view, one of them dragged across the
// diagram for 300 frames in Debian's Chromium, beside bare Konva drawing the same 500 sites with a separate drag
// layer, in the same page and run. Prints the Konva draw cost per frame (p50, p95, max) and the share of frames over
// the 60 Hz budget. Usage: npm run bench:canvas (builds the renderer first).
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { getView } from '../../shared/atlas/index.ts';
import { freePointInRegion } from '../../shared/atlas/spread.ts';
import type { SessionDetail } from '../../shared/domain/types.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../vitest.config.ts';
import { attachBackend, call } from '../e2e/bridge.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const SITES = 500;
const FRAMES = 300;
const ROUNDS = 3;
const VIEW = 'head_neck_posterior';
const VIEWPORT = { width: 1400, height: 900 };

interface Figures {
  frames: number;
  drawP50: number;
  drawP95: number;
  drawMax: number;
  /** rAF gaps longer than 1.5 frames at 60 Hz: a frame that missed its vsync. */
  overBudget: number;
  meanGap: number;
}

/** Page-side: wraps Konva's layer drawing to sum its cost per animation frame. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Proto = { drawScene: (...a: unknown[]) => unknown; __timed?: boolean };
    const w = window as unknown as { Konva: { Layer: { prototype: Proto } }; __draw: { now: number; frames: number[]; gaps: number[]; on: boolean } };
    const proto = w.Konva.Layer.prototype;
    w.__draw = { now: 0, frames: [], gaps: [], on: false };
    if (!proto.__timed) {
      const original = proto.drawScene;
      proto.drawScene = function timed(this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          w.__draw.now += performance.now() - t0;
        }
      };
      proto.__timed = true;
    }
  });
}

interface Run {
  frames: number[];
  gaps: number[];
}

function merge(runs: Run[]): Figures {
  return summarise(runs.flatMap((r) => r.frames), runs.flatMap((r) => r.gaps));
}

function summarise(frames: number[], gaps: number[]): Figures {
  const drawn = [...frames].sort((a, b) => a - b);
  const q = (p: number) => drawn[Math.min(drawn.length - 1, Math.floor(p * drawn.length))] ?? 0;
  return {
    frames: frames.length,
    drawP50: q(0.5),
    drawP95: q(0.95),
    drawMax: drawn.at(-1) ?? 0,
    overBudget: gaps.filter((g) => g > 1.5 * (1000 / 60)).length / Math.max(1, gaps.length),
    meanGap: gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length),
  };
}

/** Moves a pointer along a loop over `frames` animation frames, one move per frame, collecting draw cost per frame. */
async function dragLoop(page: Page, mode: 'app' | 'bare', start: { x: number; y: number }, frames: number): Promise<Run> {
  const result = await page.evaluate(
    async ({ mode, start, frames }) => {
      const w = window as unknown as {
        __draw: { now: number };
        __bare?: { move: (x: number, y: number) => void };
      };
      const canvas = document.querySelector('[data-testid="chart-canvas"]') as HTMLElement;
      const box = canvas.getBoundingClientRect();
      const pointer = (type: string, x: number, y: number) =>
        canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: box.left + x, clientY: box.top + y }));
      const frameCosts: number[] = [];
      const gaps: number[] = [];
      const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
      if (mode === 'app') pointer('pointerdown', start.x, start.y);
      let last = await raf();
      w.__draw.now = 0;
      for (let i = 0; i < frames; i++) {
        const a = (2 * Math.PI * i) / frames;
        const x = start.x + 140 * Math.sin(a);
        const y = start.y + 90 * (1 - Math.cos(a));
        if (mode === 'app') pointer('pointermove', x, y);
        else w.__bare?.move(x, y);
        const t = await raf();
        gaps.push(t - last);
        last = t;
        // The draw of the frame just shown happened in the rAF callbacks before ours.
        frameCosts.push(w.__draw.now);
        w.__draw.now = 0;
      }
      if (mode === 'app') pointer('pointerup', start.x, start.y);
      return { frameCosts, gaps };
    },
    { mode, start, frames },
  );
  // Konva draws on the frame after the move: drop the first frame (no move drawn yet).
  return { frames: result.frameCosts.slice(1), gaps: result.gaps.slice(1) };
}

/** Bare Konva in the same page: the same 500 markers and labels, static, and one circle on its own drag layer. */
async function setUpBare(page: Page, markers: Array<{ x: number; y: number; text: string }>, size: { width: number; height: number }) {
  await page.evaluate(
    ({ markers, size }) => {
      type Node = { add: (n: Node) => void; position: (p: { x: number; y: number }) => void; batchDraw: () => void; draw: () => void };
      type Make = new (c: object) => Node;
      const K = (window as unknown as { Konva: { Stage: Make; Layer: Make; Circle: Make; Rect: Make; Text: Make; Label: Make; Tag: Make } }).Konva;
      const host = document.createElement('div');
      host.style.cssText = `position:fixed;left:0;top:0;width:${size.width}px;height:${size.height}px;z-index:99;background:#fff`;
      document.body.appendChild(host);
      const stage = new K.Stage({ container: host, width: size.width, height: size.height, listening: false });
      const sites = new K.Layer({ listening: false });
      for (const m of markers) {
        sites.add(new K.Circle({ x: m.x, y: m.y, radius: 9, fill: '#1f5fa8', stroke: '#fff', strokeWidth: 2, perfectDrawEnabled: false, listening: false }));
        sites.add(new K.Rect({ x: m.x + 12, y: m.y - 8, width: 26, height: 17, fill: 'rgba(255,255,255,0.85)', cornerRadius: 3, perfectDrawEnabled: false, listening: false }));
        sites.add(new K.Text({ x: m.x + 12, y: m.y - 6, width: 26, align: 'center', text: m.text, fontSize: 13, fontStyle: 'bold', fill: '#0b2545', perfectDrawEnabled: false, listening: false }));
      }
      // The same drag layer content as the chart: the marker and the name of the muscle under it on a backdrop.
      const drag = new K.Layer({ listening: false });
      const dot = new K.Circle({ x: 0, y: 0, radius: 11, fill: '#b3261e', stroke: '#fff', strokeWidth: 2, listening: false });
      const label = new K.Label({ x: 0, y: 0, listening: false });
      label.add(new K.Tag({ fill: 'rgba(255,255,255,0.85)', cornerRadius: 4, listening: false }));
      label.add(new K.Text({ text: 'Trapezius, upper part L', padding: 4, fontSize: 14, fontStyle: 'bold', fill: '#0b2545', listening: false }));
      drag.add(dot);
      drag.add(label);
      stage.add(sites);
      stage.add(drag);
      sites.draw();
      (window as unknown as { __bare: { move: (x: number, y: number) => void } }).__bare = {
        move: (x, y) => {
          dot.position({ x, y });
          label.position({ x: x + 15, y: y - 31 });
          drag.batchDraw();
        },
      };
    },
    { markers, size },
  );
}

async function main() {
  const dir = tempDir('toxinmap-bench-canvas-');
  // Cross-origin isolated, so performance.now() is precise to microseconds rather than rounded to 0.1 ms.
  const server = await preview({
    configFile: 'vite.renderer.config.ts',
    preview: { port: 0, host: '127.0.0.1', open: false, headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('bench:canvas: the preview server gave no address');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx keeps function names with a helper the page does not have; the functions sent to the page need it.
    await page.addInitScript(() => {
      (window as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f;
    });
    const backend = await attachBackend(page, dir);
    await call(backend, 'clinician:save', { name: 'Bench', credentials: 'MD' });
    const patient = await call<{ id: string }>(backend, 'patient:create', { mrn: 'BENCH-1', familyName: 'Bench', givenName: 'Canvas', birthDate: '1970-01-01' });
    const session = await call<SessionDetail>(backend, 'session:create', { patientId: patient.id, date: new Date().toISOString().slice(0, 10), indication: 'cervical_dystonia', productId: 'onabotulinumtoxinA' });
    // 500 sites spread over the view's superficial muscles, in batches of 250.
    const view = getView(VIEW);
    const regions = view.regions.filter((r) => r.layer === 'superficial');
    const taken: Array<{ x: number; y: number }> = [];
    const sites = Array.from({ length: SITES }, (_, i) => {
      const r = regions[i % regions.length] as (typeof regions)[number];
      const p = freePointInRegion(r, taken, 4);
      taken.push(p);
      return { id: crypto.randomUUID(), viewId: VIEW, viewVersion: view.version, ...p, muscleId: r.muscleId, side: r.side, units: 5 + (i % 4) * 2.5 };
    });
    for (let i = 0; i < sites.length; i += 250) await call(backend, 'site:batch', { sessionId: session.id, add: sites.slice(i, i + 250) });

    await page.goto(url);
    await page.getByRole('button', { name: 'BENCH, Canvas' }).click();
    await page.getByTestId('session-list').getByRole('button').first().click();
    await page.getByRole('tab', { name: view.title }).click();
    await page.getByTestId('mode-select').click();
    const canvas = page.getByTestId('chart-canvas');
    await canvas.waitFor();
    const scale = Number(await canvas.getAttribute('data-scale'));
    const [ox, oy] = ((await canvas.getAttribute('data-offset')) ?? '0,0').split(',').map(Number) as [number, number];
    const box = (await canvas.boundingBox()) ?? { width: 900, height: 600 };
    const first = sites.find((s) => s.muscleId === 'trapezius_upper') ?? sites[0];
    if (!first) throw new Error('no site');
    const start = { x: ox + first.x * scale, y: oy + first.y * scale };
    await instrument(page);
    // Rounds interleaved, so a busy moment of the machine does not fall on one side only.
    const markers = sites.map((s) => ({ x: ox + s.x * scale, y: oy + s.y * scale, text: String(s.units) }));
    await setUpBare(page, markers, { width: Math.round(box.width), height: Math.round(box.height) });
    const show = (bareOnTop: boolean) => page.evaluate((v) => ((document.body.lastElementChild as HTMLElement).style.visibility = v ? 'visible' : 'hidden'), bareOnTop);
    const appRuns: Run[] = [];
    const bareRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await show(false);
      appRuns.push(await dragLoop(page, 'app', start, FRAMES));
      await show(true);
      bareRuns.push(await dragLoop(page, 'bare', start, FRAMES));
    }
    const app = merge(appRuns);
    const bare = merge(bareRuns);
    const hidden = await canvas.getAttribute('data-hidden-labels');

    const ms = (n: number) => `${n.toFixed(3)} ms`;
    const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
    const row = (name: string, f: Figures) =>
      `  ${name.padEnd(34)} ${ms(f.drawP50).padStart(10)} ${ms(f.drawP95).padStart(10)} ${ms(f.drawMax).padStart(10)} ${pct(f.overBudget).padStart(8)} ${f.meanGap.toFixed(1).padStart(8)} ms`;
    console.log(`canvas bench: ${SITES} sites on ${VIEW} (${Math.round(box.width)}×${Math.round(box.height)} px canvas, ${hidden} labels hidden where crowded), one dragged for ${ROUNDS} × ${FRAMES} frames, Chromium ${browser.version()}`);
    console.log(`  ${''.padEnd(34)} ${'draw p50'.padStart(10)} ${'draw p95'.padStart(10)} ${'draw max'.padStart(10)} ${'>budget'.padStart(8)} ${'frame'.padStart(11)}`);
    console.log(row('ToxinMap chart (drag layer)', app));
    console.log(row('bare Konva + separate drag layer', bare));
    console.log(`  ratio chart / bare Konva: p50 ${(app.drawP50 / Math.max(1e-6, bare.drawP50)).toFixed(2)}x, p95 ${(app.drawP95 / Math.max(1e-6, bare.drawP95)).toFixed(2)}x`);
    console.log('  (draw: time in Konva Layer.drawScene per animation frame; >budget: frames shown more than 1.5 × 16.7 ms after the previous one)');
    backend.close();
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    removeDir(dir);
  }
}

await main();
