/**
 * Every diagram view and version. Sessions store (viewId, version), so a version, once listed here, is
 * never removed or changed: a redrawn view is added as a new version beside the old one
 * (e.g. `drawing('face_front', 2, faceFrontV2)` next to the v1 line).
 * Right/left pairs are one drawing plus its mirror image.
 */
import faceFrontV1 from '../../resources/diagrams/face_front.v1.json' with { type: 'json' };
import eyeDetailV1 from '../../resources/diagrams/eye_detail.v1.json' with { type: 'json' };
import headLateralLeftV1 from '../../resources/diagrams/head_lateral_left.v1.json' with { type: 'json' };
import headNeckPosteriorV1 from '../../resources/diagrams/head_neck_posterior.v1.json' with { type: 'json' };
import neckAnteriorV1 from '../../resources/diagrams/neck_anterior.v1.json' with { type: 'json' };
import jawLateralLeftV1 from '../../resources/diagrams/jaw_lateral_left.v1.json' with { type: 'json' };
import upperLimbAnteriorLeftV1 from '../../resources/diagrams/upper_limb_anterior_left.v1.json' with { type: 'json' };
import upperLimbPosteriorLeftV1 from '../../resources/diagrams/upper_limb_posterior_left.v1.json' with { type: 'json' };
import handPalmarLeftV1 from '../../resources/diagrams/hand_palmar_left.v1.json' with { type: 'json' };
import handDorsalLeftV1 from '../../resources/diagrams/hand_dorsal_left.v1.json' with { type: 'json' };
import lowerLimbAnteriorLeftV1 from '../../resources/diagrams/lower_limb_anterior_left.v1.json' with { type: 'json' };
import lowerLimbPosteriorLeftV1 from '../../resources/diagrams/lower_limb_posterior_left.v1.json' with { type: 'json' };
import footPlantarLeftV1 from '../../resources/diagrams/foot_plantar_left.v1.json' with { type: 'json' };
import { mirrorView } from './mirror.ts';
import type { AtlasRegion, AtlasStroke, AtlasView, ViewSummary } from './types.ts';

type Source = { kind: 'drawing'; data: unknown } | { kind: 'mirror'; of: string; title: string };

interface Entry {
  id: string;
  version: number;
  source: Source;
}

const drawing = (id: string, version: number, data: unknown): Entry => ({ id, version, source: { kind: 'drawing', data } });
const mirror = (id: string, version: number, of: string, title: string): Entry => ({
  id,
  version,
  source: { kind: 'mirror', of, title },
});

/** Listing order is the order here (by body region, left before right). */
const ENTRIES: readonly Entry[] = [
  drawing('face_front', 1, faceFrontV1),
  drawing('eye_detail', 1, eyeDetailV1),
  drawing('head_lateral_left', 1, headLateralLeftV1),
  mirror('head_lateral_right', 1, 'head_lateral_left', 'Head and neck, right lateral'),
  drawing('head_neck_posterior', 1, headNeckPosteriorV1),
  drawing('neck_anterior', 1, neckAnteriorV1),
  drawing('jaw_lateral_left', 1, jawLateralLeftV1),
  mirror('jaw_lateral_right', 1, 'jaw_lateral_left', 'Jaw, right lateral (deep)'),
  drawing('upper_limb_anterior_left', 1, upperLimbAnteriorLeftV1),
  mirror('upper_limb_anterior_right', 1, 'upper_limb_anterior_left', 'Right upper limb, anterior'),
  drawing('upper_limb_posterior_left', 1, upperLimbPosteriorLeftV1),
  mirror('upper_limb_posterior_right', 1, 'upper_limb_posterior_left', 'Right upper limb, posterior'),
  drawing('hand_palmar_left', 1, handPalmarLeftV1),
  mirror('hand_palmar_right', 1, 'hand_palmar_left', 'Right hand, palmar'),
  drawing('hand_dorsal_left', 1, handDorsalLeftV1),
  mirror('hand_dorsal_right', 1, 'hand_dorsal_left', 'Right hand, dorsal'),
  drawing('lower_limb_anterior_left', 1, lowerLimbAnteriorLeftV1),
  mirror('lower_limb_anterior_right', 1, 'lower_limb_anterior_left', 'Right lower limb, anterior'),
  drawing('lower_limb_posterior_left', 1, lowerLimbPosteriorLeftV1),
  mirror('lower_limb_posterior_right', 1, 'lower_limb_posterior_left', 'Right lower limb, posterior'),
  drawing('foot_plantar_left', 1, footPlantarLeftV1),
  mirror('foot_plantar_right', 1, 'foot_plantar_left', 'Right foot, plantar'),
];

