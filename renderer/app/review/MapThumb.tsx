import { memo } from 'react';
import { getView, muscleName } from '../../../shared/atlas/index.ts';
import { mapSvgTree, svgSites, viewSymbolId, type MarkerTone, type SvgSite } from '../../../shared/atlas/svg.ts';
import type { HistorySite } from '../../../shared/domain/review.ts';
import { SvgTree } from './SvgTree.tsx';

/** The views a session's sites were charted on, each on its own version, in charting order. */
export function chartedViews(sites: readonly HistorySite[]): string[] {
  return [...new Set(sites.map((s) => `${s.viewId}@${s.viewVersion}`))];
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
  /** Refer to the page's AtlasSprite instead of drawing the diagram inline. */
  useSprite?: boolean;
  title?: string;
}

/** One diagram with a session's sites on it, drawn from the atlas vectors as SVG. */
export const MapThumb = memo(function MapThumb({ viewKey, sites, widthPx, tone = 'current', under = [], showUnits = false, markerPx, useSprite = true, title }: Props) {
  const [id, version] = viewKey.split('@') as [string, string];
  const view = getView(id, Number(version));
  const onView = sites.filter((s) => s.viewId === id && s.viewVersion === view.version);
  const markers = [...under, ...svgSites(view, onView, tone, muscleName)];
  const showDeep = markers.some((m) => m.deep === true);
  const tree = mapSvgTree(view, markers, {
    widthPx,
    showDeep,
    showUnits,
    ...(markerPx !== undefined ? { markerPx } : {}),
    title: title ?? `${view.title}: ${onView.length} site${onView.length === 1 ? '' : 's'}`,
    ...(useSprite ? { symbolHref: viewSymbolId(view, showDeep) } : {}),
  });
  return <SvgTree node={tree} />;
});
