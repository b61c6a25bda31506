/**
 * A site map as SVG, built from the atlas vectors: the history's thumbnails, the comparison of two
 * sessions and the printed summary all draw the same picture from the same data.
 *
 * Pure data in, pure data out: `mapSvgTree` answers a small element tree (tag, attributes, children) that
 * React renders as elements and `renderSvg` turns into standalone SVG text (escaped), so nothing here
 * touches a DOM. Coordinates stay in the view's diagram units (the viewBox), so the picture is exact at
 * any size and a site sits where it was charted, on the view version it was charted on.
 */
import type { AtlasRegion, AtlasStroke, AtlasView } from './types.ts';

export interface SvgNode {
  tag: 'svg' | 'g' | 'path' | 'circle' | 'text' | 'title' | 'use' | 'symbol' | 'defs' | 'rect' | 'line';
  attrs: Readonly<Record<string, string | number>>;
  children?: readonly SvgNode[];
  /** Text content (for text and title); escaped by renderSvg, a text node in React. */
  text?: string;
}

/**
 * How a marker is drawn: `current` the session's own site; `ghost` an earlier session's site shown faded
 * for reference; `added`, `removed`, `changed` and `same` the comparison of two sessions.
 */
export type MarkerTone = 'current' | 'ghost' | 'added' | 'removed' | 'changed' | 'same';

export interface SvgSite {
  x: number;
  y: number;
  units?: number | undefined;
  /** A site in a muscle drawn only on the deep layer (violet, dashed rim, as on the chart). */
  deep?: boolean | undefined;
  tone?: MarkerTone | undefined;
  /** Tooltip text (e.g. "Frontalis, left: 5 U"). */
  title?: string | undefined;
}

export interface SvgPalette {
  skin: string;
  skinEdge: string;
  detail: string;
  muscle: string;
  muscleEdge: string;
  deepFill: string;
  deepEdge: string;
  site: string;
  deepSite: string;
  ghost: string;
  added: string;
  removed: string;
  changed: string;
  markerEdge: string;
  unitsText: string;
}

/** The chart's own colours (renderer/canvas/AtlasShapes.tsx and ChartCanvas.tsx), so a thumbnail reads like the chart. */
export const DEFAULT_PALETTE: Readonly<SvgPalette> = {
  skin: '#f6e3d4',
  skinEdge: '#8a6a55',
  detail: '#5a4438',
  muscle: '#e9b7ad',
  muscleEdge: '#9c4f45',
  deepFill: 'rgba(68, 96, 138, 0.16)',
  deepEdge: '#44608a',
  site: '#1f5fa8',
  deepSite: '#5b3fa0',
  ghost: '#6b7280',
  added: '#1b7f3b',
  removed: '#b3261e',
  changed: '#b26a00',
  markerEdge: '#ffffff',
  unitsText: '#0b2545',
};

export interface MapSvgOptions {
  /** Rendered width in CSS pixels; the height follows the view's proportions. Default: the view's own width. */
  widthPx?: number;
  /** Draw the deep layer's regions (dashed). Default: only when a site is in a deep-only muscle. */
  showDeep?: boolean;
  /** Print each site's units beside it (off for thumbnails, where they would be unreadable). */
  showUnits?: boolean;
  /** Marker radius in rendered pixels (default 4; the chart uses 9). */
  markerPx?: number;
  /** Accessible name of the picture. */
  title?: string;
  palette?: Partial<SvgPalette>;
  /**
   * When set, the drawing is not inlined: the map refers to a symbol with this id (see viewSymbol), so a
   * document carries each diagram once. Standalone documents (print) leave it unset. Note: Chromium clones a
   * <use>d drawing into every instance; for hundreds of thumbnails an image of the drawing is far cheaper.
   */
  symbolHref?: string;
}

