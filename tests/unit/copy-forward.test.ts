import type { Site } from '../../shared/domain/types.ts';
import { compareWithEarlier } from '../../renderer/app/chart/copy-forward.ts';

function site(id: string, extra: Partial<Site> = {}): Site {
  return {
    id, sessionId: 'x', seq: 1, viewId: 'head_neck_posterior', viewVersion: 1, x: 100, y: 200, muscleId: 'splenius_capitis', side: 'left',
    units: 25, guidance: 'none', note: '', createdAt: 't', updatedAt: 't', ...extra,
  };
}

describe('starting from the last session', () => {
  it('marks each site as unchanged, changed (and how) or new, and lists the removed ones', () => {
    const earlier = [site('e1'), site('e2', { muscleId: 'trapezius_upper' }), site('e3', { muscleId: 'levator_scapulae' }), site('e4', { side: 'right' })];
    const now = [
      site('n1', { copiedFrom: 'e1' }),
      site('n2', { copiedFrom: 'e2', muscleId: 'trapezius_upper', units: 30 }),
      site('n3', { copiedFrom: 'e3', muscleId: 'trapezius_upper', x: 140 }),
      site('n4', { copiedFrom: null, muscleId: 'sternocleidomastoid' }),
      site('n5', { copiedFrom: 'e4', side: 'right', x: 110 }),
    ];
    const { status, removed } = compareWithEarlier(now, earlier);
    expect(status.get('n1')).toEqual({ kind: 'unchanged' });
    expect(status.get('n2')).toEqual({ kind: 'changed', what: ['units 25 → 30 U'] });
    expect(status.get('n3')).toEqual({ kind: 'changed', what: ['muscle (was Levator scapulae L)'] });
    expect(status.get('n4')).toEqual({ kind: 'new' });
    expect(status.get('n5')).toEqual({ kind: 'changed', what: ['position'] });
    expect(removed).toEqual([]);
    const fewer = compareWithEarlier(now.filter((s) => s.id !== 'n2'), earlier);
    expect(fewer.removed.map((s) => s.id)).toEqual(['e2']);
  });
});
