import { withChanges } from '../../shared/domain/merge.ts';

describe('partial updates', () => {
  const before = { units: 5, note: 'medial', nextDue: '2027-01-01' as string | null };

  it('change only the fields given; undefined keeps, null clears', () => {
    expect(withChanges(before, { units: 2.5, note: undefined, nextDue: null })).toEqual({ units: 2.5, note: 'medial', nextDue: null });
    expect(withChanges(before, {})).toEqual(before);
    expect(before.units).toBe(5);
  });
});
