import { initialTool, pendingOf, selectedIds, toolReducer, type PendingSite, type ToolEvent, type ToolState } from '../../renderer/editor/tool.ts';

const pending = (id: string): PendingSite => ({ id, point: { x: 100, y: 80 }, muscleId: 'splenius_capitis', side: 'left', units: '' });

/** Runs events from a state, like a pointer and keyboard would, and returns every state passed through. */
function run(start: ToolState, ...events: ToolEvent[]): ToolState {
  return events.reduce(toolReducer, start);
}

describe('the chart tool', () => {
  it('starts placing on a draft and selecting on a signed session', () => {
    expect(initialTool(false)).toEqual({ kind: 'idle', mode: 'place' });
    expect(initialTool(true)).toEqual({ kind: 'idle', mode: 'select' });
  });

  it('a press places a site, typed units are kept, and only that placement ends when it is saved', () => {
    let s = run(initialTool(false), { type: 'place', pending: pending('a') }, { type: 'typeUnits', text: '25' });
    expect(pendingOf(s)?.units).toBe('25');
    // A second press while the first is being saved starts another placement; the first one's answer does not end it.
    s = run(s, { type: 'place', pending: pending('b') }, { type: 'placed', pendingId: 'a' });
    expect(pendingOf(s)?.id).toBe('b');
    s = run(s, { type: 'placed', pendingId: 'b' });
    expect(s).toEqual({ kind: 'idle', mode: 'place' });
  });

  it('Escape drops a placement, then a selection', () => {
    expect(run(initialTool(false), { type: 'place', pending: pending('a') }, { type: 'escape' })).toEqual({ kind: 'idle', mode: 'place' });
    expect(run(initialTool(false), { type: 'select', id: 'x' }, { type: 'escape' })).toEqual({ kind: 'idle', mode: 'place' });
  });

  it('Escape during a drag puts the site back and keeps it selected', () => {
    let s = run(initialTool(false), { type: 'mode', mode: 'select' }, { type: 'select', id: 'x' }, { type: 'dragStart', siteId: 'x', from: { x: 1, y: 2 } });
    s = run(s, { type: 'dragMove', to: { x: 40, y: 2 }, over: { muscleId: 'trapezius_upper', side: 'left' } });
    expect(s.kind === 'dragging' && s.drag.over?.muscleId).toBe('trapezius_upper');
    s = run(s, { type: 'escape' });
    expect(s).toEqual({ kind: 'selected', mode: 'select', ids: ['x'] });
  });

  it('drags only in select mode: in place mode a press on a marker places instead', () => {
    const placing = run(initialTool(false), { type: 'dragStart', siteId: 'x', from: { x: 0, y: 0 } });
    expect(placing.kind).toBe('idle');
    const dragging = run(initialTool(false), { type: 'mode', mode: 'select' }, { type: 'dragStart', siteId: 'x', from: { x: 0, y: 0 } });
    expect(dragging.kind).toBe('dragging');
    expect(run(dragging, { type: 'dragEnd' })).toEqual({ kind: 'selected', mode: 'select', ids: ['x'] });
  });

  it('adds to and removes from a selection with a modifier, for mirroring several sites', () => {
    let s = run(initialTool(false), { type: 'select', id: 'a' }, { type: 'select', id: 'b', additive: true }, { type: 'select', id: 'c', additive: true });
    expect(selectedIds(s)).toEqual(['a', 'b', 'c']);
    s = run(s, { type: 'select', id: 'b', additive: true });
    expect(selectedIds(s)).toEqual(['a', 'c']);
    s = run(s, { type: 'gone', ids: ['a'] });
    expect(selectedIds(s)).toEqual(['c']);
    expect(run(s, { type: 'gone', ids: ['c'] }).kind).toBe('idle');
    expect(selectedIds(run(s, { type: 'selectMany', ids: ['x', 'y'] }))).toEqual(['x', 'y']);
  });

  it('switching tools drops an unsaved placement but keeps the selection', () => {
    expect(run(initialTool(false), { type: 'place', pending: pending('a') }, { type: 'mode', mode: 'select' })).toEqual({ kind: 'idle', mode: 'select' });
    expect(run(initialTool(false), { type: 'select', id: 'a' }, { type: 'mode', mode: 'select' })).toEqual({ kind: 'selected', mode: 'select', ids: ['a'] });
  });

  it('a session signed while charting leaves nothing to place', () => {
    expect(run(initialTool(false), { type: 'place', pending: pending('a') }, { type: 'readOnly' })).toEqual({ kind: 'idle', mode: 'select' });
    expect(run(initialTool(false), { type: 'select', id: 'q' }, { type: 'readOnly' })).toEqual({ kind: 'selected', mode: 'select', ids: ['q'] });
  });
});
