/**
 * How far a press may slide and still be a tap, by what pressed. A gloved finger or a pen on a clinic laptop
 * slides a few pixels on every press; that must still place (or select), never pan silently.
 */
export const TAP_TOLERANCE_PX: Readonly<Record<string, number>> = { mouse: 6, pen: 14, touch: 18 };

/** Holding a press this long on a marker, without sliding, picks it up to move it (pen and touch). */
export const LONG_PRESS_MS = 550;

/** Half the 44 px target: a press this close to a marker's centre is on that marker in select mode. */
export const MARKER_HIT_PX = 22;

export function tapTolerance(pointerType: string): number {
  return TAP_TOLERANCE_PX[pointerType] ?? TAP_TOLERANCE_PX.mouse ?? 6;
}

/** Whether a press that moved from `start` to `now` has become a drag (pan, move) rather than a tap. */
export function isDrag(start: { x: number; y: number }, now: { x: number; y: number }, pointerType: string): boolean {
  return Math.hypot(now.x - start.x, now.y - start.y) > tapTolerance(pointerType);
}

/** The marker nearest to a screen point within `radius` px, or null. */
export function nearestMarker<T extends { x: number; y: number }>(markers: readonly T[], at: { x: number; y: number }, radius = MARKER_HIT_PX): T | null {
  let best: T | null = null;
  let bestD = radius;
  for (const m of markers) {
    const d = Math.hypot(m.x - at.x, m.y - at.y);
    if (d <= bestD) {
      best = m;
      bestD = d;
    }
  }
  return best;
}
