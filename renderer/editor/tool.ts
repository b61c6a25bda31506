/**
 * What the pointer and keyboard are doing on the chart, as one state machine instead of many flags:
 *   idle      nothing under way;
 *   placing   a site is being placed (point and muscle chosen, units not yet confirmed);
 *   selected  one or more sites are selected (to move, mirror, correct or delete);
 *   dragging  a selected site is being moved; Escape puts it back where it was.
 * The mode decides what a press on the diagram does: in 'place' mode it always starts a new site, even on top of
 * a marker; in 'select' mode it picks the nearest marker and drags it. Pure: the chart dispatches events and
 * reads the state, and tests drive it like a pointer would.
 */
import type { Point, Side } from '../../shared/atlas/types.ts';

export type ToolMode = 'place' | 'select';

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

export interface DragState {
  siteId: string;
  from: Point;
  to: Point;
  /** The muscle under the dragged marker, shown while dragging (null: off every muscle). */
  over: { muscleId: string; side: Side } | null;
}

export type ToolState =
  | { kind: 'idle'; mode: ToolMode }
  | { kind: 'placing'; mode: ToolMode; pending: PendingSite }
  | { kind: 'selected'; mode: ToolMode; ids: readonly string[] }
  | { kind: 'dragging'; mode: ToolMode; ids: readonly string[]; drag: DragState };

export type ToolEvent =
  | { type: 'mode'; mode: ToolMode }
  | { type: 'place'; pending: PendingSite }
  /** Units typed into the site being placed (kept so a reload can offer them back). */
  | { type: 'typeUnits'; text: string }
  /** The placement was saved (or dropped): only the placement with this id ends. */
  | { type: 'placed'; pendingId: string }
  | { type: 'select'; id: string; additive?: boolean }
  | { type: 'selectMany'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'dragStart'; siteId: string; from: Point }
  | { type: 'dragMove'; to: Point; over: DragState['over'] }
  /** The drag ended; the caller has already sent the move (or decided not to). */
  | { type: 'dragEnd' }
  | { type: 'escape' }
  /** Sites that no longer exist (deleted, undone) leave the selection. */
  | { type: 'gone'; ids: readonly string[] }
  /** The session became read-only (signed): nothing can be placed or moved any more. */
  | { type: 'readOnly' };

export function initialTool(readOnly: boolean): ToolState {
  return { kind: 'idle', mode: readOnly ? 'select' : 'place' };
}

function selection(state: ToolState): readonly string[] {
  return state.kind === 'selected' || state.kind === 'dragging' ? state.ids : [];
}

export function toolReducer(state: ToolState, event: ToolEvent): ToolState {
  const { mode } = state;
  switch (event.type) {
    case 'mode':
      if (event.mode === mode) return state;
      // Switching tools drops a placement under way (it has not been saved) but keeps the selection.
      if (state.kind === 'placing' || state.kind === 'dragging') return { kind: 'idle', mode: event.mode };
      return { ...state, mode: event.mode };
    case 'place':
      return { kind: 'placing', mode, pending: event.pending };
    case 'typeUnits':
      return state.kind === 'placing' ? { ...state, pending: { ...state.pending, units: event.text } } : state;
    case 'placed':
      return state.kind === 'placing' && state.pending.id === event.pendingId ? { kind: 'idle', mode } : state;
    case 'select': {
      if (state.kind === 'dragging') return state;
      const current = selection(state);
      if (!event.additive) return { kind: 'selected', mode, ids: [event.id] };
      const ids = current.includes(event.id) ? current.filter((id) => id !== event.id) : [...current, event.id];
      return ids.length === 0 ? { kind: 'idle', mode } : { kind: 'selected', mode, ids };
    }
    case 'selectMany':
      return event.ids.length === 0 ? { kind: 'idle', mode } : { kind: 'selected', mode, ids: [...event.ids] };
    case 'clear':
      return state.kind === 'dragging' ? state : { kind: 'idle', mode };
    case 'dragStart': {
      if (mode !== 'select' || state.kind === 'placing') return state;
      const current = selection(state);
      const ids = current.includes(event.siteId) ? current : [event.siteId];
      return { kind: 'dragging', mode, ids, drag: { siteId: event.siteId, from: event.from, to: event.from, over: null } };
    }
    case 'dragMove':
      return state.kind === 'dragging' ? { ...state, drag: { ...state.drag, to: event.to, over: event.over } } : state;
    case 'dragEnd':
      return state.kind === 'dragging' ? { kind: 'selected', mode, ids: state.ids } : state;
    case 'escape':
      // Escape cancels the innermost thing under way: a drag (the site stays where it was), then a placement,
      // then the selection.
      if (state.kind === 'dragging') return { kind: 'selected', mode, ids: state.ids };
      return { kind: 'idle', mode };
    case 'gone': {
      if (state.kind !== 'selected' && state.kind !== 'dragging') return state;
      if (state.kind === 'dragging' && event.ids.includes(state.drag.siteId)) return { kind: 'idle', mode };
      const ids = state.ids.filter((id) => !event.ids.includes(id));
      if (ids.length === state.ids.length) return state;
      return ids.length === 0 ? { kind: 'idle', mode } : { ...state, ids };
    }
    case 'readOnly': {
      const ids = selection(state);
      return ids.length > 0 ? { kind: 'selected', mode: 'select', ids } : { kind: 'idle', mode: 'select' };
    }
  }
}

/** The ids selected now (empty unless selecting or dragging). */
export function selectedIds(state: ToolState): readonly string[] {
  return selection(state);
}

/** The site being placed, if any. */
export function pendingOf(state: ToolState): PendingSite | null {
  return state.kind === 'placing' ? state.pending : null;
}
