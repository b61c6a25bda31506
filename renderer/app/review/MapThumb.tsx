import { memo } from 'react';
import { getView, muscleName } from '../../../shared/atlas/index.ts';
import { compactMarkers, mapSvg, mapSvgTree, siteMarkers, svgSites, type MarkerTone, type SvgPalette, type SvgSite } from '../../../shared/atlas/svg.ts';
import type { AtlasView } from '../../../shared/atlas/types.ts';
import type { HistorySite } from '../../../shared/domain/review.ts';
import { useCanvasPalette, type CanvasPalette } from '../../canvas/palette.ts';
import { renderTree, SvgTree } from './SvgTree.tsx';

/** The views a session's sites were charted on, each on its own version, in charting order. */
export function chartedViews(sites: readonly HistorySite[]): string[] {
  return [...new Set(sites.map((s) => `${s.viewId}@${s.viewVersion}`))];
}

/**
 * Each diagram as one image (an SVG document behind a blob: URL, allowed by the page's img-src policy), made
 * once per view, version and layer and kept for the life of the window (a few dozen at most). Chromium decodes
 * it once and paints it under every thumbnail. Measured on 356 thumbnails: SVG <use> clones the drawing into
 * each (1.3 s); data: URLs copy ~100 KB strings into each img (133 ms in setAttribute alone); blob: URLs are short.
 */
const images = new Map<string, string>();
function drawingUrl(view: AtlasView, showDeep: boolean, palette: Partial<SvgPalette>): string {
  const key = `${view.id}@${view.version}${showDeep ? '+deep' : ''}|${palette.skin ?? ''}|${palette.muscle ?? ''}`;
  let url = images.get(key);
  if (!url) {
    url = URL.createObjectURL(new Blob([mapSvg(view, [], { showDeep, title: view.title, palette })], { type: 'image/svg+xml' }));
    images.set(key, url);
  }
  return url;
}

/** The chart's colours for the current theme (light, dark, high contrast), so a thumbnail reads like the chart. */
function svgPalette(c: CanvasPalette): Partial<SvgPalette> {
  return {
    skin: c.skin, skinEdge: c.skinEdge, detail: c.detail, muscle: c.muscleFill, muscleEdge: c.muscleEdge, deepFill: c.deepFill, deepEdge: c.deepEdge,
    site: c.site, deepSite: c.siteDeep, markerEdge: c.siteRim, unitsText: c.siteLabel,
  };
}

interface Props {
  /** "viewId@version". */
  viewKey: string;
  sites: readonly HistorySite[];
  widthPx: number;
  tone?: MarkerTone;
  /** Extra markers drawn first (e.g. the other session of a comparison, faded). */
  under?: readonly SvgSite[];
  showUnits?: boolean;
  markerPx?: number;
  /** Draw the diagram inline as vectors (large maps) instead of the shared image (thumbnails). */
  inline?: boolean;
  title?: string;
}

/** One diagram with a session's sites on it, drawn from the atlas vectors. */
export const MapThumb = memo(function MapThumb({ viewKey, sites, widthPx, tone = 'current', under = [], showUnits = false, markerPx = 4, inline = false, title }: Props) {
  const [id, version] = viewKey.split('@') as [string, string];
  const view = getView(id, Number(version));
  const canvasPalette = useCanvasPalette();
  const palette = svgPalette(canvasPalette);
  const onView = sites.filter((s) => s.viewId === id && s.viewVersion === view.version);
  // Thumbnails name the view and count the sites; only the large (inline) maps name every site.
  const markers = [...under, ...svgSites(view, onView, tone, inline ? muscleName : undefined)];
  const showDeep = markers.some((m) => m.deep === true);
  const label = title ?? `${view.title}: ${onView.length} site${onView.length === 1 ? '' : 's'}`;
  if (inline) return <SvgTree node={mapSvgTree(view, markers, { widthPx, showDeep, showUnits, markerPx, title: label, palette })} />;
  const heightPx = Math.round((view.height * widthPx) / view.width);
  const radius = (markerPx * view.width) / widthPx;
  return (
    <span className="map-thumb" role="img" aria-label={label} title={label} data-view={`${view.id}@${view.version}`}>
      <img src={drawingUrl(view, showDeep, palette)} width={widthPx} height={heightPx} alt="" decoding="async" />
      <svg viewBox={`0 0 ${view.width} ${view.height}`} width={widthPx} height={heightPx} aria-hidden="true">
        {(showUnits ? siteMarkers(markers, radius, { showUnits, palette }) : compactMarkers(markers, radius, { palette })).map((node, i) => renderTree(node, i))}
      </svg>
    </span>
  );
});