/** Diagram units are kept to 0.1: finer than a printed dot, and the text stays short. */
function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function polygonPath(points: readonly number[], closed: boolean): string {
  let d = '';
  for (let i = 0; i + 1 < points.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${r1(points[i] ?? 0)} ${r1(points[i + 1] ?? 0)}`;
  return closed && d ? `${d}Z` : d;
}

/** Muscles (and sides) drawn only on the deep layer of a view: a site there is marked as deep. */
export function deepOnlyMuscles(view: AtlasView): Set<string> {
  const superficial = new Set(view.regions.filter((r) => r.layer === 'superficial').map((r) => `${r.muscleId}|${r.side}`));
  return new Set(view.regions.filter((r) => r.layer === 'deep' && !superficial.has(`${r.muscleId}|${r.side}`)).map((r) => `${r.muscleId}|${r.side}`));
}

function strokeNode(s: AtlasStroke, p: SvgPalette): SvgNode {
  return s.kind === 'outline'
    ? { tag: 'path', attrs: { d: polygonPath(s.points, s.closed), fill: s.closed ? p.skin : 'none', stroke: p.skinEdge, 'stroke-width': 1.6, 'stroke-linejoin': 'round' } }
    : { tag: 'path', attrs: { d: polygonPath(s.points, s.closed), fill: 'none', stroke: p.detail, 'stroke-width': 1.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } };
}

function regionNode(r: AtlasRegion, p: SvgPalette): SvgNode {
  const deep = r.layer === 'deep';
  return {
    tag: 'path',
    attrs: deep
      ? { d: polygonPath(r.polygon, true), fill: p.deepFill, stroke: p.deepEdge, 'stroke-width': 1.1, 'stroke-dasharray': '5 3' }
      : { d: polygonPath(r.polygon, true), fill: p.muscle, 'fill-opacity': 0.72, stroke: p.muscleEdge, 'stroke-width': 0.7 },
  };
}

/** The diagram itself, in the chart's drawing order: outline, superficial muscles, landmarks, deep muscles. */
export function viewDrawing(view: AtlasView, options: { showDeep?: boolean; palette?: Partial<SvgPalette> } = {}): SvgNode[] {
  const p = { ...DEFAULT_PALETTE, ...options.palette };
  return [
    ...view.strokes.filter((s) => s.kind === 'outline').map((s) => strokeNode(s, p)),
    ...view.regions.filter((r) => r.layer === 'superficial').map((r) => regionNode(r, p)),
    ...view.strokes.filter((s) => s.kind === 'detail').map((s) => strokeNode(s, p)),
    ...(options.showDeep ? view.regions.filter((r) => r.layer === 'deep').map((r) => regionNode(r, p)) : []),
  ];
}

/** A stable id for a view's symbol (letters, digits, dash and underscore only, so it is safe in href). */
export function viewSymbolId(view: Pick<AtlasView, 'id' | 'version'>, showDeep = false): string {
  return `atlas-${view.id.replace(/[^A-Za-z0-9_-]/g, '_')}-v${view.version}${showDeep ? '-deep' : ''}`;
}

/** The drawing as a reusable symbol, to place once per page in a hidden svg's defs. */
export function viewSymbol(view: AtlasView, options: { showDeep?: boolean; palette?: Partial<SvgPalette> } = {}): SvgNode {
  return {
    tag: 'symbol',
    attrs: { id: viewSymbolId(view, options.showDeep), viewBox: `0 0 ${view.width} ${view.height}` },
    children: viewDrawing(view, options),
  };
}

function markerFill(tone: MarkerTone, deep: boolean, p: SvgPalette): string {
  switch (tone) {
    case 'current':
    case 'same':
      return deep ? p.deepSite : p.site;
    case 'ghost':
      return p.ghost;
    case 'added':
      return p.added;
    case 'removed':
      return 'none';
    case 'changed':
      return p.changed;
  }
}

/** The markers of the sites, radius in diagram units (callers convert from pixels with the rendered scale). */
export function siteMarkers(sites: readonly SvgSite[], radius: number, options: { showUnits?: boolean; palette?: Partial<SvgPalette> } = {}): SvgNode[] {
  const p = { ...DEFAULT_PALETTE, ...options.palette };
  const nodes: SvgNode[] = [];
  for (const s of sites) {
    const tone = s.tone ?? 'current';
    const deep = s.deep === true;
    const removed = tone === 'removed';
    const attrs: Record<string, string | number> = {
      cx: r1(s.x),
      cy: r1(s.y),
      r: r1(radius),
      fill: markerFill(tone, deep, p),
      stroke: removed ? p.removed : p.markerEdge,
      'stroke-width': r1(radius * (removed ? 0.45 : 0.3)),
      'data-tone': tone,
    };
    if (tone === 'ghost') attrs['fill-opacity'] = 0.45;
    if (deep || removed) attrs['stroke-dasharray'] = `${r1(radius * 0.5)} ${r1(radius * 0.35)}`;
    nodes.push({ tag: 'circle', attrs, ...(s.title ? { children: [{ tag: 'title', attrs: {}, text: s.title }] } : {}) });
    if (options.showUnits && s.units !== undefined) {
      nodes.push({
        tag: 'text',
        attrs: {
          x: r1(s.x + radius * 1.25),
          y: r1(s.y - radius * 0.4),
          'font-size': r1(radius * 1.5),
          'font-weight': 'bold',
          'font-family': 'system-ui, sans-serif',
          fill: removed ? p.removed : p.unitsText,
          stroke: '#ffffff',
          'stroke-width': r1(radius * 0.35),
          'paint-order': 'stroke',
        },
        text: formatSvgUnits(s.units),
      });
    }
  }
  return nodes;
}

/**
 * The same markers as few elements: one path per look (tone, deep or not), each marker a circle drawn as two
 * arcs. For thumbnails, where a hundred maps of thirty sites would otherwise be thousands of elements.
 */
export function compactMarkers(sites: readonly SvgSite[], radius: number, options: { palette?: Partial<SvgPalette> } = {}): SvgNode[] {
  const p = { ...DEFAULT_PALETTE, ...options.palette };
  const groups = new Map<string, { tone: MarkerTone; deep: boolean; d: string[] }>();
  const r = r1(radius);
  for (const s of sites) {
    const tone = s.tone ?? 'current';
    const deep = s.deep === true;
    const key = `${tone}|${deep}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { tone, deep, d: [] }));
    g.d.push(`M${r1(s.x - radius)} ${r1(s.y)}a${r} ${r} 0 1 0 ${r1(2 * radius)} 0a${r} ${r} 0 1 0 ${r1(-2 * radius)} 0`);
  }
  return [...groups.values()].map(({ tone, deep, d }) => {
    const removed = tone === 'removed';
    const attrs: Record<string, string | number> = {
      d: d.join(''),
      fill: markerFill(tone, deep, p),
      stroke: removed ? p.removed : p.markerEdge,
      'stroke-width': r1(radius * (removed ? 0.45 : 0.3)),
      'data-tone': tone,
      'data-count': d.length,
    };
    if (tone === 'ghost') attrs['fill-opacity'] = 0.45;
    if (deep || removed) attrs['stroke-dasharray'] = `${r1(radius * 0.5)} ${r1(radius * 0.35)}`;
    return { tag: 'path', attrs };
  });
}