const key = (id: string, version: number): string => `${id}@${version}`;
const BY_KEY: ReadonlyMap<string, Entry> = new Map(ENTRIES.map((e) => [key(e.id, e.version), e]));
const LATEST: ReadonlyMap<string, number> = ENTRIES.reduce(
  (m, e) => m.set(e.id, Math.max(m.get(e.id) ?? 0, e.version)),
  new Map<string, number>(),
);
const ORDER: readonly string[] = [...new Set(ENTRIES.map((e) => e.id))];
const cache = new Map<string, AtlasView>();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function numbers(v: unknown, what: string): number[] {
  if (!Array.isArray(v) || v.length % 2 !== 0 || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new Error(`atlas: ${what} is not a flat list of x, y numbers`);
  }
  return v as number[];
}

function parseStroke(s: unknown, where: string): AtlasStroke {
  if (!isObject(s) || (s.kind !== 'outline' && s.kind !== 'detail')) throw new Error(`atlas: ${where} is malformed`);
  return Object.freeze({ points: Object.freeze(numbers(s.points, where)), closed: s.closed === true, kind: s.kind });
}

function parseRegion(r: unknown, where: string): AtlasRegion {
  if (!isObject(r) || typeof r.id !== 'string' || typeof r.muscleId !== 'string' || !isObject(r.label)) {
    throw new Error(`atlas: ${where} is malformed`);
  }
  if (r.side !== 'left' && r.side !== 'right' && r.side !== 'midline') throw new Error(`atlas: ${where} (${r.id}) has a bad side`);
  if (r.layer !== 'superficial' && r.layer !== 'deep') throw new Error(`atlas: ${where} (${r.id}) has a bad layer`);
  if (r.location !== undefined && (typeof r.location !== 'string' || r.location.trim() === '')) {
    throw new Error(`atlas: ${where} (${r.id}) has a bad location`);
  }
  return Object.freeze({
    id: r.id,
    muscleId: r.muscleId,
    side: r.side,
    layer: r.layer,
    polygon: Object.freeze(numbers(r.polygon, `${where} (${r.id})`)),
    label: Object.freeze({ x: Number(r.label.x), y: Number(r.label.y) }),
    ...(typeof r.location === 'string' ? { location: r.location } : {}),
  });
}

/** Checks the shape of a drawing file, so a damaged resource fails loudly at load rather than while charting. */
function parseView(data: unknown, id: string, version: number): AtlasView {
  const where = `${id} v${version}`;
  if (!isObject(data) || data.id !== id || data.version !== version) {
    throw new Error(`atlas: drawing file for ${where} has the wrong id or version`);
  }
  if (typeof data.title !== 'string' || typeof data.width !== 'number' || typeof data.height !== 'number') {
    throw new Error(`atlas: drawing ${where} lacks title/width/height`);
  }
  if (!Array.isArray(data.strokes) || !Array.isArray(data.regions)) throw new Error(`atlas: drawing ${where} lacks strokes/regions`);
  const strokes = data.strokes.map((s: unknown, i) => parseStroke(s, `${where} stroke ${i}`));
  const regions = data.regions.map((r: unknown, i) => parseRegion(r, `${where} region ${i}`));
  return Object.freeze({
    id,
    version,
    title: data.title,
    width: data.width,
    height: data.height,
    side: data.side === 'left' || data.side === 'right' ? data.side : null,
    strokes: Object.freeze(strokes),
    regions: Object.freeze(regions),
  });
}

export function hasView(viewId: string, version?: number): boolean {
  if (version === undefined) return LATEST.has(viewId);
  return BY_KEY.has(key(viewId, version));
}

export function latestVersion(viewId: string): number {
  const v = LATEST.get(viewId);
  if (v === undefined) throw new Error(`latestVersion: unknown atlas view '${viewId}'`);
  return v;
}

export function getView(viewId: string, version?: number): AtlasView {
  const latest = LATEST.get(viewId);
  if (latest === undefined) throw new Error(`getView: unknown atlas view '${viewId}'`);
  const wanted = version ?? latest;
  const k = key(viewId, wanted);
  const cached = cache.get(k);
  if (cached) return cached;
  const entry = BY_KEY.get(k);
  if (!entry) throw new Error(`getView: atlas view '${viewId}' has no version ${String(wanted)} (latest is ${String(latest)})`);
  const view =
    entry.source.kind === 'drawing'
      ? parseView(entry.source.data, entry.id, entry.version)
      : Object.freeze(mirrorView(getView(entry.source.of, entry.version), { id: entry.id, title: entry.source.title }));
  cache.set(k, view);
  return view;
}

/** Latest version of every view, in a stable order. */
export function listViews(): ViewSummary[] {
  return ORDER.map((id) => {
    const view = getView(id);
    return { id, version: view.version, title: view.title };
  });
}

/** Every stored (id, version) pair, in listing order. */
export function listViewVersions(): { id: string; version: number }[] {
  return ENTRIES.map((e) => ({ id: e.id, version: e.version }));
}
