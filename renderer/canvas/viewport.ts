import type { Point } from '../../shared/atlas/types.ts';

/** How a diagram is placed on the screen: uniform scale plus offset, in CSS pixels. */
export interface Viewport {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 6;

/**
 * Fits a diagram of width × height into the container with a margin, times the zoom factor,
 * and centred; `pan` moves it in screen pixels.
 */
export function fitViewport(
  diagram: { width: number; height: number },
  container: { width: number; height: number },
  zoom = 1,
  pan: Point = { x: 0, y: 0 },
  margin = 16,
): Viewport {
  const fit = Math.min(
    (container.width - 2 * margin) / diagram.width,
    (container.height - 2 * margin) / diagram.height,
  );
  const scale = Math.max(fit, 0.01) * zoom;
  return {
    scale,
    offsetX: (container.width - diagram.width * scale) / 2 + pan.x,
    offsetY: (container.height - diagram.height * scale) / 2 + pan.y,
  };
}

export function toDiagram(screen: Point, vp: Viewport): Point {
  return { x: (screen.x - vp.offsetX) / vp.scale, y: (screen.y - vp.offsetY) / vp.scale };
}

export function toScreen(diagram: Point, vp: Viewport): Point {
  return { x: diagram.x * vp.scale + vp.offsetX, y: diagram.y * vp.scale + vp.offsetY };
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** Diagram coordinates are stored rounded to 0.1 unit: finer than any needle, and stable across zooms. */
export function roundPoint(p: Point): Point {
  return { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
}

/** What the clinician controls of the view: the zoom factor and a pan in screen pixels. */
export interface Camera {
  zoom: number;
  pan: Point;
}

/**
 * The camera after zooming to `zoom` while the diagram point under the screen point `at` stays under it (wheel
 * and pinch zoom around the pointer, not around the centre).
 */
export function zoomAround(
  diagram: { width: number; height: number },
  container: { width: number; height: number },
  camera: Camera,
  at: Point,
  zoom: number,
): Camera {
  const next = clampZoom(zoom);
  const before = fitViewport(diagram, container, camera.zoom, camera.pan);
  const anchor = toDiagram(at, before);
  const centred = fitViewport(diagram, container, next, { x: 0, y: 0 });
  return {
    zoom: next,
    pan: { x: at.x - anchor.x * centred.scale - centred.offsetX, y: at.y - anchor.y * centred.scale - centred.offsetY },
  };
}
