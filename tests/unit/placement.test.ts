import { createInFlightGuard } from '../../renderer/app/chart/in-flight.ts';
import { newPendingSite, siteFromPending } from '../../renderer/app/chart/placement.ts';

/** A save that stays in flight until the test answers it. */
function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('placing a site', () => {
  it('a second press of "Place site" while the first is saving is dropped, not queued', async () => {
    const guard = createInFlightGuard();
    const save = deferred();
    let saves = 0;
    const press = () =>
      guard.run(() => {
        saves += 1;
        return save.promise;
      });
    const first = press();
    const second = press();
    expect(guard.busy).toBe(true);
    save.resolve();
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(saves).toBe(1);
    expect(guard.busy).toBe(false);
  });

  it('after a save is answered, or refused, the next placement can be saved', async () => {
    const guard = createInFlightGuard();
    expect(await guard.run(() => Promise.resolve())).toBe(true);
    const refused = deferred();
    const failing = guard.run(() => refused.promise);
    refused.reject(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    expect(guard.busy).toBe(false);
    expect(await guard.run(() => Promise.resolve())).toBe(true);
  });

  it('every confirmation of one pending site saves it under the same id; each new placement gets its own', () => {
    const pending = newPendingSite({ x: 120, y: 80 }, { muscleId: 'procerus', side: 'midline' }, '5');
    const view = { id: 'face_front', version: 1 };
    const once = siteFromPending(pending, 'session-1', view, 5, '2025-01-01T00:00:00.000Z');
    const again = siteFromPending(pending, 'session-1', view, 5, '2025-01-01T00:00:00.010Z');
    expect(once.id).toBe(pending.id);
    expect(again.id).toBe(pending.id);
    expect(once).toMatchObject({ sessionId: 'session-1', seq: 0, viewId: 'face_front', viewVersion: 1, x: 120, y: 80, muscleId: 'procerus', side: 'midline', units: 5 });
    const other = newPendingSite({ x: 120, y: 80 }, { muscleId: 'procerus', side: 'midline' }, '5');
    expect(other.id).not.toBe(pending.id);
  });
});
