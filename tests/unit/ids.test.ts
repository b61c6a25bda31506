import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids.ts';
import { id } from '../../shared/domain/values.ts';

describe('newId', () => {
  it('makes version-7 UUIDs that the contract accepts as ids', () => {
    const made = newId();
    expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.safeParse(made).success).toBe(true);
  });

  it('orders ids by creation, also many within one millisecond, and never repeats one', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the creation time in its first 48 bits', () => {
    const before = Date.now();
    const made = newId();
    const ms = parseInt(made.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
