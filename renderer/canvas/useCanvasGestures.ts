import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Point } from '../../shared/atlas/types.ts';
import { isDrag, LONG_PRESS_MS, MARKER_HIT_PX, nearestMarker } from './gesture.ts';
import { toDiagram, zoomAround, type Camera, type Viewport } from './viewport.ts';

export interface GestureTarget {
  /** The viewport now (the component re-renders; the gesture reads it when it needs it). */
  viewport: () => Viewport;
  camera: () => Camera;
  diagram: { width: number; height: number };
  size: () => { width: number; height: number };
  mode: () => 'place' | 'select';
  /** Markers in screen pixels, for selecting and picking up. */
  markers: () => ReadonlyArray<{ id: string; x: number; y: number }>;
  setCamera: (camera: Camera) => void;
  /** Live pan while a press slides (screen px from where it started), before it is committed with setCamera. */
  previewPan: (delta: Point | null) => void;
  tap: (diagramPoint: Point, site: string | null, additive: boolean) => void;
  hover: (diagramPoint: Point | null) => void;
  dragStart: (siteId: string, diagramPoint: Point) => void;
  dragMove: (diagramPoint: Point) => void;
  dragEnd: (diagramPoint: Point) => void;
  dragCancel: () => void;
  /** Whether a site can be moved at all (not on a signed session). */
  canMove: () => boolean;
}

interface Press {
  pointerId: number;
  type: string;
  start: Point;
  /** The canvas's box when the press began (read once, not on every move). */
  box: DOMRect;
  /** The marker under the press, picked up when the press slides (select mode) or is held (place mode). */
  site: string | null;
  phase: 'pending' | 'pan' | 'drag';
  additive: boolean;
  timer: number | null;
}

interface Pinch {
  startDistance: number;
  startMid: Point;
  startCamera: Camera;
}

function local(e: { clientX: number; clientY: number }, box: DOMRect): Point {
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}

/**
 * Pointer, pen, touch and wheel on the chart: a press that slides less than its tolerance is a tap (it places, or
 * selects in select mode) at the point where it went down; more, and it pans the diagram, or moves the marker it
 * started on (select mode, or a long press on a marker). Two fingers pinch-zoom; the wheel zooms around the pointer.
 * Native listeners: a moving marker costs no React event per move.
 */
