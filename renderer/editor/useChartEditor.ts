import { useCallback, useRef, useState } from 'react';
import type { Site } from '../../shared/domain/types.ts';
import type { Client } from '../api.ts';
import { afterRedo, afterUndo, applyPatch, EMPTY_HISTORY, invert, rebase, record, type History, type Patch } from './history.ts';

/**
 * The session document (its sites) and its undo history. Every change is a patch that is first
 * persisted through the API (one transaction in main) and only then applied: what the clinician
 * sees is what the database holds.
 */
export function useChartEditor(client: Client, initialSites: readonly Site[], onError: (err: unknown) => void) {
  const [sites, setSites] = useState<Site[]>([...initialSites]);
  const [history, setHistory] = useState<History>(EMPTY_HISTORY);
  // The truth between renders: changes run one after another against the latest state, never dropped.
  const sitesRef = useRef<Site[]>([...initialSites]);
  const historyRef = useRef<History>(EMPTY_HISTORY);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Adds queued or in flight, by site id: the same site is never sent twice.
  const addsInFlight = useRef(new Map<string, Promise<boolean>>());

  const persist = useCallback(
    async (patch: Patch): Promise<Patch> => {
      switch (patch.kind) {
        case 'add': {
          const s = patch.site;
          const saved = await client.site.add({
            id: s.id,
            sessionId: s.sessionId,
            ...(s.seq > 0 ? { seq: s.seq } : {}),
            viewId: s.viewId,
            viewVersion: s.viewVersion,
            x: s.x,
            y: s.y,
            muscleId: s.muscleId,
            side: s.side,
            units: s.units,
            guidance: s.guidance,
            note: s.note,
          });
          return { kind: 'add', site: saved };
        }
        case 'remove':
          await client.site.delete({ id: patch.site.id });
          return patch;
        case 'update': {
          const a = patch.after;
          const saved = await client.site.update({
            id: a.id, x: a.x, y: a.y, muscleId: a.muscleId, side: a.side, units: a.units, guidance: a.guidance, note: a.note,
          });
          return { kind: 'update', before: patch.before, after: saved };
        }
      }
    },
    [client],
  );

  /** Queues a change behind the ones in flight, so quick clicks and keystrokes are kept, in order. */
  const enqueue = useCallback((task: () => Promise<boolean>): Promise<boolean> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const runNow = useCallback(
    async (patch: Patch | null, nextHistory: (saved: Patch, h: History) => History): Promise<boolean> => {
      if (!patch) return false;
      try {
        const saved = await persist(patch);
        sitesRef.current = applyPatch(sitesRef.current, saved);
        historyRef.current = nextHistory(saved, historyRef.current);
        setSites(sitesRef.current);
        setHistory(historyRef.current);
        return true;
      } catch (err) {
        onError(err);
        return false;
      }
    },
    [persist, onError],
  );

  const apply = useCallback(
    (patch: Patch): Promise<boolean> => {
      const run = () => enqueue(() => runNow(rebase(patch, sitesRef.current), (saved, h) => record(h, saved)));
      if (patch.kind !== 'add') return run();
      // Adding a site that is already shown, or already on its way, is the same placement again (a
      // double click, Enter pressed twice): it answers as the first did and sends nothing, so main
      // never sees it twice and the clinician never sees its refusal.
      const id = patch.site.id;
      const queued = addsInFlight.current.get(id);
      if (queued) return queued;
      if (sitesRef.current.some((s) => s.id === id)) return Promise.resolve(true);
      const added = run().finally(() => addsInFlight.current.delete(id));
      addsInFlight.current.set(id, added);
      return added;
    },
    [enqueue, runNow],
  );

  const undo = useCallback(
    () =>
      enqueue(async () => {
        const last = historyRef.current.done.at(-1);
        return last ? runNow(invert(last), (_saved, h) => afterUndo(h)) : false;
      }),
    [enqueue, runNow],
  );

  const redo = useCallback(
    () =>
      enqueue(async () => {
        const next = historyRef.current.undone.at(-1);
        return next ? runNow(next, (_saved, h) => afterRedo(h)) : false;
      }),
    [enqueue, runNow],
  );

  return {
    sites,
    apply,
    undo,
    redo,
    canUndo: history.done.length > 0,
    canRedo: history.undone.length > 0,
  };
}
