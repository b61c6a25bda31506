/**
 * `npm run bench:review`: the review screens on the 10-year clinic database (tests/bench/generate.ts):
 * the history of the patient with 100 sessions (service, and the built renderer in Chromium with every
 * thumbnail drawn), the worklist over 5,000 patients and lot recall. Figures are printed, never asserted.
 * Needs the built renderer (npm run build:renderer) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { openDatabase } from '../../electron/db/open.ts';
import { createDispatcher } from '../../electron/dispatch.ts';
import { UNKNOWN_ACTOR, type ServiceContext } from '../../electron/services/context.ts';
import { createHandlers, type MaintenanceHandlers } from '../../electron/services/index.ts';
import type { LotRecall, PatientHistory, Worklist } from '../../shared/domain/review.ts';
import { CHANNELS } from '../../shared/ipc/channels.ts';
import { AppError } from '../../shared/ipc/result.ts';
import { MIGRATIONS_DIR } from '../helpers/temp.ts';
import { clinicDatabase } from './generate.ts';
import { newId } from '../../shared/domain/ids.ts';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');

const pct = (s: number[], q: number) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
function line(what: string, s: number[], target = ''): void {
  console.log(`${what.padEnd(62)} n=${String(s.length).padStart(4)}  p50 ${ms(pct(s, 0.5)).padStart(9)}  p95 ${ms(pct(s, 0.95)).padStart(9)}  max ${ms(Math.max(...s)).padStart(9)}  ${target}`);
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

if (!fs.existsSync(path.join(ROOT, 'dist', 'index.html'))) throw new Error('bench:review: build the renderer first (npm run build:renderer)');
const clinic = await clinicDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toxinmap-bench-review-'));
const copy = path.join(dir, 'toxinmap.sqlite');
fs.copyFileSync(clinic.file, copy);
const actor = { name: UNKNOWN_ACTOR };
const opened = await openDatabase({ file: copy, migrationsDir: MIGRATIONS_DIR, auditAuthor: () => actor.name });
const ctx: ServiceContext = { db: opened.db, now: () => new Date(), newId, actor, audit: opened.audit };
const refuse = () => {
  throw new AppError('INTERNAL', 'not benchmarked');
};
const maintenance = Object.fromEntries(['app:health', 'backup:now', 'backup:list', 'backup:restore', 'data:export', 'data:import'].map((c) => [c, refuse])) as unknown as MaintenanceHandlers;
const info = { version: 'bench', dataDirectory: dir, databaseFile: copy, schemaVersion: opened.schemaVersion };
const dispatch = createDispatcher(createHandlers(ctx, () => info, maintenance), { logError: (ch, err) => console.error(ch, err) });
const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
};

const server = await preview({ configFile: path.join(ROOT, 'vite.renderer.config.ts'), preview: { port: 4199, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  console.log(`ToxinMap review benchmarks: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; clinic database ${clinic.reused ? 'reused' : 'generated'}`);
  const patient = ctx.db.prepare<[], { id: string; family_name: string; given_name: string }>("SELECT id, family_name, given_name FROM patients WHERE mrn = 'MRN-100000'").get();
  if (!patient) throw new Error('bench: patient MRN-100000 missing');

  // ---- main process ----
  const history = await call<PatientHistory>('review:history', { patientId: patient.id });
  const sites = history.sessions.reduce((n, s) => n + s.sites.length, 0);
  const views = new Set(history.sessions.flatMap((s) => s.sites.map((t) => `${t.viewId}@${t.viewVersion}`)));
  console.log(`\nPatient MRN-100000: ${history.sessions.length} sessions, ${sites} sites on ${views.size} diagram versions; answer ${(JSON.stringify(history).length / 1024).toFixed(0)} KB of JSON`);
  line('review:history (sessions, maps, scores, warnings, follow-ups)', await timed(100, () => call('review:history', { patientId: patient.id })));
  // What Electron's IPC does with the answer (structured clone, as v8.serialize), instead of the test bridge's JSON.
  line('    structured clone of that answer (v8 serialize + deserialize)', await timed(50, async () => v8.deserialize(v8.serialize(history))));
  line('patient:timeline (for comparison)', await timed(100, () => call('patient:timeline', { patientId: patient.id })));
  const worklist = await call<Worklist>('review:worklist', {});
  line(`review:worklist (5,000 patients: ${worklist.due.length} listed, ${worklist.longOverdueCount} long overdue, ${worklist.drafts.length} drafts)`, await timed(30, () => call('review:worklist', {})));
  const lot = await call<LotRecall>('lot:search', { prefix: 'C123' });
  line(`lot:search 'C123' (${lot.rows.length} vials, allocation per session)`, await timed(30, () => call('lot:search', { prefix: 'C123' })));
  const wide = await call<LotRecall>('lot:search', { prefix: 'C1' });
  line(`lot:search 'C1' (${wide.rows.length} vials listed${wide.truncated ? ', truncated' : ''})`, await timed(5, () => call('lot:search', { prefix: 'C1' })));

  // ---- renderer: the built app in Chromium, window.api backed by the same dispatcher ----
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.exposeFunction('__toxinmapInvoke', (channel: string, input: unknown) => dispatch(channel, input));
  await page.addInitScript((channels: readonly string[]) => {
    const invoke = (window as unknown as { __toxinmapInvoke: (c: string, i: unknown) => Promise<unknown> }).__toxinmapInvoke;
    const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const channel of channels) {
      const [domain, verb] = channel.split(':') as [string, string];
      // The moment the history's answer reaches the page, to tell the bridge's transfer from the screen's drawing.
      (api[domain] ??= {})[verb] = (input: unknown) =>
        invoke(channel, input).then((r) => {
          if (channel === 'review:history') (window as unknown as { __dataAt: number }).__dataAt = performance.now();
          return r;
        });
    }
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
    window.localStorage.clear();
  }, CHANNELS);
  await page.goto('http://127.0.0.1:4199/');
  const name = `${patient.family_name.toUpperCase()}, ${patient.given_name}`;
  const thumbs = history.sessions.reduce((n, s) => n + new Set(s.sites.map((t) => `${t.viewId}@${t.viewVersion}`)).size, 0);
  const renders: number[] = [];
  const firstScreen: number[] = [];
  const waits: number[] = [];
  for (let i = 0; i < 11; i += 1) {
    await page.getByTestId('patient-search').fill('MRN-100000');
    const link = page.getByTestId('patient-results').getByRole('button', { name });
    await link.waitFor();
    // Timed inside the page: from the click to the first frame with the first screenful of cards and their
    // thumbnails, and to the first frame with every card and every thumbnail in the DOM.
    // (A string, not a function: the bundler that runs this script would rename a named function inside it.)
    await page.evaluate(`(() => {
      window.__t0 = performance.now();
      window.__first = 0;
      const tick = () => {
        if (document.querySelectorAll('[data-testid="history-card"]').length >= 12 && document.querySelector('[data-testid="history-card"] [data-view]')) {
          window.__first = performance.now() - window.__t0;
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      [...document.querySelectorAll('[data-testid="patient-results"] button')].find((b) => b.textContent === ${JSON.stringify(name)}).click();
    })()`);
    const elapsed = await page.waitForFunction(
      (n: number) => {
        const drawn = document.querySelectorAll('[data-testid="history-card"] [data-view]').length;
        return drawn >= n ? performance.now() - (window as unknown as { __t0: number }).__t0 : false;
      },
      thumbs,
      { polling: 'raf', timeout: 30_000 },
    );
    renders.push(Number(await elapsed.jsonValue()));
    firstScreen.push(await page.evaluate(() => (window as unknown as { __first: number }).__first));
    waits.push(await page.evaluate(() => { const w = window as unknown as { __dataAt: number; __t0: number }; return w.__dataAt - w.__t0; }));
    await page.getByRole('button', { name: 'All patients' }).click();
  }
  console.log(`\nHistory screen in Chromium: ${history.sessions.length} cards, ${thumbs} SVG thumbnails, the dose trend (chart loaded on first use)`);
  console.log(`first open (chart code loaded then): ${ms(renders[0] ?? Number.NaN)}`);
  line('click → first 12 cards with their thumbnails drawn', firstScreen.slice(1));
  line('click → every card and thumbnail drawn (next frame), repeat opens', renders.slice(1), 'target < 300 ms');
  line('    of which: click → review:history answer in the page', waits.slice(1));
  line('    of which: answer → drawn (React render, layout, first paint)', renders.slice(1).map((r, i) => r - (waits[i + 1] ?? 0)));
  console.log('    (the answer crosses a test bridge here: Playwright bindings carry it as JSON over the DevTools protocol; Electron IPC uses structured clone)');
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`DOM after opening the patient: ${nodes} elements (each diagram one shared image under its thumbnails)`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  opened.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