export function useCanvasGestures(container: RefObject<HTMLDivElement | null>, target: GestureTarget): void {
  const t = useRef(target);
  // The handlers run after render: they read the latest target, set once the render is committed.
  useLayoutEffect(() => {
    t.current = target;
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let press: Press | null = null;
    const pointers = new Map<number, Point>();
    let pinch: Pinch | null = null;
    let box = el.getBoundingClientRect();

    function startDrag(p: Press): boolean {
      if (!p.site || !t.current.canMove()) return false;
      p.phase = 'drag';
      t.current.dragStart(p.site, toDiagram(p.start, t.current.viewport()));
      return true;
    }

    function onDown(e: PointerEvent) {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      try {
        // Keeps the press ours when a pen or finger slides off the canvas edge.
        el?.setPointerCapture(e.pointerId);
      } catch {
        // A synthetic or already-released pointer cannot be captured; the press still works inside the canvas.
      }
      box = (el as HTMLElement).getBoundingClientRect();
      const at = local(e, box);
      pointers.set(e.pointerId, at);
      if (pointers.size === 2) {
        // A second finger: pinch zoom; the first finger's press is no longer a tap.
        if (press?.timer) window.clearTimeout(press.timer);
        if (press?.phase === 'drag') t.current.dragCancel();
        t.current.previewPan(null);
        press = null;
        const [a, b] = [...pointers.values()] as [Point, Point];
        pinch = { startDistance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), startMid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, startCamera: t.current.camera() };
        return;
      }
      if (pointers.size > 2) return;
      const marker = nearestMarker(t.current.markers(), at, MARKER_HIT_PX);
      const p: Press = {
        pointerId: e.pointerId, type: e.pointerType, start: at, box, site: marker?.id ?? null, phase: 'pending',
        additive: e.shiftKey || e.ctrlKey || e.metaKey, timer: null,
      };
      // In place mode a marker is picked up only by holding the press on it: a quick press places beside it.
      if (p.site && t.current.mode() === 'place') {
        p.timer = window.setTimeout(() => {
          if (press === p && p.phase === 'pending') startDrag(p);
        }, LONG_PRESS_MS);
      }
      press = p;
    }

    function onMove(e: PointerEvent) {
      const p = press;
      if (pinch && pointers.size >= 2) {
        pointers.set(e.pointerId, local(e, box));
        const [a, b] = [...pointers.values()] as [Point, Point];
        const distance = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const zoomed = zoomAround(t.current.diagram, t.current.size(), pinch.startCamera, pinch.startMid, (pinch.startCamera.zoom * distance) / pinch.startDistance);
        t.current.setCamera({ zoom: zoomed.zoom, pan: { x: zoomed.pan.x + mid.x - pinch.startMid.x, y: zoomed.pan.y + mid.y - pinch.startMid.y } });
        return;
      }
      if (!p || p.pointerId !== e.pointerId) {
        if (e.pointerType === 'mouse' || e.pointerType === 'pen') t.current.hover(toDiagram(local(e, (el as HTMLElement).getBoundingClientRect()), t.current.viewport()));
        return;
      }
      const at = local(e, p.box);
      if (p.phase === 'pending' && isDrag(p.start, at, p.type)) {
        if (p.timer) window.clearTimeout(p.timer);
        p.timer = null;
        const picked = t.current.mode() === 'select' && startDrag(p);
        if (!picked) p.phase = 'pan';
      }
      if (p.phase === 'pan') t.current.previewPan({ x: at.x - p.start.x, y: at.y - p.start.y });
      else if (p.phase === 'drag') t.current.dragMove(toDiagram(at, t.current.viewport()));
    }

    function finish(e: PointerEvent, cancelled: boolean) {
      pointers.delete(e.pointerId);
      if (pinch) {
        if (pointers.size < 2) pinch = null;
        return;
      }
      const p = press;
      if (!p || p.pointerId !== e.pointerId) return;
      press = null;
      if (p.timer) window.clearTimeout(p.timer);
      const at = local(e, p.box);
      const g = t.current;
      if (p.phase === 'pan') {
        const camera = g.camera();
        g.previewPan(null);
        if (!cancelled) g.setCamera({ zoom: camera.zoom, pan: { x: camera.pan.x + at.x - p.start.x, y: camera.pan.y + at.y - p.start.y } });
      } else if (p.phase === 'drag') {
        if (cancelled) g.dragCancel();
        else g.dragEnd(toDiagram(at, g.viewport()));
      } else if (!cancelled) {
        // A tap lands where the press went down, not where a pen or finger slid to.
        g.tap(toDiagram(p.start, g.viewport()), p.site, p.additive);
      }
    }

    const onUp = (e: PointerEvent) => finish(e, false);
    const onCancel = (e: PointerEvent) => finish(e, true);
    const onLeave = () => {
      if (!press) t.current.hover(null);
    };
    // Wheel zoom needs a non-passive listener to keep the page from scrolling.
    function onWheel(e: WheelEvent) {
      e.preventDefault();
      const at = local(e, (el as HTMLElement).getBoundingClientRect());
      const g = t.current;
      const camera = g.camera();
      const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
      g.setCamera(zoomAround(g.diagram, g.size(), camera, at, camera.zoom * factor));
    }
    // Escape while moving a marker puts it back.
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'Escape' || press?.phase !== 'drag') return;
      press = null;
      t.current.dragCancel();
    }
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onCancel);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onCancel);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKey);
      if (press?.timer) window.clearTimeout(press.timer);
    };
  }, [container]);
}
