import type Konva from 'konva';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Circle, Group, Layer, Stage, Text } from 'react-konva';
import type { AtlasView, Point } from '../../shared/atlas/types.ts';
import type { Site } from '../../shared/domain/types.ts';
import { AtlasShapes } from './AtlasShapes.tsx';
import { GhostLayer, type GhostSite } from './GhostLayer.tsx';
import { useCanvasPalette } from './palette.ts';
import { fitViewport, roundPoint, toDiagram, type Viewport } from './viewport.ts';

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
  onPlace: (point: Point) => void;
  onSelect: (siteId: string | null) => void;
  onMove?: (siteId: string, point: Point) => void;
  /** The pointer's diagram position as it moves (null when it leaves), so the screen can name the muscle under it. */
  onHover?: (point: Point | null) => void;
  /** Fixed size (tests); otherwise the canvas fills its container. */
  size?: { width: number; height: number };
  /** An earlier session's sites on this view, drawn faded for reference; never selectable. */
  ghostSites?: readonly GhostSite[];
}

const MARKER_RADIUS_PX = 9;

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
 * Draws the diagram and the sites; reports clicks in diagram coordinates. It holds no record state:
 * the sites come from the editor document and every change goes back through callbacks.
 */
export function ChartCanvas(props: ChartCanvasProps) {
  const { view, sites, showDeep, zoom, selectedId, pending, onPlace, onSelect, onMove, onHover } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const palette = useCanvasPalette();
  const size = useContainerSize(containerRef, props.size);
  // Panning is view state, not record state: it lives here and resets when the canvas is remounted.
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const vp: Viewport = fitViewport(view, size, zoom, pan);
  const r = MARKER_RADIUS_PX / vp.scale;
  // Sites in muscles drawn only on the deep layer are marked apart (violet, dashed rim).
  const deepMuscles = useMemo(
    () =>
      new Set(
        view.regions
          .filter((reg) => reg.layer === 'deep' && !view.regions.some((o) => o.layer === 'superficial' && o.muscleId === reg.muscleId && o.side === reg.side))
          .map((reg) => `${reg.muscleId}|${reg.side}`),
      ),
    [view],
  );

  function handleStageClick(e: Konva.KonvaEventObject<MouseEvent | TouchEvent | PointerEvent>) {
    const stage = e.target.getStage();
    const pos = stage?.getPointerPosition();
    if (!pos) return;
    const siteId = (e.target.attrs as { siteId?: string }).siteId;
    if (siteId) {
      onSelect(siteId);
      return;
    }
    onPlace(roundPoint(toDiagram(pos, vp)));
  }

  return (
    <div className="chart-canvas" ref={containerRef} data-testid="chart-canvas" data-scale={vp.scale.toFixed(4)}>
      <Stage
        width={size.width}
        height={size.height}
        onClick={handleStageClick}
        onTap={handleStageClick}
        onMouseMove={(e) => {
          const pos = e.target.getStage()?.getPointerPosition();
          if (pos && onHover) onHover(toDiagram(pos, vp));
        }}
        onMouseLeave={() => onHover?.(null)}
        draggable
        dragDistance={6}
        onDragEnd={(e) => {
          const stage = e.target.getStage();
          if (!stage || e.target !== stage) return;
          const moved = { x: stage.x(), y: stage.y() };
          stage.position({ x: 0, y: 0 });
          setPan((p) => ({ x: p.x + moved.x, y: p.y + moved.y }));
        }}
      >
        <Layer listening={false} x={vp.offsetX} y={vp.offsetY} scaleX={vp.scale} scaleY={vp.scale}>
          <AtlasShapes view={view} showDeep={showDeep} mode="clinical" highlightMuscleId={props.highlightMuscleId ?? null} palette={palette} />
        </Layer>
        <GhostLayer sites={props.ghostSites ?? []} vp={vp} radiusPx={MARKER_RADIUS_PX} colour={palette.siteLabel} halo={palette.siteRim} />
        <Layer x={vp.offsetX} y={vp.offsetY} scaleX={vp.scale} scaleY={vp.scale}>
          {sites.map((site) => (
            <Group key={site.id}>
              <Circle
                x={site.x}
                y={site.y}
                radius={r}
                siteId={site.id}
                fill={site.id === selectedId ? palette.siteSelected : deepMuscles.has(`${site.muscleId}|${site.side}`) ? palette.siteDeep : palette.site}
                stroke={palette.siteRim}
                strokeWidth={2 / vp.scale}
                dash={deepMuscles.has(`${site.muscleId}|${site.side}`) ? [3 / vp.scale, 2 / vp.scale] : []}
                hitStrokeWidth={8 / vp.scale}
                perfectDrawEnabled={false}
                draggable={Boolean(onMove)}
                onDragEnd={(e) => {
                  const node = e.target;
                  onMove?.(site.id, roundPoint({ x: node.x(), y: node.y() }));
                  // Our state is the truth: snap the node back until the state says otherwise.
                  node.position({ x: site.x, y: site.y });
                }}
              />
              <Text
                x={site.x + r * 1.2}
                y={site.y - r * 1.1}
                text={String(site.units)}
                fontSize={13 / vp.scale}
                fontStyle="bold"
                fill={palette.siteLabel}
                listening={false}
                perfectDrawEnabled={false}
              />
            </Group>
          ))}
          {pending && (
            <Circle
              x={pending.x}
              y={pending.y}
              radius={r}
              stroke={palette.pending}
              strokeWidth={3 / vp.scale}
              dash={[4 / vp.scale, 3 / vp.scale]}
              listening={false}
            />
          )}
        </Layer>
      </Stage>
    </div>
  );
}
