import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Circle, Label, Layer, Stage, Tag, Text } from 'react-konva';
import { hitTest, muscleName } from '../../shared/atlas/index.ts';
import type { AtlasView, Point, Side } from '../../shared/atlas/types.ts';
import type { Site } from '../../shared/domain/types.ts';
import { AtlasShapes } from './AtlasShapes.tsx';
import { GhostLayer, type GhostSite } from './GhostLayer.tsx';
import { layoutMarkers } from './labels.ts';
import { useCanvasPalette } from './palette.ts';
import { sideLabels } from './side-labels.ts';
import { SitesLayer, type MarkerLook } from './SitesLayer.tsx';
import { useCanvasGestures } from './useCanvasGestures.ts';
import { fitViewport, roundPoint, toScreen, type Camera, type Viewport } from './viewport.ts';

export interface ChartCanvasProps {
  view: AtlasView;
  /** Sites charted on this view. */
  sites: readonly Site[];
  showDeep: boolean;
  zoom: number;
  selectedId: string | null;
  /** A site being placed (units not yet entered), drawn as a hollow marker. */
  pending: Point | null;
  highlightMuscleId?: string | null;
  /** A tap on the diagram in place mode (or on empty diagram in select mode). */
  onPlace: (point: Point) => void;
  /** A tap on a marker in select mode (null: on no marker); `additive` with Shift, Ctrl or Cmd held. */
  onSelect: (siteId: string | null, additive?: boolean) => void;
  /** A marker moved (select mode, or a long press on it): where it was let go. */
  onMove?: (siteId: string, point: Point) => void;
  /** The pointer's diagram position as it moves (null when it leaves), so the screen can name the muscle under it. */
  onHover?: (point: Point | null) => void;
  /** Fixed size (tests); otherwise the canvas fills its container. */
  size?: { width: number; height: number };
  /** 'place' (default): every tap places, even on a marker. 'select': a tap picks the marker under it. */
  mode?: 'place' | 'select';
  /** Every selected site (several can be, to mirror them); selectedId is included. */
  selectedIds?: readonly string[];
  /** The pan (screen px) when the chart controls the camera with onCamera; otherwise the canvas keeps its own. */
  pan?: Point;
  onCamera?: (camera: Camera) => void;
  /** A marker was picked up, or let go (null), for the screen's tool state. */
  onDragState?: (drag: { siteId: string; from: Point } | null) => void;
  /** While a marker moves: the muscle under it, when that changes (null: off every muscle). */
  onDragOver?: (over: { muscleId: string; side: Side } | null, point: Point) => void;
  /** A coloured ring around some markers (copy forward: changed or new). */
  markerRing?: (site: Site) => string | null;
  /** An earlier session's sites on this view, drawn faded for reference; never selectable. */
  ghostSites?: readonly GhostSite[];
}

const MARKER_RADIUS_PX = 9;
const LABEL_FONT_PX = 13;