function formatSvgUnits(units: number): string {
  return Number.isInteger(units) ? String(units) : String(Math.round(units * 100) / 100);
}

/** One view with its sites, as an svg element tree sized for `widthPx` CSS pixels. */
export function mapSvgTree(view: AtlasView, sites: readonly SvgSite[], options: MapSvgOptions = {}): SvgNode {
  const widthPx = options.widthPx ?? view.width;
  const scale = widthPx / view.width;
  const radius = (options.markerPx ?? 4) / scale;
  const showDeep = options.showDeep ?? sites.some((s) => s.deep === true);
  const drawing: SvgNode[] = options.symbolHref
    ? [{ tag: 'use', attrs: { href: `#${options.symbolHref}`, x: 0, y: 0, width: view.width, height: view.height } }]
    : viewDrawing(view, { showDeep, ...(options.palette ? { palette: options.palette } : {}) });
  const title = options.title ?? view.title;
  return {
    tag: 'svg',
    attrs: {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${view.width} ${view.height}`,
      width: r1(widthPx),
      height: r1(view.height * scale),
      role: 'img',
      'aria-label': title,
      'data-view': `${view.id}@${view.version}`,
    },
    children: [
      { tag: 'title', attrs: {}, text: title },
      ...drawing,
      { tag: 'g', attrs: { class: 'sites' }, children: siteMarkers(sites, radius, { showUnits: options.showUnits ?? false, ...(options.palette ? { palette: options.palette } : {}) }) },
    ],
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** SVG text of a tree: attribute values and text escaped, names checked (a tree is data and may come from anywhere). */
export function renderSvg(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => {
      if (!NAME.test(k)) throw new Error(`renderSvg: '${k}' is not an attribute name`);
      if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`renderSvg: attribute ${k} of <${node.tag}> is ${v}`);
      return ` ${k}="${escapeXml(String(v))}"`;
    })
    .join('');
  const inner = (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(renderSvg).join('');
  return inner === '' ? `<${node.tag}${attrs}/>` : `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** A standalone SVG document of one view and its sites (for print and export). */
export function mapSvg(view: AtlasView, sites: readonly SvgSite[], options: Omit<MapSvgOptions, 'symbolHref'> = {}): string {
  return renderSvg(mapSvgTree(view, sites, options));
}

/** Charted sites as markers, each marked deep where its muscle is drawn only on the deep layer, with a tooltip. */
export function svgSites(
  view: AtlasView,
  sites: ReadonlyArray<{ x: number; y: number; units: number; muscleId: string; side: string }>,
  tone: MarkerTone = 'current',
  name: (muscleId: string) => string = (id) => id.replace(/_/g, ' '),
): SvgSite[] {
  const deep = deepOnlyMuscles(view);
  return sites.map((s) => ({
    x: s.x,
    y: s.y,
    units: s.units,
    tone,
    deep: deep.has(`${s.muscleId}|${s.side}`),
    title: `${name(s.muscleId)}${s.side === 'midline' ? '' : `, ${s.side}`}: ${formatSvgUnits(s.units)} U`,
  }));
}
