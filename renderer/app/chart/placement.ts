import type { AtlasView, Point, Side } from '../../../shared/atlas/index.ts';
import type { Site } from '../../../shared/domain/types.ts';

/** A site being placed: where and on which muscle, waiting for its units. */
export interface PendingSite {
  /**
   * The id the site is saved under, made once when the placement starts: pressing "Place site"
   * again for the same placement names the same site, so it can never be saved twice.
   */
  id: string;
  point: Point;
  muscleId: string;
  side: Side;
  /** Prefilled with the last units entered in this session; the clinician types over it. */
  units: string;
}

export function newPendingSite(point: Point, muscle: { muscleId: string; side: Side }, units: string): PendingSite {
  return { id: crypto.randomUUID(), point, muscleId: muscle.muscleId, side: muscle.side, units };
}

/** The site a confirmed placement saves; `seq` 0 lets main number it. */
export function siteFromPending(pending: PendingSite, sessionId: string, view: Pick<AtlasView, 'id' | 'version'>, units: number, at: string): Site {
  return {
    id: pending.id,
    sessionId,
    seq: 0,
    viewId: view.id,
    viewVersion: view.version,
    x: pending.point.x,
    y: pending.point.y,
    muscleId: pending.muscleId,
    side: pending.side,
    units,
    guidance: 'none',
    note: '',
    createdAt: at,
    updatedAt: at,
  };
}
