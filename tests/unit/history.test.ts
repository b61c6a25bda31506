import type { Site } from '../../shared/domain/types.ts';
import { afterRedo, afterUndo, applyPatch, EMPTY_HISTORY, invert, rebase, record, type Patch } from '../../renderer/editor/history.ts';

function site(id: string, seq: number, units = 5): Site {
  return {
    id, sessionId: 's', seq, viewId: 'face_front', viewVersion: 1, x: seq * 10, y: 20, muscleId: 'frontalis', side: 'left',
    units, guidance: 'none', note: '', createdAt: 't', updatedAt: 't',
  };
}

const start = [site('a', 1), site('b', 2, 2.5)];
const patches: Patch[] = [
  { kind: 'add', site: site('c', 3, 1.25) },
  { kind: 'remove', site: site('a', 1) },
  { kind: 'update', before: site('b', 2, 2.5), after: { ...site('b', 2, 10), x: 99 } },
];

describe('editor patches', () => {
  it.each(patches.map((p) => [p.kind, p]))('undo after %s gives back the sites exactly', (_kind, patch) => {
    const done = applyPatch(start, patch);
    expect(done).not.toEqual(start);
    expect(applyPatch(done, invert(patch))).toEqual(start);
  });

  it('re-adding a removed site puts it back in charting order', () => {
    const removed = applyPatch(start, { kind: 'remove', site: site('a', 1) });
    expect(applyPatch(removed, { kind: 'add', site: site('a', 1) }).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('undo moves the last change to redo, and a new change clears redo', () => {
    let h = record(record(EMPTY_HISTORY, patches[0] as Patch), patches[1] as Patch);
    h = afterUndo(h);
    expect(h.done).toEqual([patches[0]]);
    expect(h.undone).toEqual([patches[1]]);
    expect(afterRedo(h).done).toEqual([patches[0], patches[1]]);
    expect(record(h, patches[2] as Patch).undone).toEqual([]);
    expect(afterUndo(EMPTY_HISTORY)).toBe(EMPTY_HISTORY);
  });
});

describe('queued changes', () => {
  it('a second edit made on the same screen keeps the first one (units, then guidance)', () => {
    const shown = site('a', 1, 5);
    const first: Patch = { kind: 'update', before: shown, after: { ...shown, units: 2.5 } };
    const second: Patch = { kind: 'update', before: shown, after: { ...shown, guidance: 'emg' } };
    const afterFirst = applyPatch([shown], first);
    const replayed = rebase(second, afterFirst);
    expect(replayed && applyPatch(afterFirst, replayed)).toEqual([{ ...shown, units: 2.5, guidance: 'emg' }]);
  });

  it('drops a change about a site that is already gone, and a duplicate add', () => {
    expect(rebase({ kind: 'remove', site: site('x', 9) }, start)).toBeNull();
    expect(rebase({ kind: 'update', before: site('x', 9), after: site('x', 9, 1) }, start)).toBeNull();
    expect(rebase({ kind: 'add', site: site('a', 1) }, start)).toBeNull();
  });
});
