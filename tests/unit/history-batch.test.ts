import type { SessionPattern, Site } from '../../shared/domain/types.ts';
import { applyPatch, applyPatterns, describePatch, invert, rebase, type BatchPatch } from '../../renderer/editor/history.ts';
import { batchInput } from '../../renderer/editor/useChartEditor.ts';

function site(id: string, seq: number, extra: Partial<Site> = {}): Site {
  return {
    id, sessionId: 's', seq, viewId: 'neck_anterior', viewVersion: 1, x: seq * 10, y: 20, muscleId: 'sternocleidomastoid', side: 'left',
    units: 25, guidance: 'none', note: '', createdAt: 't', updatedAt: 't', ...extra,
  };
}

const laterocollis: SessionPattern = {
  id: 'p1', sessionId: 's', patternId: 'cd_laterocollis', patternName: 'Laterocollis', direction: 'left',
  accepted: [{ muscleId: 'sternocleidomastoid', side: 'left', units: 25 }], appliedAt: 't',
};

const start = [site('a', 1), site('b', 2, { muscleId: 'splenius_capitis' })];
const batch: BatchPatch = {
  kind: 'batch',
  label: 'Pattern: laterocollis, left',
  patches: [
    { kind: 'add', site: site('c', 3, { side: 'right' }) },
    { kind: 'add', site: site('d', 4, { muscleId: 'levator_scapulae' }) },
    { kind: 'update', before: site('a', 1), after: site('a', 1, { units: 30 }) },
    { kind: 'remove', site: site('b', 2, { muscleId: 'splenius_capitis' }) },
  ],
  addPatterns: [laterocollis],
  removePatterns: [],
};

describe('a batch of changes (a pattern, a mirror, a template, a copy-forward accept)', () => {
  it('is undone in one step: every site and the pattern record come back exactly', () => {
    const done = applyPatch(start, batch);
    expect(done.map((s) => [s.id, s.units])).toEqual([['a', 30], ['c', 25], ['d', 25]]);
    expect(applyPatch(done, invert(batch))).toEqual(start);
    const patterns = applyPatterns([], batch);
    expect(patterns).toEqual([laterocollis]);
    expect(applyPatterns(patterns, invert(batch))).toEqual([]);
    expect(invert(invert(batch))).toEqual(batch);
  });

  it('replayed after other changes keeps what still applies and drops what no longer can', () => {
    const now = [site('a', 1, { units: 20 })];
    const replayed = rebase(batch, now);
    if (!replayed || replayed.kind !== 'batch') throw new Error('expected a batch');
    // b is gone already: its removal is dropped; a's update applies over the latest a.
    expect(replayed.patches.map((p) => p.kind)).toEqual(['add', 'add', 'update']);
    expect(rebase({ ...batch, patches: [{ kind: 'remove', site: site('zz', 9) }], addPatterns: [] }, now)).toBeNull();
  });

  it('is sent as one site:batch request, with a restored site keeping its number and its carried-forward link', () => {
    const restore = invert({ ...batch, patches: [{ kind: 'remove', site: site('b', 2, { copiedFrom: 'earlier-b' }) }], addPatterns: [] }) as BatchPatch;
    expect(batchInput('s', restore)).toEqual({
      sessionId: 's',
      add: [{ id: 'b', seq: 2, viewId: 'neck_anterior', viewVersion: 1, x: 20, y: 20, muscleId: 'sternocleidomastoid', side: 'left', units: 25, guidance: 'none', note: '', copiedFrom: 'earlier-b' }],
    });
    const input = batchInput('s', invert(batch) as BatchPatch);
    expect(input.remove).toEqual(['d', 'c']);
    expect(input.add?.map((a) => a.id)).toEqual(['b']);
    expect(input.update?.map((u) => [u.id, u.units])).toEqual([['a', 25]]);
    expect(input.removePatterns).toEqual(['p1']);
    expect(input.addPatterns).toBeUndefined();
  });

  it('names itself for the undo button', () => {
    expect(describePatch(batch, (id) => id)).toBe('Pattern: laterocollis, left');
    expect(describePatch({ kind: 'update', before: site('a', 1), after: site('a', 1, { muscleId: 'trapezius_upper' }) }, (id) => id)).toBe('moving site 1 to trapezius_upper');
  });
});
