/**
 * The map of each diagram view that has sites, drawn from the atlas vectors with the shared SVG builder
 * (the same drawing as the history's thumbnails and the comparison): the body outline, the muscles, the
 * injected muscles shaded, and every site as a numbered marker with its units.
 */
import { getView, type AtlasView } from '../../../shared/atlas/index.ts';
import { deepOnlyMuscles, DEFAULT_PALETTE, polygonPath, renderSvg, viewDrawing, type SvgNode } from '../../../shared/atlas/svg.ts';
import type { Site } from '../../../shared/domain/types.ts';
import { num, sideText } from './format.ts';
import { trusted, type Html } from './html.ts';

const INJECTED = '#d9826f';
const r1 = (n: number): number => Math.round(n * 10) / 10;

/** Which side of the patient is on which side of the drawing, for views that show both sides. */
function orientation(view: AtlasView): { left: string; right: string } | null {
  if (view.side !== null) return null;
  // Posterior views show the patient's back (their left on the viewer's left); anterior ones face the viewer.
  return view.id.includes('posterior') ? { left: 'L', right: 'R' } : { left: 'R', right: 'L' };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Where each units label goes: the first of eight spots around its marker that covers no marker and no
 * label placed before it (the least covered spot when every one is taken), so close sites stay readable.
 */
function placeLabels(sites: readonly Site[], r: number, font: number, view: AtlasView): Array<{ x: number; y: number; anchor: 'start' | 'end' | 'middle' }> {
  const markers: Box[] = sites.map((s) => ({ x0: s.x - r, y0: s.y - r, x1: s.x + r, y1: s.y + r }));
  const placed: Box[] = [];
  return sites.map((s) => {
    const w = `${num(s.units)} U`.length * font * 0.6;
    const h = font;
    const gap = r * 1.15;
    const spots = [
      { dx: gap, dy: -r * 0.3, anchor: 'start' as const },
      { dx: gap, dy: r * 0.9, anchor: 'start' as const },
      { dx: -gap, dy: -r * 0.3, anchor: 'end' as const },
      { dx: -gap, dy: r * 0.9, anchor: 'end' as const },
      { dx: 0, dy: -gap, anchor: 'middle' as const },
      { dx: 0, dy: gap + h * 0.8, anchor: 'middle' as const },
      { dx: gap * 0.8, dy: -gap, anchor: 'start' as const },
      { dx: -gap * 0.8, dy: gap + h * 0.8, anchor: 'end' as const },
    ];
    let best = { spot: spots[0]!, box: null as Box | null, cost: Infinity };
    for (const spot of spots) {
      const x = s.x + spot.dx;
      const y = s.y + spot.dy;
      const x0 = spot.anchor === 'start' ? x : spot.anchor === 'end' ? x - w : x - w / 2;
      const box: Box = { x0, y0: y - h * 0.8, x1: x0 + w, y1: y + h * 0.2 };
      const outside = box.x0 < 0 || box.x1 > view.width || box.y0 < 0 || box.y1 > view.height ? w * h : 0;
      const cost = outside + [...markers, ...placed].reduce((sum, b) => sum + overlap(box, b), 0);
      if (cost < best.cost) best = { spot, box, cost };
      if (cost === 0) break;
    }
    if (best.box) placed.push(best.box);
    return { x: s.x + best.spot.dx, y: s.y + best.spot.dy, anchor: best.spot.anchor };
  });
}

/** Markers first, then their numbers, then the units labels on top, so no marker hides a label. */
function markers(sites: readonly Site[], r: number, isDeep: (s: Site) => boolean, name: (muscleId: string) => string, view: AtlasView): SvgNode[] {
  const font = r * 1.1;
  const labels = placeLabels(sites, r, font, view);
  return [
    ...sites.map((site): SvgNode => ({
      tag: 'circle',
      attrs: {
        cx: r1(site.x), cy: r1(site.y), r: r1(r), fill: isDeep(site) ? DEFAULT_PALETTE.deepSite : DEFAULT_PALETTE.site, stroke: '#ffffff',
        'stroke-width': r1(r * 0.22), ...(isDeep(site) ? { 'stroke-dasharray': `${r1(r * 0.5)} ${r1(r * 0.35)}` } : {}),
      },
      children: [{ tag: 'title', attrs: {}, text: `${site.seq}. ${name(site.muscleId)}, ${sideText(site.side)}: ${num(site.units)} U` }],
    })),
    ...sites.map((site): SvgNode => ({
      tag: 'text',
      attrs: { x: r1(site.x), y: r1(site.y + r * 0.38), 'text-anchor': 'middle', 'font-size': r1(site.seq >= 100 ? r * 0.8 : r * 1.05), 'font-weight': 'bold', fill: '#ffffff' },
      text: String(site.seq),
    })),
    ...sites.map((site, i): SvgNode => ({
      tag: 'text',
      attrs: {
        x: r1(labels[i]!.x), y: r1(labels[i]!.y), 'text-anchor': labels[i]!.anchor, 'font-size': r1(font), 'font-weight': 'bold',
        fill: DEFAULT_PALETTE.unitsText, stroke: '#ffffff', 'stroke-width': r1(r * 0.4), 'paint-order': 'stroke', 'stroke-linejoin': 'round',
      },
      text: `${num(site.units)} U`,
    })),
  ];
}

export interface ViewMap {
  viewId: string;
  version: number;
  title: string;
  svg: Html;
  siteCount: number;
}

export function viewMap(view: AtlasView, sites: readonly Site[], name: (muscleId: string) => string): ViewMap {
  const deepOnly = deepOnlyMuscles(view);
  const isDeep = (s: Site) => deepOnly.has(`${s.muscleId}|${s.side}`);
  const injected = new Set(sites.map((s) => `${s.muscleId}|${s.side}`));
  const r = Math.max(view.width, view.height) / 58;
  const shaded: SvgNode[] = view.regions
    .filter((reg) => injected.has(`${reg.muscleId}|${reg.side}`))
    .map((reg) => ({ tag: 'path', attrs: { d: polygonPath(reg.polygon, true), fill: INJECTED, 'fill-opacity': 0.45, stroke: 'none' } }));
  const o = orientation(view);
  const size = r1(view.width / 22);
  const sidesLabels: SvgNode[] = o
    ? [
        { tag: 'text', attrs: { x: r1(size * 0.4), y: r1(size * 1.2), 'font-size': size, 'font-weight': 'bold', fill: '#4b5563' }, text: o.left },
        { tag: 'text', attrs: { x: r1(view.width - size * 0.4), y: r1(size * 1.2), 'text-anchor': 'end', 'font-size': size, 'font-weight': 'bold', fill: '#4b5563' }, text: o.right },
      ]
    : [];
  const tree: SvgNode = {
    tag: 'svg',
    attrs: {
      xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${view.width} ${view.height}`, class: 'map-svg', role: 'img',
      'aria-label': `${view.title}: ${sites.length} sites`, 'font-family': 'Arial, Helvetica, sans-serif', 'data-view': `${view.id}@${view.version}`,
    },
    children: [
      ...viewDrawing(view, { showDeep: sites.some(isDeep) }),
      ...shaded,
      ...sidesLabels,
      { tag: 'g', attrs: { class: 'sites' }, children: markers(sites, r, isDeep, name, view) },
    ],
  };
  return { viewId: view.id, version: view.version, title: view.title, svg: trusted(renderSvg(tree)), siteCount: sites.length };
}

/**
 * One map per view (and diagram version) that has sites, in the order the views were first used.
 * Each view is drawn in the version its sites were charted on, so an old map prints as it was charted.
 */
export function sessionMaps(sites: readonly Site[], name: (muscleId: string) => string): ViewMap[] {
  const groups = new Map<string, Site[]>();
  for (const s of [...sites].sort((a, b) => a.seq - b.seq)) {
    const key = `${s.viewId}@${s.viewVersion}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()].map((list) => viewMap(getView(list[0]!.viewId, list[0]!.viewVersion), list, name));
}
