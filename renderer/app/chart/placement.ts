import type { AtlasView, Point, Side } from '../../../shared/atlas/index.ts';
import type { Site } from '../../../shared/domain/types.ts';
import type { PendingSite } from '../../editor/tool.ts';
import { newId } from '../../../shared/domain/ids.ts';

export type { PendingSite };

export function newPendingSite(point: Point, muscle: { muscleId: string; side: Side }, units: string): PendingSite {
  return { id: newId(), point, muscleId: muscle.muscleId, side: muscle.side, units };
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