function useContainerSize(ref: React.RefObject<HTMLDivElement | null>, fixed?: { width: number; height: number }) {
  const [measured, setMeasured] = useState({ width: 600, height: 600 });
  const isFixed = fixed !== undefined;
  useEffect(() => {
    if (isFixed) return;
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setMeasured({ width: Math.max(200, Math.floor(width)), height: Math.max(200, Math.floor(height)) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, isFixed]);
  return fixed ?? measured;
}

/**
 * Draws the diagram and the sites, and turns presses into places, selections, moves, pans and zooms in diagram
 * coordinates. It holds no record state: the sites come from the editor document and every change goes back
 * through callbacks. While a marker is moved, only a separate drag layer redraws.
 */
export function ChartCanvas(props: ChartCanvasProps) {
  const { view, sites, showDeep, selectedId, pending, onPlace, onSelect, onMove, onHover } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const dragLayerRef = useRef<Konva.Layer>(null);
  const dragMarkerRef = useRef<Konva.Circle>(null);
  const dragTextRef = useRef<Konva.Text>(null);
  const dragLabelRef = useRef<Konva.Label>(null);
  const palette = useCanvasPalette();
  const size = useContainerSize(containerRef, props.size);
  const mode = props.mode ?? 'place';
  // Uncontrolled camera (tests, galleries): the zoom comes from props, the pan lives here.
  const [ownPan, setOwnPan] = useState<Point>({ x: 0, y: 0 });
  const [ownZoom, setOwnZoom] = useState<number | null>(null);
  const camera: Camera = props.onCamera ? { zoom: props.zoom, pan: props.pan ?? { x: 0, y: 0 } } : { zoom: ownZoom ?? props.zoom, pan: ownPan };
  const vp: Viewport = fitViewport(view, size, camera.zoom, camera.pan);
  const [dragging, setDragging] = useState<string | null>(null);
  const dragRef = useRef<{ siteId: string; from: Point; over: string } | null>(null);

  const deepMuscles = useMemo(
    () =>
      new Set(
        view.regions
          .filter((reg) => reg.layer === 'deep' && !view.regions.some((o) => o.layer === 'superficial' && o.muscleId === reg.muscleId && o.side === reg.side))
          .map((reg) => `${reg.muscleId}|${reg.side}`),
      ),
    [view],
  );
  const selected = useMemo(() => new Set([...(props.selectedIds ?? []), ...(selectedId ? [selectedId] : [])]), [props.selectedIds, selectedId]);
  const shown = useMemo(() => sites.filter((s) => s.id !== dragging), [sites, dragging]);
  const screenMarkers = useMemo(
    () => shown.map((s) => ({ id: s.id, units: s.units, ...toScreen(s, vp) })),
    // vp is recomputed each render from these values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, vp.scale, vp.offsetX, vp.offsetY],
  );
  const groups = useMemo(() => layoutMarkers(screenMarkers, { radius: MARKER_RADIUS_PX, fontSize: LABEL_FONT_PX, bounds: size }), [screenMarkers, size]);
  const hiddenLabels = groups.filter((g) => !g.label).length;
  const byId = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);
  const { markerRing } = props;
  const look = useCallback(
    (id: string): MarkerLook => {
      const s = byId.get(id);
      return { deep: s ? deepMuscles.has(`${s.muscleId}|${s.side}`) : false, selected: selected.has(id), ring: s && markerRing ? markerRing(s) : null };
    },
    [byId, deepMuscles, selected, markerRing],
  );

  const setCamera = (next: Camera) => {
    if (props.onCamera) props.onCamera(next);
    else {
      setOwnZoom(next.zoom);
      setOwnPan(next.pan);
    }
  };

  function overAt(p: Point): { muscleId: string; side: Side } | null {
    const hit = hitTest(view, p, { showDeep });
    return hit && { muscleId: hit.muscleId, side: hit.side };
  }

  function showDrag(p: Point, siteId: string) {
    const marker = dragMarkerRef.current;
    const text = dragTextRef.current;
    const label = dragLabelRef.current;
    const layer = dragLayerRef.current;
    if (!marker || !text || !label || !layer) return;
    const at = toScreen(p, vp);
    const site = byId.get(siteId);
    const over = overAt(p);
    const changed = !over || (site && (over.muscleId !== site.muscleId || over.side !== site.side));
    marker.position(at);
    marker.visible(true);
    label.position({ x: at.x + MARKER_RADIUS_PX + 6, y: at.y - MARKER_RADIUS_PX - 22 });
    const name = over ? `${muscleName(over.muscleId)} ${over.side === 'midline' ? '' : over.side === 'left' ? 'L' : 'R'}${changed ? ' (new muscle)' : ''}` : 'Not on a muscle: it will stay where it was';
    // Text is measured again whenever it is set: only when the muscle under the marker changes.
    if (text.text() !== name) {
      text.text(name);
      text.fill(changed ? palette.siteSelected : palette.siteLabel);
    }
    label.visible(true);
    layer.batchDraw();
    const key = over ? `${over.muscleId}|${over.side}` : '';
    if (dragRef.current && dragRef.current.over !== key) {
      dragRef.current.over = key;
      props.onDragOver?.(over, p);
    }
  }

  function hideDrag() {
    dragMarkerRef.current?.visible(false);
    dragLabelRef.current?.visible(false);
    dragLayerRef.current?.batchDraw();
    dragRef.current = null;
    setDragging(null);
  }

  useCanvasGestures(containerRef, {
    viewport: () => vp,
    camera: () => camera,
    diagram: view,
    size: () => size,
    mode: () => mode,
    markers: () => screenMarkers,
    setCamera,
    previewPan: (delta) => {
      const stage = stageRef.current;
      if (!stage) return;
      stage.position(delta ?? { x: 0, y: 0 });
      stage.batchDraw();
    },
    tap: (p, site, additive) => {
      if (mode === 'select') onSelect(site, additive);
      else onPlace(roundPoint(p));
    },
    hover: (p) => onHover?.(p),
    canMove: () => Boolean(onMove),
    dragStart: (siteId, p) => {
      dragRef.current = { siteId, from: p, over: '' };
      setDragging(siteId);
      props.onDragState?.({ siteId, from: p });
      showDrag(p, siteId);
    },
    dragMove: (p) => {
      if (dragRef.current) showDrag(p, dragRef.current.siteId);
    },
    dragEnd: (p) => {
      const drag = dragRef.current;
      hideDrag();
      props.onDragState?.(null);
      if (drag) onMove?.(drag.siteId, roundPoint(p));
    },
    dragCancel: () => {
      hideDrag();
      props.onDragState?.(null);
    },
  });

  const labels = sideLabels(view);
  // The region the site being placed is in (its lid and half on the eye view), highlighted on its own.
  const pendingHit = pending ? hitTest(view, pending, { showDeep }) : null;
  const pendingRegion = pendingHit && pendingHit.muscleId === props.highlightMuscleId ? pendingHit.region.id : null;

  return (
    <div
      className={`chart-canvas mode-${mode}`}
      ref={containerRef}
      data-testid="chart-canvas"
      data-view={view.id}
      data-scale={vp.scale.toFixed(4)}
      data-offset={`${vp.offsetX.toFixed(2)},${vp.offsetY.toFixed(2)}`}
      data-hidden-labels={hiddenLabels}
    >
      <Stage ref={stageRef} width={size.width} height={size.height} listening={false}>
        <Layer listening={false} x={vp.offsetX} y={vp.offsetY} scaleX={vp.scale} scaleY={vp.scale}>
          <AtlasShapes view={view} showDeep={showDeep} mode="clinical" highlightMuscleId={props.highlightMuscleId ?? null} highlightRegionId={pendingRegion} palette={palette} />
        </Layer>
        <GhostLayer sites={props.ghostSites ?? []} vp={vp} radiusPx={MARKER_RADIUS_PX} colour={palette.siteLabel} halo={palette.siteRim} />
        <SitesLayer groups={groups} look={look} radius={MARKER_RADIUS_PX} fontSize={LABEL_FONT_PX} palette={palette} />
        <Layer listening={false}>
          {labels.map((l) => (
            <Label key={l.edge} x={l.edge === 'left' ? 8 : size.width - 128} y={8} listening={false}>
              <Tag fill={palette.labelHalo} cornerRadius={4} listening={false} />
              <Text
                width={120}
                padding={4}
                align={l.edge === 'left' ? 'left' : 'right'}
                text={`${l.letter}\n${l.text}`}
                fontSize={13}
                lineHeight={1.15}
                fontStyle="bold"
                fill={palette.siteLabel}
                listening={false}
              />
            </Label>
          ))}
          {pending && (
            <Circle {...toScreen(pending, vp)} radius={MARKER_RADIUS_PX + 1} stroke={palette.pending} strokeWidth={3} dash={[4, 3]} listening={false} />
          )}
        </Layer>
        <Layer ref={dragLayerRef} listening={false}>
          <Circle ref={dragMarkerRef} visible={false} radius={MARKER_RADIUS_PX + 2} fill={palette.siteSelected} stroke={palette.siteRim} strokeWidth={2} listening={false} />
          <Label ref={dragLabelRef} visible={false} listening={false}>
            <Tag fill={palette.labelHalo} cornerRadius={4} listening={false} />
            <Text ref={dragTextRef} padding={4} fontSize={14} fontStyle="bold" fill={palette.siteLabel} listening={false} />
          </Label>
        </Layer>
      </Stage>
      {hiddenLabels > 0 && (
        <span className="canvas-note" data-testid="hidden-labels">
          {hiddenLabels} {hiddenLabels === 1 ? 'label' : 'labels'} hidden where sites crowd: zoom in to read them
        </span>
      )}
    </div>
  );
}
